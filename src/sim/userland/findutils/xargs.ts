import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { WEXITSTATUS, WIFEXITED } from '../../kernel/wait-status.ts';
import { parseOptions } from '../coreutils/options.ts';
import { execvp } from '../lib/execvp.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { readAll } from '../lib/read-input.ts';

const LONGS = [
  { name: 'no-run-if-empty', arg: 'none' as const, key: 'r' },
  { name: 'max-args', arg: 'required' as const, key: 'n' },
  { name: 'null', arg: 'none' as const, key: '0' },
  { name: 'verbose', arg: 'none' as const, key: 't' },
];

/** `xargs --version` on Debian 12. */
const XARGS_VERSION =
  'xargs (GNU findutils) 4.9.0\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Eric B. Decker, James Youngman, and Kevin Dalley.\n';

/**
 * findutils 4.9.0 xargs: reads items from standard input (blanks and
 * newlines separate them; single and double quotes and backslashes quote, as
 * xargs does by default; -0 for NUL-separated items), and runs the command
 * (echo by default) with them appended, all at once or -n at a time; -r runs
 * nothing when there are no items. Statuses as xargs(1) gives them and as
 * recorded on Debian 12: 123 when a command exited 1–125, 124 for 255, 127
 * for a command not found ("xargs: nosuch: No such file or directory"), 126
 * when it cannot run.
 */
export const xargs = program('findutils/xargs', { vszKb: 5500, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'xargs');
  if (ctx.argv[1] === '--version') {
    yield* out(XARGS_VERSION);
    return 0;
  }
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), '+0rn:t', LONGS, 1, {
    short: 'a:d:E:e::I:i::L:l::ops:xP:',
  });
  if (typeof parsed === 'number') return parsed;
  const has = (k: string) => parsed.options.some((o) => o.key === k);
  const maxArgs = parsed.options.find((o) => o.key === 'n')?.value;
  const perCommand = maxArgs === undefined ? Infinity : Number(maxArgs);
  // Recorded on Debian 12: `xargs -n x` 'invalid number "x" for -n option', `-n 0` "value 0 for -n option should be >= 1", each with the Try line, 1.
  if (maxArgs !== undefined && (!/^-?\d+$/.test(maxArgs) || perCommand < 1)) {
    const why = /^-?\d+$/.test(maxArgs)
      ? `value ${maxArgs} for -n option should be >= 1`
      : `invalid number "${maxArgs}" for -n option`;
    yield* err(`${prog}: ${why}\nTry '${prog} --help' for more information.\n`);
    return 1;
  }
  const input = yield* readAll(0);
  const items = has('0')
    ? splitNul(input instanceof Errno ? '' : input)
    : splitItems(input instanceof Errno ? '' : input);
  if (typeof items === 'string') {
    yield* err(`${prog}: ${items}\n`);
    return 1;
  }
  const command = parsed.operands.length ? parsed.operands : ['echo'];
  if (items.length === 0 && has('r')) return 0;
  let status = 0;
  const batches = items.length === 0 ? [[]] : chunk(items, perCommand);
  for (const batch of batches) {
    const argv = [...command, ...batch];
    if (has('t')) yield* err(argv.join(' ') + '\n');
    const result = yield* run(prog, argv, ctx.envp);
    if (result === 127 || result === 126) return result;
    if (result === 255) {
      yield* err(`${prog}: ${command[0] ?? ''}: exited with status 255; aborting\n`);
      return 124;
    }
    if (result !== 0) status = 123;
  }
  return status;
});

function chunk(items: readonly string[], size: number): string[][] {
  if (!Number.isFinite(size)) return [[...items]];
  const out: string[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function splitNul(text: string): string[] {
  const parts = text.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** xargs's default input syntax: quotes and backslashes, blanks and newlines between items. */
function splitItems(text: string): string[] | string {
  const items: string[] = [];
  let current = '';
  let inItem = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inItem) items.push(current);
      current = '';
      inItem = false;
    } else if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const newline = text.indexOf('\n', i + 1);
      if (end < 0 || (newline >= 0 && newline < end))
        return `unmatched ${ch === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
      current += text.slice(i + 1, end);
      inItem = true;
      i = end;
    } else if (ch === '\\' && i + 1 < text.length) {
      current += text.charAt(++i);
      inItem = true;
    } else {
      current += ch;
      inItem = true;
    }
  }
  if (inItem) items.push(current);
  return items;
}

/** fork, execvp, wait: the command's status; 127 when not found, 126 when it cannot run. */
function* run(prog: string, argv: readonly string[], envp: readonly string[]): Gen<number> {
  const command = argv[0] ?? '';
  const pid = yield* sys.fork(function* () {
    const failure = yield* execvp(command, argv, envp);
    yield* err(`${prog}: ${command}: ${failure.message}\n`);
    return failure.code === 'ENOENT' ? 127 : 126;
  });
  if (pid instanceof Errno) {
    yield* err(`${prog}: cannot fork\n`);
    return 126;
  }
  const waited = yield* sys.waitpid(pid);
  if (waited instanceof Errno || waited === null) return 1;
  return WIFEXITED(waited.status) ? WEXITSTATUS(waited.status) : 125;
}
