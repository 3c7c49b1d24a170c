import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { parseOptions } from './options.ts';
import { usageError } from './usage.ts';

const LONGS = [
  { name: 'no-create', arg: 'none', key: 'c' },
  { name: 'no-dereference', arg: 'none', key: 'h' },
] as const;

/**
 * coreutils touch(1) 9.1: creates missing files (mode 0666 less the umask)
 * and sets times to now. As in touch.c, an open(2) failure is reported as
 * "cannot touch" unless utimensat(2) then succeeds. Times other than now
 * (-d, -t, -r) need a utimensat with times, which the kernel lacks.
 */
export const touch = program('coreutils/touch', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'touch');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'acfhm', LONGS, 1, {
    short: 'd:r:t:',
    long: [
      ['date', 'required'],
      ['reference', 'required'],
      ['time', 'required'],
    ],
  });
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length === 0) return yield* usageError(prog, 'missing file operand');
  const noCreate = parsed.options.some((o) => o.key === 'c');
  let status = 0;
  for (const file of parsed.operands) {
    const problem = yield* touchOne(file, noCreate);
    if (problem) {
      yield* err(`${prog}: ${problem}\n`);
      status = 1;
    }
  }
  return status;
});

function* touchOne(file: string, noCreate: boolean): Gen<string | null> {
  let openError: Errno | null = null;
  if (!noCreate) {
    const fd = yield* sys.open(file, { write: true, create: true }, 0o666);
    if (fd instanceof Errno) openError = fd;
    else yield* sys.close(fd);
  }
  const result = yield* sys.utimes(file);
  if (!(result instanceof Errno)) return null;
  if (noCreate && result.code === 'ENOENT') return null;
  if (openError && openError.code !== 'EISDIR')
    return `cannot touch ${quote(file)}: ${openError.message}`;
  return `setting times of ${quote(file)}: ${result.message}`;
}
