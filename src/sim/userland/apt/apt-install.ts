import { err, type Gen } from '../lib/io.ts';
import { indexOf, type DebPackage } from './archive.ts';
import { say, confirm, fetch, header, lock, visibleIndex, type Options } from './apt-common.ts';
import { databaseEntries, unpackAndConfigure } from './dpkg-apply.ts';
import { readDatabase } from './dpkg-db.ts';
import type { AptRelease } from './releases.ts';
import { planInstall } from './resolve.ts';
import { showList, sizeToStr } from './texts.ts';

/** apt-get install (recorded: install-procps-yes, install-procps-no, install-fetchdeps …). */
export function* install(
  release: AptRelease,
  opts: Options,
  names: readonly string[],
): Gen<number> {
  if (!(yield* lock('/var/lib/dpkg/lock-frontend', 'dpkg'))) return 100;
  const db = yield* readDatabase();
  yield* header(opts, db, release);
  const index = yield* visibleIndex(release);
  const requested: DebPackage[] = [];
  for (const name of names) {
    const pkg = index.packages.get(name);
    const installed = db.installed.get(name);
    if (pkg) requested.push(pkg);
    else if (installed?.state === 'installed') {
      const known = indexOf(release.archive).packages.get(name);
      if (known) requested.push(known);
    } else {
      yield* err(`E: Unable to locate package ${name}\n`);
      return 100;
    }
  }
  const plan = planInstall(index, db.installed, requested, opts.recommends);
  for (const entry of plan.already) {
    yield* say(opts, `${entry.name} is already the newest version (${entry.version}).\n`);
    if (db.auto.delete(entry.name)) yield* say(opts, `${entry.name} set to manually installed.\n`);
  }
  const requestedNames = new Set(requested.map((p) => p.name));
  const sorted = (list: readonly DebPackage[]) => list.map((p) => p.name).sort();
  const extra = plan.install.filter((p) => !requestedNames.has(p.name));
  yield* say(opts, showList('The following additional packages will be installed:', sorted(extra)));
  yield* say(opts, showList('Suggested packages:', plan.suggested));
  yield* say(opts, showList('Recommended packages:', plan.recommended));
  yield* say(opts, showList('The following NEW packages will be installed:', sorted(plan.install)));
  yield* say(
    opts,
    `0 upgraded, ${plan.install.length} newly installed, 0 to remove and 0 not upgraded.\n`,
  );
  if (plan.install.length === 0) return 0;
  const download = plan.install.reduce((n, p) => n + p.sizeBytes, 0);
  const disk = plan.install.reduce((n, p) => n + p.installedSizeKb, 0) * 1024;
  yield* say(opts, `Need to get ${sizeToStr(download)}B of archives.\n`);
  yield* say(
    opts,
    `After this operation, ${sizeToStr(disk)}B of additional disk space will be used.\n`,
  );
  if (extra.length > 0 && !opts.yes && !(yield* confirm(opts))) {
    yield* say(opts, 'Abort.\n');
    return 1;
  }
  yield* fetch(
    release,
    opts,
    plan.install.map((p) => ({
      verb: 'Get',
      what: `${p.origin.uri} ${p.origin.suite}/${p.origin.component} amd64 ${p.name} ${p.architecture} ${p.version}`,
      bytes: p.sizeBytes,
    })),
  );
  yield* err('debconf: delaying package configuration, since apt-utils is not installed\n');
  const auto = new Set(extra.map((p) => p.name));
  yield* unpackAndConfigure(release, db, plan.install, auto, databaseEntries(release, db));
  return 0;
}
