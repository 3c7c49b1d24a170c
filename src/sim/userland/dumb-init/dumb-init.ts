import { Errno } from '../../kernel/errno.ts';
import { SIGCHLD, SIGRTMAX, SIGTERM, isUncatchable } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { WEXITSTATUS, WIFSIGNALED, WTERMSIG } from '../../kernel/wait-status.ts';
import { err, type Gen } from '../lib/io.ts';
import { execvp } from '../lib/execvp.ts';
import { getoptLong, GetoptError, type LongOption } from '../lib/getopt-long.ts';
import { program, progName } from '../lib/program.ts';
import { help } from './texts.ts';

const LONGS: LongOption[] = [
  { name: 'single-child', arg: 'none', key: 'c' },
  { name: 'rewrite', arg: 'required', key: 'r' },
  { name: 'verbose', arg: 'none', key: 'v' },
  { name: 'help', arg: 'none', key: 'h' },
  { name: 'version', arg: 'none', key: 'V' },
];

interface Mode {
  readonly setsid: boolean;
  readonly verbose: boolean;
  readonly rewrite: ReadonlyMap<number, number>;
}

/**
 * dumb-init 1.2.5 (github.com/Yelp/dumb-init, dumb-init.c): runs the command
 * as a child in a new session and forwards every signal to that session's
 * process group (to the child only with -c); when the child exits it sends
 * SIGTERM to the group and exits with the child's status (128 + n after a
 * signal). Debug lines (-v) as recorded from Debian 12's dumb-init.
 */
export const dumbInit = program(
  'dumb-init-1.2.5/dumb-init',
  { vszKb: 2308, rssKb: 1024 },
  function* (context) {
    const prog = progName(context, 'dumb-init');
    const parsed = getoptLong(context.argv.slice(1), '+hvVcr:', LONGS);
    if (parsed instanceof GetoptError) return yield* say(`${prog}: ${parsed.message}\n`, 1);
    const rewrite = new Map<number, number>();
    let setsid = true;
    let verbose = false;
    for (const { key, value = '' } of parsed.options) {
      if (key === 'h') return yield* say(help(prog), 0);
      if (key === 'V') return yield* say('dumb-init v1.2.5\n', 0);
      if (key === 'c') setsid = false;
      if (key === 'v') verbose = true;
      if (key === 'r') {
        const match = /^(\d+):(\d+)$/.exec(value);
        if (match) rewrite.set(Number(match[1]), Number(match[2]));
      }
    }
    if (parsed.operands.length === 0)
      return yield* say(
        `Usage: ${prog} [option] program [args]\nTry ${prog} --help for full usage.\n`,
        1,
      );
    const mode: Mode = { setsid, verbose, rewrite };
    const debug = (text: string) => (verbose ? err(`[dumb-init] ${text}\n`) : say('', 0));
    const tty = yield* sys.isatty(0);
    if (setsid && !tty)
      yield* debug(
        'Unable to detach from controlling tty (errno=25 Inappropriate ioctl for device).',
      );
    const received: number[] = [];
    for (let sig = 1; sig <= SIGRTMAX; sig++) {
      if (isUncatchable(sig) || (sig > 31 && sig < 34)) continue;
      yield* sys.sigaction(sig, function* (s) {
        received.push(s);
      });
    }
    const child = yield* sys.fork(() => runChild(parsed.operands, context.envp, mode, tty));
    if (child instanceof Errno) return 1;
    yield* debug(`Child spawned with PID ${child}.`);
    for (;;) {
      if (received.length === 0) yield* sys.pause();
      for (const sig of received.splice(0)) {
        const code = yield* handle(sig, child, mode, debug);
        if (code !== undefined) return code;
      }
    }
  },
);

function* say(text: string, status: number): Gen<number> {
  yield* err(text);
  return status;
}

function* runChild(
  command: readonly string[],
  envp: readonly string[],
  mode: Mode,
  tty: boolean,
): Gen<number> {
  for (let sig = 1; sig <= SIGRTMAX; sig++)
    if (!isUncatchable(sig) && !(sig > 31 && sig < 34)) yield* sys.sigaction(sig, 'default');
  if (mode.setsid) {
    yield* sys.setsid();
    if (mode.verbose && !tty)
      yield* err(
        '[dumb-init] Unable to attach to controlling tty (errno=25 Inappropriate ioctl for device).\n',
      );
    if (mode.verbose) yield* err('[dumb-init] setsid complete.\n');
  }
  const file = command[0] as string;
  const failure = yield* execvp(file, command, envp);
  yield* err(`[dumb-init] ${file}: ${failure.message}\n`);
  return 2;
}

/** handle_signal: SIGCHLD reaps (and ends dumb-init with its child); anything else is forwarded. */
function* handle(
  sig: number,
  child: number,
  mode: Mode,
  debug: (t: string) => Gen<unknown>,
): Gen<number | undefined> {
  yield* debug(`Received signal ${sig}.`);
  if (sig !== SIGCHLD) {
    const target = mode.rewrite.get(sig) ?? sig;
    if (target !== 0) {
      yield* sys.kill(mode.setsid ? -child : child, target);
      yield* debug(`Forwarded signal ${target} to children.`);
    }
    return undefined;
  }
  for (;;) {
    const waited = yield* sys.waitpid(-1, true);
    if (waited instanceof Errno || waited === null) return undefined;
    const signalled = WIFSIGNALED(waited.status);
    yield* debug(
      signalled
        ? `A child with PID ${waited.pid} was terminated by signal ${WTERMSIG(waited.status)}.`
        : `A child with PID ${waited.pid} exited with exit status ${WEXITSTATUS(waited.status)}.`,
    );
    if (waited.pid !== child) continue;
    const status = signalled ? 128 + WTERMSIG(waited.status) : WEXITSTATUS(waited.status);
    yield* sys.kill(mode.setsid ? -child : child, SIGTERM);
    yield* debug(`Forwarded signal ${SIGTERM} to children.`);
    yield* debug(`Child exited with status ${status}. Goodbye.`);
    return status;
  }
}
