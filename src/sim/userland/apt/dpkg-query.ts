import { Errno } from '../../kernel/errno.ts';
import { err, out, readFile } from '../lib/io.ts';
import { fnmatch } from '../lib/fnmatch.ts';
import { program } from '../lib/program.ts';
import { dpkgName } from './archive.ts';
import { listPath, readDatabase, type Installed } from './dpkg-db.ts';

/** dpkg -l's header (recorded: test/fixtures/apt/bookworm/dpkg-l-procps.out). */
const LIST_HEADER = `Desired=Unknown/Install/Remove/Purge/Hold
| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend
|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)
`;

/**
 * dpkg-query 1.21 over the simulated status database: -W (show), -l
 * (list) and -S/--search (which package owns a path, patterns as fnmatch
 * with "*" crossing "/"). Texts and statuses are the recordings'.
 */
export const dpkgQuery = program(
  'dpkg-1.21/dpkg-query',
  { vszKb: 8000, rssKb: 3600 },
  function* (ctx) {
    const [action, ...args] = ctx.argv.slice(1);
    const db = yield* readDatabase();
    const entries = [...db.installed.values()].sort((a, b) => a.name.localeCompare(b.name));
    const select = (patterns: readonly string[]) =>
      patterns.length === 0
        ? entries.filter((e) => e.state === 'installed')
        : entries.filter((e) => patterns.some((p) => fnmatch(p, e.name)));
    if (action === '-W' || action === '--show') {
      let status = 0;
      for (const pattern of args.length === 0 ? ['*'] : args) {
        const found = select([pattern]);
        if (found.length === 0) {
          yield* err(`dpkg-query: no packages found matching ${pattern}\n`);
          status = 1;
        }
        for (const e of found)
          yield* out(`${dpkgName(e)}\t${e.state === 'installed' ? e.version : ''}\n`);
      }
      return status;
    }
    if (action === '-l' || action === '--list') return yield* list(select(args), args);
    if (action === '-S' || action === '--search') {
      if (args.length === 0)
        return yield* usageError('--search needs at least one file name pattern argument');
      let status = 0;
      for (const pattern of args) {
        // dpkg-query(1): a pattern not starting with / is a substring (wrapped in *…*); an absolute path without wildcards matches exactly.
        const exact = pattern.startsWith('/') && !/[*?[]/.test(pattern);
        const glob = pattern.startsWith('/') ? pattern : `*${pattern}*`;
        const owners = new Map<string, string[]>();
        for (const e of entries) {
          const text = yield* readFile(listPath(e));
          if (text instanceof Errno) continue;
          for (const path of text.split('\n'))
            if (path !== '' && (exact ? path === pattern : fnmatch(glob, path)))
              owners.set(path, [...(owners.get(path) ?? []), dpkgName(e)]);
        }
        if (owners.size === 0) {
          yield* err(`dpkg-query: no path found matching pattern ${pattern}\n`);
          status = 1;
        }
        for (const [path, names] of owners) yield* out(`${names.join(', ')}: ${path}\n`);
      }
      return status;
    }
    return yield* usageError(
      action === undefined ? 'need an action option' : `unknown option ${action}`,
    );
  },
);

/** dpkg-query 1.21's usage errors (captured on Debian 12: `dpkg-query`, `dpkg-query -x`, `dpkg-query -S`). */
function* usageError(message: string) {
  yield* err(`dpkg-query: error: ${message}\n\nUse --help for help about querying packages.\n`);
  return 2;
}

function* list(found: readonly Installed[], patterns: readonly string[]) {
  if (found.length === 0) {
    for (const p of patterns) yield* err(`dpkg-query: no packages found matching ${p}\n`);
    return 1;
  }
  const name = Math.max(14, ...found.map((e) => dpkgName(e).length));
  const version = Math.max(12, ...found.map((e) => e.version.length));
  const desc = Math.max(33, ...found.map((e) => e.description.length));
  let text = LIST_HEADER;
  text += `||/ ${'Name'.padEnd(name)} ${'Version'.padEnd(version)} Architecture Description\n`;
  text += `+++-${'='.repeat(name)}-${'='.repeat(version)}-${'='.repeat(12)}-${'='.repeat(desc)}\n`;
  for (const e of found) {
    const state = e.state === 'installed' ? 'ii' : 'rc';
    text += `${state}  ${dpkgName(e).padEnd(name)} ${e.version.padEnd(version)} ${e.architecture.padEnd(12)} ${e.description}\n`;
  }
  yield* out(text);
  return 0;
}
