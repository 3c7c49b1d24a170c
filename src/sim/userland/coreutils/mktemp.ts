import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, getenv, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { parseOptions } from './options.ts';

const LONGS = [
  { name: 'directory', arg: 'none', key: 'd' },
  { name: 'dry-run', arg: 'none', key: 'u' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'tmpdir', arg: 'optional', key: 'p' },
] as const;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * coreutils mktemp(1) 9.1: a new file (mode 0600) or directory (-d, 0700)
 * from a template whose trailing X's (at least 3) become letters. The
 * letters come from the PID and the clock, so a run is reproducible
 * (gnulib uses getrandom: src/sim/LIMITATIONS.md).
 */
export const mktemp = program('coreutils/mktemp', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'mktemp');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'dp:qtu', LONGS, 1, {
    long: [['suffix', 'required']],
  });
  if (typeof parsed === 'number') return parsed;
  const keys = new Set(parsed.options.map((o) => o.key));
  const dirOption = parsed.options.find((o) => o.key === 'p');
  const [given, extra] = parsed.operands;
  if (extra !== undefined) return yield* usage(prog, `too many templates`);
  const template = given ?? 'tmp.XXXXXXXXXX';
  const inTmpdir = given === undefined || keys.has('t') || dirOption !== undefined;
  if (inTmpdir && template.includes('/'))
    return yield* usage(prog, `invalid template, ${quote(template)}, contains directory separator`);
  const tmpdir = dirOption?.value || getenv(ctx.envp, 'TMPDIR') || '/tmp';
  const full = inTmpdir ? `${tmpdir}/${template}` : template;
  const xs = /X*$/.exec(full)?.[0].length ?? 0;
  if (xs < 3) {
    yield* err(`${prog}: too few X's in template ${quote(template)}\n`);
    return 1;
  }
  const made = yield* create(full, xs, keys.has('d'), keys.has('u'));
  if (made instanceof Errno) {
    const what = keys.has('d') ? 'directory' : 'file';
    if (!keys.has('q'))
      yield* err(
        `${prog}: failed to create ${what} via template ${quote(full)}: ${made.message}\n`,
      );
    return 1;
  }
  yield* out(made + '\n');
  return 0;
});

function* usage(prog: string, message: string): Gen<number> {
  yield* err(`${prog}: ${message}\nTry '${prog} --help' for more information.\n`);
  return 1;
}

function* create(
  template: string,
  xs: number,
  directory: boolean,
  dryRun: boolean,
): Gen<Errno | string> {
  const me = yield* sys.self();
  let seed = (me.pid * 2654435761 + me.now) >>> 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    let letters = '';
    for (let i = 0; i < xs; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      letters += LETTERS.charAt((seed >>> 8) % LETTERS.length);
    }
    const path = template.slice(0, template.length - xs) + letters;
    if (dryRun) return path;
    const result = directory
      ? yield* sys.mkdir(path, 0o700)
      : yield* sys.open(path, { write: true, create: true, exclusive: true }, 0o600);
    if (!(result instanceof Errno)) {
      if (!directory) yield* sys.close(result);
      return path;
    }
    if (result.code !== 'EEXIST') return result;
  }
  return new Errno('EEXIST');
}
