import { err, out } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { APT_MARK_USAGE } from './usage-texts.ts';
import { currentRelease, errnoText, visibleIndex } from './apt-common.ts';
import { EXTENDED_STATES, extendedStatesText, readDatabase, writeFile } from './dpkg-db.ts';

/**
 * apt-mark showmanual | showauto | auto PATTERN… | manual NAME… as the
 * redis 8 Dockerfile uses it (`apt-mark auto '.*' > /dev/null`,
 * `apt-mark manual $savedAptMark`). Patterns with regular-expression
 * characters match package names as apt's regex matching does; messages
 * are the recordings' (test/fixtures/apt/bookworm/apt-mark-*).
 */
export const aptMark = program(
  'apt-2.6/apt-mark',
  { vszKb: 20_000, rssKb: 12_000 },
  function* (ctx) {
    const [command, ...args] = ctx.argv.slice(1);
    const db = yield* readDatabase();
    const installed = [...db.installed.values()].filter((p) => p.state === 'installed');
    const names = installed.map((p) => p.name).sort();
    if (command === 'showmanual' || command === 'showauto') {
      const auto = command === 'showauto';
      const shown = names.filter((n) => db.auto.has(n) === auto);
      yield* out(shown.map((n) => n + '\n').join(''));
      return 0;
    }
    if (command === 'auto' || command === 'manual') {
      const auto = command === 'auto';
      const how = auto ? 'automatically' : 'manually';
      const index = yield* visibleIndex(yield* currentRelease());
      for (const arg of args) {
        const known = [...new Set([...names, ...index.packages.keys()])].sort();
        const matches = matching(known, arg);
        if (matches.length === 0) {
          yield* err(`E: Unable to locate package ${arg}\n`);
          return 100;
        }
        for (const name of matches) {
          if (!db.installed.has(name) || db.installed.get(name)?.state !== 'installed') {
            yield* out(`${name} can not be marked as it is not installed.\n`);
            continue;
          }
          if (db.auto.has(name) === auto)
            yield* out(`${name} was already set to ${how} installed.\n`);
          else {
            if (auto) db.auto.add(name);
            else db.auto.delete(name);
            yield* out(`${name} set to ${how} installed.\n`);
          }
        }
      }
      const failed = yield* writeFile(
        EXTENDED_STATES,
        extendedStatesText(installed.filter((p) => db.auto.has(p.name))),
      );
      if (failed !== 0) {
        yield* err(
          `E: Could not create temporary file for ${EXTENDED_STATES} - mkstemp ${errnoText(failed)}\n`,
        );
        return 100;
      }
      return 0;
    }
    if (command === undefined) {
      yield* out(APT_MARK_USAGE);
      return 1;
    }
    yield* err(`E: Invalid operation ${command}\n`);
    return 100;
  },
);

/** apt's package sets: the exact name first ("libstdc++6"), else a regular expression ('.*'). */
function matching(known: readonly string[], arg: string): string[] {
  if (known.includes(arg)) return [arg];
  if (!/[.*?+[\]^$]/.test(arg)) return [];
  try {
    const pattern = new RegExp(arg);
    return known.filter((n) => pattern.test(n));
  } catch {
    return [];
  }
}
