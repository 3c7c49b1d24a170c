import { err, type Gen } from '../lib/io.ts';
import { dpkgName } from './archive.ts';
import { say, confirm, header, lock, visibleIndex, type Options } from './apt-common.ts';
import { databaseEntries, dpkgSays, removeFiles, shipsLibraries } from './dpkg-apply.ts';
import { readDatabase, type Installed } from './dpkg-db.ts';
import type { AptRelease } from './releases.ts';
import { unneeded } from './resolve.ts';
import { readingDatabase, showList, sizeToStr } from './texts.ts';

/**
 * apt-get remove, purge and autoremove, with --auto-remove (recorded:
 * remove-procps, autoremove, purge-removed, purge-procps-auto,
 * purge-fetchdeps, purge-never-installed, purge-missing).
 */
export function* remove(
  release: AptRelease,
  opts: Options,
  names: readonly string[],
  command: 'remove' | 'purge' | 'autoremove',
): Gen<number> {
  if (!(yield* lock('/var/lib/dpkg/lock-frontend', 'dpkg'))) return 100;
  const db = yield* readDatabase();
  yield* header(opts, db, release);
  const index = yield* visibleIndex(release);
  const targets = new Set<string>();
  for (const name of names) {
    const entry = db.installed.get(name);
    if (entry && (entry.state === 'installed' || opts.purge)) targets.add(name);
    else if (entry || index.packages.has(name))
      yield* say(opts, `Package '${name}' is not installed, so not removed\n`);
    else {
      yield* err(`E: Unable to locate package ${name}\n`);
      return 100;
    }
  }
  const orphans = unneeded(db.installed, db.auto, targets, opts.recommendsImportant);
  if (command === 'autoremove' || opts.autoRemove) for (const name of orphans) targets.add(name);
  else if (orphans.length > 0) {
    const title = 'The following packages were automatically installed and are no longer required:';
    yield* say(opts, showList(title, orphans));
    yield* say(opts, "Use 'apt autoremove' to remove them.\n");
  }
  const list = [...targets].sort();
  yield* say(
    opts,
    showList(
      'The following packages will be REMOVED:',
      list.map((n) => (opts.purge ? `${n}*` : n)),
    ),
  );
  yield* say(opts, `0 upgraded, 0 newly installed, ${list.length} to remove and 0 not upgraded.\n`);
  if (list.length === 0) return 0;
  const entries = list.map((n) => db.installed.get(n)).filter((e): e is Installed => !!e);
  const live = entries.filter((e) => e.state === 'installed');
  const freed = live.reduce((n, e) => n + e.installedSizeKb, 0);
  yield* say(
    opts,
    freed === 0
      ? 'After this operation, 0 B of additional disk space will be used.\n'
      : `After this operation, ${sizeToStr(freed * 1024)}B disk space will be freed.\n`,
  );
  if (!opts.yes && !(yield* confirm(opts))) {
    yield* say(opts, 'Abort.\n');
    return 1;
  }
  const removed = removalOrder(live);
  if (removed.length > 0) yield* dpkgSays(readingDatabase(databaseEntries(release, db)));
  for (const e of removed) {
    yield* dpkgSays(`Removing ${dpkgName(e)} (${e.version}) ...\n`);
    yield* dpkgSays(release.removeNotes[e.name] ?? '');
  }
  if (removed.some((e) => shipsLibraries(release.archive, e.name)))
    yield* dpkgSays(`Processing triggers for libc-bin (${release.libcBinVersion}) ...\n`);
  yield* removeFiles(db, list, opts.purge);
  if (opts.purge) {
    const purged = [...removed].reverse().concat(entries.filter((e) => e.state !== 'installed'));
    const withConfig = purged.filter((e) => release.archive.conffiles?.includes(e.name));
    if (withConfig.length > 0) {
      yield* dpkgSays(readingDatabase(databaseEntries(release, db)));
      for (const e of withConfig) {
        yield* dpkgSays(`Purging configuration files for ${dpkgName(e)} (${e.version}) ...\n`);
        yield* dpkgSays(release.purgeNotes[e.name] ?? '');
      }
    }
  }
  return 0;
}

/** dpkg removes a package before the packages it depends on; otherwise by name. */
function removalOrder(entries: readonly Installed[]): Installed[] {
  const left = [...entries].sort((a, b) => a.name.localeCompare(b.name));
  const order: Installed[] = [];
  const needed = (e: Installed) =>
    left.some((other) => other !== e && other.depends.some((dep) => dep.includes(e.name)));
  for (;;) {
    const next = left.find((e) => !needed(e)) ?? left[0];
    if (next === undefined) break;
    order.push(next);
    left.splice(left.indexOf(next), 1);
  }
  return order;
}
