import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { execvp } from '../lib/execvp.ts';
import { err, out, setenv } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { parseOptions, usageFailure } from './options.ts';

const LONGS = [
  { name: 'ignore-environment', arg: 'none', key: 'i' },
  { name: 'unset', arg: 'required', key: 'u' },
  { name: 'chdir', arg: 'required', key: 'C' },
  { name: 'null', arg: 'none', key: '0' },
] as const;

/** env's own failures exit 125; a command that cannot run, 126 (found, not runnable) or 127 (not found). */
const EXIT_CANCELED = 125;

/**
 * coreutils env(1) 9.1: prints the environment, or runs a command in a
 * changed one (-i, -u NAME, NAME=value, -C DIR). Options stop at the first
 * operand ("+" in its getopt string); a lone "-" means -i.
 */
export const env = program('coreutils/env', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'env');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), '+C:iu:0', LONGS, EXIT_CANCELED, {
    short: 'S:v',
    long: [
      ['split-string', 'required'],
      ['block-signal', 'optional'],
      ['default-signal', 'optional'],
      ['ignore-signal', 'optional'],
      ['list-signal-handling', 'none'],
      ['debug', 'none'],
    ],
  });
  if (typeof parsed === 'number') return parsed;
  let operands = parsed.operands;
  const ignore = parsed.options.some((o) => o.key === 'i') || operands[0] === '-';
  if (operands[0] === '-') operands = operands.slice(1);
  let environment: string[] = ignore ? [] : [...ctx.envp];
  for (const { key, value = '' } of parsed.options) {
    if (key !== 'u') continue;
    if (value === '' || value.includes('=')) {
      yield* err(`${prog}: cannot unset ${quote(value)}: Invalid argument\n`);
      return EXIT_CANCELED;
    }
    environment = setenv(environment, value, undefined);
  }
  while (operands[0]?.includes('=')) {
    const assignment = operands[0];
    const at = assignment.indexOf('=');
    environment = setenv(environment, assignment.slice(0, at), assignment.slice(at + 1));
    operands = operands.slice(1);
  }
  const nul = parsed.options.some((o) => o.key === '0');
  const dir = parsed.options.filter((o) => o.key === 'C').at(-1)?.value;
  const [command] = operands;
  if (command === undefined) {
    if (dir !== undefined)
      return yield* usageFailure(prog, 'must specify command with --chdir (-C)', EXIT_CANCELED);
    yield* out(environment.map((e) => e + (nul ? '\0' : '\n')).join(''));
    return 0;
  }
  if (nul)
    return yield* usageFailure(prog, 'cannot specify --null (-0) with command', EXIT_CANCELED);
  if (dir !== undefined) {
    const moved = yield* sys.chdir(dir);
    if (moved instanceof Errno) {
      yield* err(`${prog}: cannot change directory to ${quote(dir)}: ${moved.message}\n`);
      return EXIT_CANCELED;
    }
  }
  const failure = yield* execvp(command, operands, environment);
  yield* err(`${prog}: ${quote(command)}: ${failure.message}\n`);
  return failure.code === 'ENOENT' ? 127 : 126;
});
