import { err, type Gen } from '../lib/io.ts';
import { getoptLong, GetoptError, type LongOption, type Parsed } from '../lib/getopt-long.ts';
import { mayWrite, type AccountFile } from './account-files.ts';

/** shadow's usage failure: getopt's message (if any), then the usage text, status 2 (E_USAGE). */
export function* parseOrUsage(
  prog: string,
  args: readonly string[],
  optstring: string,
  longs: readonly LongOption[],
  usage: string,
): Gen<Parsed | number> {
  const parsed = getoptLong(args, optstring, longs);
  if (parsed instanceof GetoptError) {
    yield* err(`${prog}: ${parsed.message}\n${usage}`);
    return 2;
  }
  if (parsed.operands.length !== 1) {
    yield* err(usage);
    return 2;
  }
  return parsed;
}

/** Locking fails for a user who may not write the file: "Permission denied." then "cannot lock". */
export function* lockOrFail(prog: string, file: AccountFile): Gen<boolean> {
  if (yield* mayWrite(file)) return true;
  yield* err(`${prog}: Permission denied.\n${prog}: cannot lock /etc/${file}; try again later.\n`);
  return false;
}

export function valueOf(parsed: Parsed, key: string): string | undefined {
  return parsed.options.filter((o) => o.key === key).at(-1)?.value;
}

export function has(parsed: Parsed, key: string): boolean {
  return parsed.options.some((o) => o.key === key);
}
