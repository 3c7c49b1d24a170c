import { err, type Gen } from '../lib/io.ts';
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
): Gen<Parsed | number> {
  const parsed = getoptLong(args, optstring, longs);
  if (!(parsed instanceof GetoptError)) return parsed;
  yield* err(`${prog}: ${parsed.message}\nTry '${prog} --help' for more information.\n`);
  return failStatus;
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
