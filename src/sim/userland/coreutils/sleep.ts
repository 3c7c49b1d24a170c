import * as sys from '../../kernel/syscall-api.ts';
import { program, progName } from '../lib/program.ts';
import { badOption, usageError } from './usage.ts';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** coreutils sleep(1): the sum of its operands (with s/m/h/d suffixes), on the virtual clock. */
export const sleep = program('coreutils/sleep', { vszKb: 5480, rssKb: 1000 }, function* (context) {
  const prog = progName(context, 'sleep');
  const args = context.argv.slice(1);
  const option = args.find((a) => /^-[^\d.]/.test(a) && a !== '--');
  if (option) return yield* usageError(prog, badOption(option));
  const operands = args.filter((a) => a !== '--');
  if (operands.length === 0) return yield* usageError(prog, 'missing operand');
  let seconds = 0;
  for (const operand of operands) {
    const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(operand);
    if (!match) return yield* usageError(prog, `invalid time interval '${operand}'`);
    seconds += Number(match[1]) * (UNITS[match[2] ?? ''] ?? 1);
  }
  yield* sys.nanosleep(seconds * 1000);
  return 0;
});
