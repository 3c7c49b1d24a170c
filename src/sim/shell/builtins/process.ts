import { Errno } from '../../kernel/errno.ts';
import { parseSignal, signalName } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { shellStatus } from '../../kernel/wait-status.ts';
import { complain, complainIn, fatalIn, type Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import { waitForChild } from '../processes.ts';
import { ShellExit } from '../control.ts';
import { findJob } from '../jobs.ts';
import { setTrap } from '../traps.ts';
import { builtinOptions } from './options.ts';
import type { Builtin } from './types.ts';

/** umask [-S] [mode]: shown as four octal digits (`0022`), set from an octal number. */
export const umask: Builtin = function* (sh, argv) {
  const symbolic = argv[1] === '-S';
  const arg = symbolic ? argv[2] : argv[1];
  if (arg === undefined) {
    const mask = (yield* sys.self()).umask;
    if (!symbolic) yield* sys.write(1, mask.toString(8).padStart(4, '0') + '\n');
    else {
      const perm = (shift: number) => {
        const bits = ~(mask >> shift) & 7;
        return (bits & 4 ? 'r' : '') + (bits & 2 ? 'w' : '') + (bits & 1 ? 'x' : '');
      };
      yield* sys.write(1, `u=${perm(6)},g=${perm(3)},o=${perm(0)}\n`);
    }
    return 0;
  }
  if (!/^[0-7]+$/.test(arg) || parseInt(arg, 8) > 0o777) {
    if (sh.dialect.name === 'bash') {
      yield* complainIn(sh, 'umask', `${arg}: octal number out of range`);
      return 1;
    }
    if (sh.dialect.name === 'ash') {
      yield* complainIn(sh, 'umask', `illegal mode: ${arg}`);
      return 2;
    }
    yield* complainIn(sh, 'umask', sh.dialect.illegalNumber(arg).text);
    return 2;
  }
  yield* sys.umask(parseInt(arg, 8));
  return 0;
};

/** wait [pid…]: without operands, every child started in the background. */
export const wait: Builtin = function* (sh, argv) {
  const pids = argv.slice(1);
  if (pids.length === 0) {
    for (;;) {
      const waited = yield* sys.waitpid(-1);
      if (waited instanceof Errno) {
        if (waited.code === 'EINTR') return 128 + 2;
        return 0;
      }
      // bash still reports the job's end before its next prompt.
      const job = sh.jobs.find((j) => j.pid === waited?.pid);
      if (job && waited) job.ended = waited.status;
    }
  }
  let status = 0;
  for (const operand of pids) {
    const job =
      sh.dialect.name === 'bash' && operand.startsWith('%') ? findJob(sh, operand) : undefined;
    if (operand.startsWith('%') && sh.dialect.name === 'bash' && !job) {
      yield* complainIn(sh, 'wait', `${operand}: no such job`);
      status = 127;
      continue;
    }
    const pid = job ? String(job.pid) : operand;
    if (!/^[0-9]+$/.test(pid)) return yield* fatalIn(sh, 'wait', sh.dialect.illegalNumber(pid));
    const waited = yield* sys.waitpid(Number(pid), true);
    if (waited instanceof Errno && waited.code === 'ECHILD') {
      if (sh.dialect.name === 'bash')
        yield* complainIn(sh, 'wait', `pid ${pid} is not a child of this shell`);
      status = 127;
      continue;
    }
    status =
      waited instanceof Errno || waited === null
        ? yield* waitForChild(Number(pid))
        : shellStatus(waited.status);
  }
  return status;
};

const bare = (sig: number) => signalName(sig).replace(/^SIG/, '');

/**
 * `kill -l`: dash lists 0 to 64 one per line (numbers where it has no name),
 * bash five `N) SIGNAME` to a row, BusyBox `N) NAME` for 1 to 31 (its name
 * for 29 is POLL). With operands, the name of each signal or exit status
 * (dash takes only the first). Recorded from the real shells.
 */
function* listSignals(sh: ShellState, operands: readonly string[]): Gen<string> {
  const dialect = sh.dialect.name;
  if (operands.length > 0) {
    let text = '';
    for (const operand of dialect === 'dash' ? operands.slice(0, 1) : operands) {
      const n = Number(operand);
      text += bare(n > 128 ? n - 128 : n) + '\n';
    }
    return text;
  }
  const numbers = Array.from({ length: 64 }, (_, i) => i + 1);
  if (dialect === 'dash')
    return ['0', ...numbers.map((n) => (n === 16 || n === 32 || n === 33 ? String(n) : bare(n)))]
      .map((line) => line + '\n')
      .join('');
  if (dialect === 'ash')
    return numbers
      .slice(0, 31)
      .map((n) => `${String(n).padStart(2)}) ${n === 29 ? 'POLL' : bare(n)}\n`)
      .join('');
  let text = '';
  const valid = numbers.filter((n) => n !== 32 && n !== 33);
  for (const [index, n] of valid.entries()) {
    text += `${String(n).padStart(2)}) ${signalName(n)}`;
    text += (index + 1) % 5 === 0 ? '\n' : '\t';
  }
  return valid.length % 5 === 0 ? text : text + '\n';
}

/** kill [-s SIG | -SIG] pid… and kill -l [status]. */
export const kill: Builtin = function* (sh, argv) {
  let args = argv.slice(1);
  if (args[0] === '-l' || args[0] === '-L') {
    yield* sys.write(1, yield* listSignals(sh, args.slice(1)));
    return 0;
  }
  let sig = 15;
  if (args[0] === '-s' && args[1] !== undefined) {
    sig = parseSignal(args[1]) ?? -1;
    args = args.slice(2);
  } else if (args[0]?.startsWith('-') && args[0] !== '--') {
    sig = parseSignal(args[0].slice(1)) ?? -1;
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  if (sig < 0) {
    yield* complainIn(
      sh,
      'kill',
      `invalid signal number or name: ${argv[1]?.replace(/^-/, '') ?? ''}`,
    );
    return sh.dialect.name === 'bash' ? 1 : 2;
  }
  let status = 0;
  for (const arg of args) {
    if (arg.startsWith('%') && sh.dialect.name === 'bash') {
      // A job: its process group when it has one of its own (job control), else its process.
      const job = findJob(sh, arg);
      if (!job) {
        yield* complainIn(sh, 'kill', `${arg}: no such job`);
        status = 1;
        continue;
      }
      if ((yield* sys.kill(sh.jobControl ? -job.pid : job.pid, sig)) instanceof Errno) status = 1;
      continue;
    }
    if (!/^-?[0-9]+$/.test(arg)) {
      if (sh.dialect.name === 'bash') {
        yield* complainIn(sh, 'kill', `${arg}: arguments must be process or job IDs`);
        status = 1;
        continue;
      }
      if (sh.dialect.name === 'ash') yield* complain(sh, `invalid number '${arg}'`);
      else yield* complainIn(sh, 'kill', sh.dialect.illegalNumber(arg).text);
      return sh.dialect.name === 'ash' ? 1 : 2;
    }
    const result = yield* sys.kill(Number(arg), sig);
    if (result instanceof Errno) {
      status = 1;
      if (sh.dialect.name === 'bash') yield* complainIn(sh, 'kill', `(${arg}) - ${result.message}`);
      else if (sh.dialect.name === 'ash')
        yield* complain(sh, `can't kill pid ${arg}: ${result.message}`);
      else yield* complainIn(sh, 'kill', result.message);
    }
  }
  return status;
};

const trapName = (sig: number, bash: boolean) =>
  sig === 0 ? 'EXIT' : bash ? signalName(sig) : signalName(sig).replace(/^SIG/, '');

const TRAP_USAGE = 'trap [-lp] [[arg] signal_spec ...]';

/** The `trap -- 'action' NAME` lines that would set the traps again (all, or the named ones). */
function trapLines(sh: ShellState, only: readonly number[] | undefined): string {
  const bash = sh.dialect.name === 'bash';
  return [...sh.traps]
    .filter(([sig]) => only === undefined || only.includes(sig))
    .sort(([a], [b]) => a - b)
    .map(([sig, action]) => `trap -- '${action.replace(/'/g, `'\\''`)}' ${trapName(sig, bash)}\n`)
    .join('');
}

const trapSignal = (condition: string) =>
  condition === 'EXIT' || condition === '0' ? 0 : parseSignal(condition);

/**
 * trap [action] condition…: `''` ignores, `-` resets, EXIT or 0 runs when
 * the shell ends; without operands (and with bash's -p) the settings as
 * commands; bash's -l lists the signals. dash and ash take no options: an
 * option is an error of a special builtin there, which ends the shell.
 */
export const trap: Builtin = function* (sh, argv) {
  const parsed = yield* builtinOptions(
    sh,
    'trap',
    argv.slice(1),
    sh.dialect.name === 'bash' ? 'lp' : '',
    TRAP_USAGE,
  );
  if ('failed' in parsed) {
    if (sh.dialect.name !== 'bash') throw new ShellExit(parsed.failed);
    return parsed.failed;
  }
  const args = parsed.operands;
  if (parsed.options.has('l')) {
    yield* sys.write(1, yield* listSignals(sh, []));
    return 0;
  }
  if (args.length === 0 || parsed.options.has('p')) {
    const only = args.length === 0 ? undefined : args.map((a) => trapSignal(a) ?? -1);
    yield* sys.write(1, trapLines(sh, only));
    return 0;
  }
  const resetOnly = /^[0-9]+$/.test(args[0] as string);
  const action = resetOnly || args[0] === '-' ? undefined : args[0];
  let status = 0;
  for (const condition of resetOnly ? args : args.slice(1)) {
    const sig = trapSignal(condition);
    if (sig === undefined) {
      if (sh.dialect.name === 'dash') yield* sys.write(2, `trap: ${condition}: bad trap\n`);
      else yield* complainIn(sh, 'trap', `${condition}: invalid signal specification`);
      status = 1;
      continue;
    }
    yield* setTrap(sh, sig, action);
  }
  return status;
};
