import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { canonicalize, type CanonMode } from '../lib/canonicalize.ts';
import { err, out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quoteFileColon } from '../lib/quote.ts';
import { flags, parseOptions } from './options.ts';
import { usageError } from './usage.ts';

const LONGS = flags({
  canonicalize: 'f',
  'canonicalize-existing': 'e',
  'canonicalize-missing': 'm',
  'no-newline': 'n',
  quiet: 'q',
  silent: 's',
  verbose: 'v',
  zero: 'z',
});

/**
 * coreutils readlink(1) 9.1: a link's target, or with -f/-e/-m the
 * canonical name. Failures are silent (status 1) unless -v.
 */
export const readlink = program(
  'coreutils/readlink',
  { vszKb: 5480, rssKb: 1000 },
  function* (ctx) {
    const prog = progName(ctx, 'readlink');
    const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'efmnqsvz', LONGS);
    if (typeof parsed === 'number') return parsed;
    const keys = parsed.options.map((o) => o.key);
    const mode = keys.reduce<CanonMode | null>(
      (m, k) => (k === 'f' ? 'all-but-last' : k === 'e' ? 'existing' : k === 'm' ? 'missing' : m),
      null,
    );
    const verbose = keys.reduce(
      (v, k) => (k === 'v' ? true : k === 'q' || k === 's' ? false : v),
      false,
    );
    const operands = parsed.operands;
    if (operands.length === 0) return yield* usageError(prog, 'missing operand');
    const end = keys.includes('z') ? '\0' : keys.includes('n') && operands.length === 1 ? '' : '\n';
    if (keys.includes('n') && operands.length > 1)
      yield* err(`${prog}: ignoring --no-newline with multiple arguments\n`);
    let status = 0;
    for (const operand of operands) {
      const result = mode ? yield* canonicalize(operand, mode) : yield* sys.readlink(operand);
      if (result instanceof Errno) {
        if (verbose) yield* err(`${prog}: ${quoteFileColon(operand)}: ${result.message}\n`);
        status = 1;
        continue;
      }
      yield* out(result + end);
    }
    return status;
  },
);
