import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { flags, parseOptions } from './options.ts';

/** coreutils pwd(1) 9.1: the physical working directory (getcwd); operands are ignored with a warning. */
export const pwd = program('coreutils/pwd', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'pwd');
  const parsed = yield* parseOptions(
    prog,
    ctx.argv.slice(1),
    'LP',
    flags({ logical: 'L', physical: 'P' }),
  );
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length > 0) yield* err(`${prog}: ignoring non-option arguments\n`);
  yield* out((yield* sys.self()).cwd + '\n');
  return 0;
});
