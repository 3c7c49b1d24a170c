import { err, out, type Gen } from '../lib/io.ts';
import { versionText } from './version-texts.ts';
import { getoptLong, GetoptError, type LongOption, type Parsed } from '../lib/getopt-long.ts';

/**
 * getopt_long for a coreutils-style program: on a bad option prints glibc's
 * message and "Try 'PROG --help' for more information." and gives the
 * status to exit with (1 for most tools, 2 for ls and grep, 125 for env).
 */
export function* parseOptions(
  prog: string,
  args: readonly string[],
  optstring: string,
  longs: readonly LongOption[] = [],
  failStatus = 1,
  lacking: Lacking = {},
): Gen<Parsed | number> {
  const lackingLongs = (lacking.long ?? []).map(([name, arg]) => ({ name, arg, key: `?${name}` }));
  const shorts = optstring + (lacking.short ?? '');
  const parsed = getoptLong(args, shorts, withHelpAndVersion([...longs, ...lackingLongs]));
  if (!(parsed instanceof GetoptError)) {
    const asked = parsed.options.find((o) => o.key === HELP || o.key === VERSION);
    if (asked) return yield* helpOrVersion(prog, asked.key);
    const missing = parsed.options.find(
      (o) => o.key.startsWith('?') || isLackingShort(o.key, lacking),
    );
    if (!missing) return parsed;
    const name = missing.key.startsWith('?') ? `--${missing.key.slice(1)}` : `-${missing.key}`;
    yield* err(`${prog}: ${name}: not implemented in this simulator\n`);
    return failStatus;
  }
  yield* err(`${prog}: ${parsed.message}\nTry '${prog} --help' for more information.\n`);
  return failStatus;
}

/**
 * Options the real tool has but the simulator does not implement: they are
 * parsed as the real tool would and then named as not implemented, rather
 * than called invalid. `short` uses optstring notation ("d:r:").
 */
export interface Lacking {
  readonly short?: string;
  readonly long?: readonly (readonly [string, LongOption['arg']])[];
}

function isLackingShort(key: string, lacking: Lacking): boolean {
  return key.length === 1 && (lacking.short ?? '').replace(/:/g, '').includes(key);
}

/** Every coreutils tool takes --help and --version, last in its long_options (GETOPT_HELP_OPTION_DECL). */
const HELP = '?help';
const VERSION = '?version';

function withHelpAndVersion(longs: readonly LongOption[]): LongOption[] {
  const extra = [
    { name: 'help', arg: 'none' as const, key: HELP },
    { name: 'version', arg: 'none' as const, key: VERSION },
  ];
  return [...longs.filter((l) => l.name !== 'help' && l.name !== 'version'), ...extra];
}

/**
 * --version prints coreutils 9.1's text (named by the program, not argv[0]);
 * the help texts are not carried by the simulator, which says so.
 */
export function* helpOrVersion(prog: string, key: string): Gen<number> {
  const tool = prog.slice(prog.lastIndexOf('/') + 1);
  if (key === VERSION) {
    yield* out(versionText(tool));
    return 0;
  }
  yield* err(`${prog}: --help: not implemented in this simulator\n`);
  return 1;
}

/** A usage error with a status other than 1. */
export function* usageFailure(prog: string, message: string, status: number): Gen<number> {
  yield* err(`${prog}: ${message}\nTry '${prog} --help' for more information.\n`);
  return status;
}

/** Shorthand for long options without arguments. */
export function flags(table: Record<string, string>): LongOption[] {
  return Object.entries(table).map(([name, key]) => ({ name, key, arg: 'none' as const }));
}
