/**
 * The simulator's stand-in for tar archives (and gzip-compressed ones): a
 * header line, then the members as JSON. tar writes and reads it; it is not
 * the ustar format and not gzip (src/sim/LIMITATIONS.md). A `.tar.gz` starts
 * with gzip's two magic bytes (1f 8b, as Latin-1 characters) so that tools
 * telling gzip from tar by the first bytes can.
 */
export interface ArchiveMember {
  /** The member's name as stored (e.g. "redis-7.2.5/src/config.c"). */
  readonly name: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly owner: string;
  readonly group: string;
  /** Seconds since the epoch. */
  readonly mtime: number;
  readonly data?: string;
  readonly target?: string;
}

export interface Archive {
  readonly gzip: boolean;
  readonly members: readonly ArchiveMember[];
}

const TAR_MAGIC = 'stepdown-tar-archive\n';
const GZIP_MAGIC = '\x1f\x8b stepdown-gzip\n';

export function encodeArchive(archive: Archive): string {
  const body = TAR_MAGIC + JSON.stringify(archive.members) + '\n';
  return archive.gzip ? GZIP_MAGIC + body : body;
}

/** The members, or why the bytes are not an archive: 'not-gzip' / 'not-tar' as tar reports them. */
export function decodeArchive(data: string): Archive | 'not-tar' {
  const gzip = data.startsWith(GZIP_MAGIC);
  const body = gzip ? data.slice(GZIP_MAGIC.length) : data;
  if (!body.startsWith(TAR_MAGIC)) return 'not-tar';
  try {
    const members = JSON.parse(body.slice(TAR_MAGIC.length)) as ArchiveMember[];
    return Array.isArray(members) ? { gzip, members } : 'not-tar';
  } catch {
    return 'not-tar';
  }
}

export function isGzip(data: string): boolean {
  return data.startsWith('\x1f\x8b');
}
