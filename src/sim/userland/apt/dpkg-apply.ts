import { Errno } from '../../kernel/errno.ts';
import { simulatedExecutable } from '../../kernel/binfmt.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { out, readFile, type Gen } from '../lib/io.ts';
import { dpkgName, type Archive, type DebPackage } from './archive.ts';
import { debFiles } from './deb-files.ts';
import {
  EXTENDED_STATES,
  extendedStatesText,
  listPath,
  restate,
  STATUS_FILE,
  statusStanza,
  writeFile,
  type Database,
} from './dpkg-db.ts';
import type { AptRelease } from './releases.ts';
import { debFileName, readingDatabase } from './texts.ts';

/**
 * What dpkg prints: apt runs it on a pseudo-terminal of its own, so every
 * line reaches apt's output as "…\r\n" (recorded: install-procps-yes.out).
 */
export function* dpkgSays(text: string): Gen<void> {
  yield* out(text.replaceAll('\n', '\r\n'));
}

/** dpkg's count of files and directories: the base image's, plus what each package installed later added. */
export function databaseEntries(release: AptRelease, db: Database): number {
  const { archive } = release;
  let count = release.baseDatabaseEntries;
  for (const p of db.installed.values())
    if (p.state === 'installed' && !archive.base.includes(p.name))
      count += archive.entries?.[p.name] ?? archive.files[p.name]?.length ?? 0;
  return count;
}

/**
 * dpkg --unpack then --configure, as apt runs it: the messages of
 * test/fixtures/apt/bookworm/install-procps-yes.out, the files of each
 * package written through the file system, the status database updated.
 */
export function* unpackAndConfigure(
  release: AptRelease,
  db: Database,
  install: readonly DebPackage[],
  auto: ReadonlySet<string>,
  entries: number,
): Gen<void> {
  const numbered = install.length >= 10;
  for (const [i, pkg] of install.entries()) {
    yield* dpkgSays(`Selecting previously unselected package ${dpkgName(pkg)}.\n`);
    if (i === 0) yield* dpkgSays(readingDatabase(entries));
    const prefix = numbered ? `${String(i).padStart(2, '0')}-` : '';
    yield* dpkgSays(
      `Preparing to unpack .../${prefix}${debFileName(pkg.name, pkg.version, pkg.architecture)} ...\n`,
    );
    yield* dpkgSays(`Unpacking ${dpkgName(pkg)} (${pkg.version}) ...\n`);
    yield* layOut(release.archive, pkg);
  }
  for (const pkg of configureOrder(install)) {
    yield* dpkgSays(`Setting up ${dpkgName(pkg)} (${pkg.version}) ...\n`);
    yield* dpkgSays(release.setupNotes[pkg.name] ?? '');
  }
  if (install.some((p) => shipsLibraries(release.archive, p.name)))
    yield* dpkgSays(`Processing triggers for libc-bin (${release.libcBinVersion}) ...\n`);
  const status = (yield* readFile(STATUS_FILE)) as string | Errno;
  const text =
    (status instanceof Errno ? '' : status) +
    install.map((p) => statusStanza(p, 'installed')).join('');
  yield* writeFile(STATUS_FILE, text);
  for (const pkg of install) if (auto.has(pkg.name)) db.auto.add(pkg.name);
  yield* writeAuto(db, install);
}

/** Whether a package has shared libraries (ldconfig's trigger in libc-bin runs after it changes). */
export function shipsLibraries(archive: Archive, name: string): boolean {
  const files = archive.files[name];
  return files ? files.some((f) => f.includes('.so')) : name.startsWith('lib');
}

/** Dependencies are set up before the packages that need them (apt's own order differs; LIMITATIONS). */
function configureOrder(install: readonly DebPackage[]): DebPackage[] {
  return [...install];
}

/** Writes a package's files and its .list. */
function* layOut(archive: Archive, pkg: DebPackage): Gen<void> {
  const files = debFiles(archive, pkg.name);
  for (const file of files) {
    yield* mkdirs(file.path.slice(0, file.path.lastIndexOf('/')));
    if (file.symlinkTo !== undefined) {
      yield* sys.unlink(file.path);
      yield* sys.symlink(file.symlinkTo, file.path);
    } else if (file.program !== undefined) {
      yield* writeFile(file.path, simulatedExecutable(file.program, `${pkg.name} ${pkg.version}`));
      yield* sys.chmod(file.path, 0o755);
    } else yield* writeFile(file.path, '');
  }
  yield* mkdirs('/var/lib/dpkg/info');
  yield* writeFile(
    listPath(pkg),
    files
      .filter((f) => !f.unlisted)
      .map((f) => f.path + '\n')
      .join(''),
  );
}

function* mkdirs(dir: string): Gen<void> {
  let path = '';
  for (const part of dir.split('/').filter((p) => p !== '')) {
    path += '/' + part;
    yield* sys.mkdir(path, 0o755);
  }
}

/** Removes packages' files (by their .list) and rewrites the status: purged ones leave it, removed ones keep "rc". */
export function* removeFiles(db: Database, names: readonly string[], purge: boolean): Gen<void> {
  for (const name of names) {
    const entry = db.installed.get(name);
    if (!entry) continue;
    const list = yield* readFile(listPath(entry));
    if (!(list instanceof Errno))
      for (const path of list.split('\n')) if (path !== '') yield* sys.unlink(path);
    if (purge) yield* sys.unlink(listPath(entry));
  }
  let text = '';
  for (const entry of db.installed.values()) {
    if (!names.includes(entry.name)) text += restate(entry, entry.state);
    else if (!purge) text += restate(entry, 'config-files');
  }
  yield* writeFile(STATUS_FILE, text);
  for (const name of names) {
    const entry = db.installed.get(name);
    if (purge) db.installed.delete(name);
    else if (entry) db.installed.set(name, { ...entry, state: 'config-files' });
    db.auto.delete(name);
  }
  yield* writeAuto(db, []);
}

function* writeAuto(db: Database, added: readonly DebPackage[]): Gen<void> {
  const known = [...db.installed.values(), ...added].filter((p) => db.auto.has(p.name));
  yield* writeFile(EXTENDED_STATES, extendedStatesText(known));
}
