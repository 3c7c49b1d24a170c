import { err, out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { parseOptions, usageFailure } from './options.ts';

/** The simulated machine's processors: two, as on the machine the golden scenarios were recorded on (`nproc` prints 2). */
export const ONLINE_CPUS = 2;

/**
 * coreutils 9.1 nproc: the number of processors available (--all: installed),
 * less --ignore=N, never below 1. Messages as recorded on Debian 12.
 */
export const nproc = program('coreutils/nproc', { vszKb: 5500, rssKb: 900 }, function* (ctx) {
  const prog = progName(ctx, 'nproc');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), '', [
    { name: 'all', arg: 'none', key: 'all' },
    { name: 'ignore', arg: 'required', key: 'ignore' },
  ]);
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length)
    return yield* usageFailure(prog, `extra operand ${quote(parsed.operands[0] ?? '')}`, 1);
  let ignore = 0;
  for (const o of parsed.options)
    if (o.key === 'ignore') {
      const value = o.value ?? '';
      if (!/^\d+$/.test(value)) {
        yield* err(`${prog}: invalid number: ${quote(value)}\n`);
        return 1;
      }
      ignore = Number(value);
    }
  yield* out(`${Math.max(1, ONLINE_CPUS - ignore)}\n`);
  return 0;
});
