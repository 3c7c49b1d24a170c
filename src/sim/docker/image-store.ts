import type { Image } from './images/image.ts';

/** "ubuntu:trusty" stays, "lab" becomes "lab:latest", "docker.io/library/x" becomes "x". */
export function normaliseReference(reference: string): string {
  const short = reference.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const lastSlash = short.lastIndexOf('/');
  return short.slice(lastSlash + 1).includes(':') ? short : `${short}:latest`;
}

/**
 * An image by its normalised name:tag or, failing that, by its ID or a
 * prefix of it (`docker run 3f2a…`, and the builder's containers, which
 * name the step's image by ID).
 */
export function findImage(images: readonly Image[], reference: string): Image | undefined {
  const tagged = images.find((image) =>
    image.tags.some((tag) => `${image.repository}:${tag}` === reference),
  );
  if (tagged) return tagged;
  const id = reference.replace(/:latest$/, '').replace(/^sha256:/, '');
  if (!/^[0-9a-f]{1,64}$/.test(id)) return undefined;
  const matches = images.filter((image) => image.id.startsWith(id));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The registry's answer for a repository it does not have (docs/research/docker-texts.md §2a). */
export function pullDenied(reference: string): string {
  return `pull access denied for ${reference.replace(/:[^:/]*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
}
