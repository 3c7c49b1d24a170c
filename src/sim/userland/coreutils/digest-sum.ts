import type { Program } from '../../kernel/exec.ts';
import { fileDigest } from '../artefacts/identity.ts';
import type { DigestName } from '../lib/digest.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quoteFileColon, quoteIfNeeded } from '../lib/quote.ts';
import { isInputError, readInput } from '../lib/read-input.ts';
import { flags, parseOptions } from './options.ts';

const LONGS = [
  ...flags({
    binary: 'b',
    check: 'c',
    text: 't',
    quiet: 'Q',
    status: 'S',
    warn: 'w',
  }),
  { name: 'zero', arg: 'none' as const, key: 'z' },
  { name: 'tag', arg: 'none' as const, key: 'T' },
  { name: 'strict', arg: 'none' as const, key: 'X' },
  { name: 'ignore-missing', arg: 'none' as const, key: 'I' },
];

/**
 * md5sum.c's checks of the options, in its order (coreutils 9.1; each
 * recorded with `env -i sha256sum …` on Debian 12), with the long name the
 * message uses: a message ends with the Try line, status 1.
 */
function usageProblem(keys: ReadonlySet<string>): string | undefined {
  const check = keys.has('c');
  if (keys.has('T') && keys.has('t')) return '--tag does not support --text mode';
  if (keys.has('T') && check) return 'the --tag option is meaningless when verifying checksums';
  if ((keys.has('b') || keys.has('t')) && check)
    return 'the --binary and --text options are meaningless when verifying checksums';
  if (check) return undefined;
  const only = [
    ['I', 'ignore-missing'],
    ['S', 'status'],
    ['w', 'warn'],
    ['Q', 'quiet'],
    ['X', 'strict'],
  ].find(([key]) => keys.has(key as string));
  return only && `the --${only[1]} option is meaningful only when verifying checksums`;
}

interface CheckOptions {
  readonly quiet: boolean;
  readonly status: boolean;
  /** --strict: improperly formatted lines make the status 1. */
  readonly strict: boolean;
}

/**
 * coreutils 9.1 sha256sum and md5sum (md5sum.c): print "DIGEST  NAME" (or
 * "DIGEST *NAME" with -b), or with -c read "DIGEST  NAME" / "DIGEST *NAME"
 * lines and report each file OK or FAILED, then the WARNING lines, status 1
 * when anything failed. The digest of a file is fileDigest's: the
 * publisher's for an untouched artefact of the store, else the real digest of
 * the bytes (src/sim/userland/artefacts/identity.ts).
 */
function createDigestSum(tool: string, algorithm: DigestName, hexLength: number): Program {
  return program(`coreutils/${tool}`, { vszKb: 5500, rssKb: 1000 }, function* (ctx) {
    const prog = progName(ctx, tool);
    const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'bctwz', LONGS, 1, {
      short: 'z',
    });
    if (typeof parsed === 'number') return parsed;
    const keys = new Set(parsed.options.map((o) => o.key));
    const operands = parsed.operands.length ? parsed.operands : ['-'];
    const problem = usageProblem(keys);
    if (problem !== undefined) {
      yield* err(`${prog}: ${problem}\nTry '${prog} --help' for more information.\n`);
      return 1;
    }
    if (keys.has('c')) {
      if (keys.has('I')) {
        yield* err(`${prog}: --ignore-missing: not implemented in this simulator\n`);
        return 1;
      }
      const options = { quiet: keys.has('Q'), status: keys.has('S'), strict: keys.has('X') };
      let status = 0;
      for (const list of operands) {
        const result = yield* checkList(prog, list, algorithm, hexLength, options);
        if (result !== 0) status = 1;
      }
      return status;
    }
    // --tag: BSD-style "SHA256 (NAME) = DIGEST" (recorded: `sha256sum --tag f`, `md5sum --tag f`).
    const tag = keys.has('T') ? algorithm.toUpperCase() : undefined;
    const marker = keys.has('b') ? '*' : ' ';
    let status = 0;
    for (const operand of operands) {
      const text = yield* readInput(operand);
      if (isInputError(text)) {
        yield* err(`${prog}: ${quoteFileColon(operand)}: ${text.errno.message}\n`);
        status = 1;
        continue;
      }
      const digest = fileDigest(algorithm, text);
      yield* out(tag ? `${tag} (${operand}) = ${digest}\n` : `${digest} ${marker}${operand}\n`);
    }
    return status;
  });
}

function* checkList(
  prog: string,
  list: string,
  algorithm: DigestName,
  hexLength: number,
  options: CheckOptions,
): Gen<number> {
  const text = yield* readInput(list);
  if (isInputError(text)) {
    yield* err(`${prog}: ${quoteFileColon(list)}: ${text.errno.message}\n`);
    return 1;
  }
  const lineRe = new RegExp(`^\\s*([0-9a-fA-F]{${hexLength}}) ([ *])(.+)$`);
  let formatted = 0;
  let badLines = 0;
  let mismatched = 0;
  let unreadable = 0;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const match = lineRe.exec(line);
    if (!match) {
      if (!/^\s*#/.test(line)) badLines++;
      continue;
    }
    formatted++;
    const expected = (match[1] as string).toLowerCase();
    const name = match[3] as string;
    const data = yield* readInput(name);
    if (isInputError(data)) {
      unreadable++;
      yield* err(`${prog}: ${quoteFileColon(name)}: ${data.errno.message}\n`);
      if (!options.status) yield* out(`${name}: FAILED open or read\n`);
      continue;
    }
    const ok = fileDigest(algorithm, data) === expected;
    if (!ok) mismatched++;
    if (options.status || (ok && options.quiet)) continue;
    yield* out(`${name}: ${ok ? 'OK' : 'FAILED'}\n`);
  }
  if (formatted === 0) {
    const shown = quoteIfNeeded(list === '-' ? 'standard input' : list);
    yield* err(`${prog}: ${shown}: no properly formatted checksum lines found\n`);
    return 1;
  }
  if (!options.status) {
    if (badLines > 0)
      yield* err(
        `${prog}: WARNING: ${badLines} ${badLines === 1 ? 'line is' : 'lines are'} improperly formatted\n`,
      );
    if (unreadable > 0)
      yield* err(
        `${prog}: WARNING: ${unreadable} listed ${unreadable === 1 ? 'file' : 'files'} could not be read\n`,
      );
    if (mismatched > 0)
      yield* err(
        `${prog}: WARNING: ${mismatched} computed ${mismatched === 1 ? 'checksum' : 'checksums'} did NOT match\n`,
      );
  }
  return mismatched > 0 || unreadable > 0 || (options.strict && badLines > 0) ? 1 : 0;
}

export const sha256sum = createDigestSum('sha256sum', 'sha256', 64);
export const md5sum = createDigestSum('md5sum', 'md5', 32);
