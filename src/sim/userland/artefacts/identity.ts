import { digestOf, type DigestName } from '../lib/digest.ts';
import { artefactWithBody } from './store.ts';

/**
 * The digest a tool computes over a file. For the bytes of an untouched
 * artefact of the store (a download, or a copy of one) it is the digest the
 * publisher states for the real file, where one is known; for any other bytes
 * (a modified download included) it is the real digest of the bytes
 * (SHA-256 and MD5 in digest.ts). So `sha256sum -c` passes for an untouched
 * download and fails for a tampered one, as it would on a real machine.
 */
export function fileDigest(algorithm: DigestName, data: string): string {
  if (algorithm === 'sha256') {
    const published = artefactWithBody(data)?.publishedSha256;
    if (published) return published;
  }
  return digestOf(algorithm, data);
}

/** What a signature over these bytes must name: their SHA-256 as fileDigest gives it. */
export function signedIdentity(data: string): string {
  return fileDigest('sha256', data);
}
