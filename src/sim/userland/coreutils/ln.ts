import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { flags, parseOptions, usageFailure } from './options.ts';

const LONGS = flags({
  symbolic: 's',
  force: 'f',
  verbose: 'v',
  'no-target-directory': 'T',
  'no-dereference': 'n',
});

interface LnOptions {
  readonly symbolic: boolean;
  readonly force: boolean;
  readonly verbose: boolean;
}

/**
 * coreutils 9.1 ln for symbolic links (-s, with -f, -v, -T, -n, and a target
 * directory as the last operand), as the redis Dockerfiles use it (`ln -svfT
 * 'redis-server' FILE`). -v prints "'NAME' -> 'TARGET'". Messages and statuses
 * recorded from Debian 12's ln. Hard links need link(2), which the simulated
 * kernel lacks: ln without -s says so.
 */
export const ln = program('coreutils/ln', { vszKb: 5500, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'ln');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'fnsTv', LONGS, 1, {
    short: 'bdFiLPrS:t:',
  });
  if (typeof parsed === 'number') return parsed;
  const has = (k: string) => parsed.options.some((o) => o.key === k);
  const options: LnOptions = { symbolic: has('s'), force: has('f'), verbose: has('v') };
  const operands = parsed.operands;
  if (operands.length === 0) return yield* usageFailure(prog, 'missing file operand', 1);
  const noTargetDir = has('T');
  if (noTargetDir && operands.length > 2)
    return yield* usageFailure(prog, `extra operand ${quote(operands[2] ?? '')}`, 1);
  // Recorded on Debian 12: `ln -sT a` "ln: missing destination file operand after 'a'", 1.
  if (operands.length === 1 && noTargetDir)
    return yield* usageFailure(
      prog,
      `missing destination file operand after ${quote(operands[0] ?? '')}`,
      1,
    );
  if (operands.length === 1) {
    const target = operands[0] as string;
    return yield* link(prog, target, `./${baseName(target)}`, options);
  }
  const last = operands[operands.length - 1] as string;
  const lastIsDir = !noTargetDir && (yield* isDirectory(last, has('n')));
  if (operands.length > 2 && !lastIsDir) {
    const st = yield* sys.stat(last);
    yield* err(
      `${prog}: target ${quote(last)}: ${st instanceof Errno ? st.message : 'Not a directory'}\n`,
    );
    return 1;
  }
  let status = 0;
  for (const target of operands.slice(0, -1)) {
    const name = lastIsDir ? `${last.replace(/\/+$/, '')}/${baseName(target)}` : last;
    if ((yield* link(prog, target, name, options)) !== 0) status = 1;
  }
  return status;
});

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || '/';
}

function* isDirectory(path: string, noDereference: boolean): Gen<boolean> {
  const st = noDereference ? yield* sys.lstat(path) : yield* sys.stat(path);
  return !(st instanceof Errno) && st.kind === 'dir';
}

function* link(prog: string, target: string, name: string, o: LnOptions): Gen<number> {
  if (!o.symbolic) {
    const source = yield* sys.stat(target);
    if (source instanceof Errno) {
      yield* err(`${prog}: failed to access ${quote(target)}: ${source.message}\n`);
      return 1;
    }
    yield* err(`${prog}: hard links are not implemented in this simulator (use -s)\n`);
    return 1;
  }
  let made = yield* sys.symlink(target, name);
  if (made instanceof Errno && made.code === 'EEXIST' && o.force) {
    const existing = yield* sys.lstat(name);
    if (!(existing instanceof Errno) && existing.kind === 'dir') {
      yield* err(`${prog}: ${name}: cannot overwrite directory\n`);
      return 1;
    }
    yield* sys.unlink(name);
    made = yield* sys.symlink(target, name);
  }
  if (made instanceof Errno) {
    yield* err(`${prog}: failed to create symbolic link ${quote(name)}: ${made.message}\n`);
    return 1;
  }
  if (o.verbose) yield* out(`${quote(name)} -> ${quote(target)}\n`);
  return 0;
}
