import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, readFile, type Gen } from '../lib/io.ts';
import { LineReader } from '../lib/line-reader.ts';
import { indexOf, type ArchiveIndex } from './archive.ts';
import { LISTS_DIR, type Database } from './dpkg-db.ts';
import { APT_RELEASES, releaseOfSources, type AptRelease, type FetchItem } from './releases.ts';
import { fetchedLine, sizeToStr } from './texts.ts';

/** apt-get's options as the simulator reads them. */
export interface Options {
  yes: boolean;
  recommends: boolean;
  autoRemove: boolean;
  purge: boolean;
  recommendsImportant: boolean;
  /** Standard output is a terminal (progress lines end in "... Done"). */
  tty: boolean;
  /** -q, -qq: apt's own lines go at 2 (recorded: quiet-*-qq); dpkg's stay. */
  quiet: number;
}

/** One of apt's own messages (not dpkg's): gone under -qq. */
export function* say(opts: Options, text: string): Gen<void> {
  if (opts.quiet < 2) yield* out(text);
}

/** Linux's numbers for the errors apt reports as "(13: Permission denied)" (asm-generic/errno-base.h). */
const ERRNO_NUMBER: Partial<Record<string, number>> = {
  ENOENT: 2,
  EACCES: 13,
  ENOTDIR: 20,
  EROFS: 30,
};

/** apt's "(N: text)" for a failed system call. */
export function errnoText(e: Errno): string {
  return `(${ERRNO_NUMBER[e.code] ?? 0}: ${e.message})`;
}

/** Opens a lock file as apt does; not root: apt's two errors (recorded: install-nonroot). */
export function* lock(path: string, what: 'lists' | 'dpkg'): Gen<boolean> {
  const fd = yield* sys.open(path, { write: true, create: true }, 0o640);
  if (!(fd instanceof Errno)) {
    yield* sys.close(fd);
    return true;
  }
  yield* err(`E: Could not open lock file ${path} - open ${errnoText(fd)}\n`);
  yield* err(
    what === 'lists'
      ? 'E: Unable to lock directory /var/lib/apt/lists/\n'
      : 'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
  );
  return false;
}

export function* progress(opts: Options, text: string): Gen<void> {
  yield* say(opts, opts.tty && opts.quiet === 0 ? `${text}... Done\n` : `${text}...\n`);
}

export function listFileName(uri: string, suite: string, component: string): string {
  return `${uri.replace(/^https?:\/\//, '').replaceAll('/', '_')}_dists_${suite.replaceAll('/', '_')}_${component}_binary-amd64_Packages`;
}

export function* fetch(release: AptRelease, opts: Options, items: readonly FetchItem[]): Gen<void> {
  let bytes = 0;
  for (const [i, item] of items.entries()) {
    const size = item.verb === 'Get' ? ` [${sizeToStr(item.bytes)}B]` : '';
    yield* say(opts, `${item.verb}:${i + 1} ${item.what}${size}\n`);
    bytes += item.bytes;
  }
  const seconds = bytes / release.bytesPerSecond;
  yield* sys.nanosleep(Math.round(seconds * 1000));
  yield* say(opts, fetchedLine(bytes, seconds));
}

export function* readdirNames(dir: string): Gen<string[]> {
  const entries = yield* sys.readdir(dir);
  return entries instanceof Errno ? [] : entries.map((e) => e.name);
}

/** The packages apt can see: those of the lists `apt-get update` left (none after rm -rf /var/lib/apt/lists/*). */
export function* visibleIndex(release: AptRelease): Gen<ArchiveIndex> {
  const present = new Set(yield* readdirNames(LISTS_DIR));
  const origins = release.archive.origins.filter((o) =>
    present.has(listFileName(o.uri, o.suite, o.component)),
  );
  return indexOf(
    origins.length === release.archive.origins.length
      ? release.archive
      : { ...release.archive, origins },
  );
}

export function* header(opts: Options, db: Database, release: AptRelease): Gen<void> {
  yield* progress(opts, 'Reading package lists');
  yield* say(
    opts,
    opts.tty && opts.quiet === 0 ? `${release.buildingTreeTty}\n` : 'Building dependency tree...\n',
  );
  if (db.hasStates) yield* progress(opts, 'Reading state information');
}

/** "Do you want to continue? [Y/n] ": yes on y, Y or an empty line; anything else (or end of input) aborts. */
export function* confirm(opts: Options): Gen<boolean> {
  const prompt = 'Do you want to continue? [Y/n] ';
  if (opts.tty && (yield* sys.isatty(0))) {
    const answer = yield* sys.readline(0, prompt);
    if (answer instanceof Errno || !('line' in answer)) return false;
    return /^(y|yes)?$/i.test(answer.line.trim());
  }
  yield* out(prompt);
  const line = yield* new LineReader(0).next();
  if (line === null || line instanceof Errno) return false;
  return /^(y|yes)?$/i.test(line.trim());
}

/** The release the image's sources name (bookworm when there are none). */
export function* currentRelease(): Gen<AptRelease> {
  for (const release of Object.values(APT_RELEASES)) {
    const text = yield* readFile(release.sourcesPath);
    if (!(text instanceof Errno)) return releaseOfSources(text) ?? release;
  }
  return APT_RELEASES['bookworm'] as AptRelease;
}
