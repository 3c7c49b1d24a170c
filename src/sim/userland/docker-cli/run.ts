import {
  isEngineError,
  type CreateResponse,
  type EngineError,
  type StartResponse,
} from '../../docker/api.ts';
import { Errno } from '../../kernel/errno.ts';
import { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2 } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { callDaemon } from './daemon.ts';
import { command, isOn } from './command.ts';
import { RUN_HELP } from './help-texts.ts';
import { createRequest, MODELLED_RUN_FLAGS } from './run-options.ts';

/** Signals the CLI passes on to the container while attached (--sig-proxy, on by default). */
const PROXIED = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2];

/**
 * `docker run`: create the container, then either start it detached and
 * print its id, or attach to its output, start it, wait, and exit with its
 * status, relaying signals to it meanwhile.
 */
export function run(args: readonly string[], envp: readonly string[]): Gen<number> {
  return command({
    name: 'run',
    help: RUN_HELP,
    minArgs: 1,
    *run(flags, positional) {
      const unmodelled = [...flags.keys()].find((flag) => !MODELLED_RUN_FLAGS.has(flag));
      if (unmodelled) {
        yield* err(
          `docker: --${unmodelled} is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n`,
        );
        return 125;
      }
      const [image = '', ...cmd] = positional;
      const request = createRequest(flags, image, cmd, envp);
      if ('error' in request) {
        yield* err(`docker: ${request.error}\n`);
        return 125;
      }
      const detach = isOn(flags, 'detach');
      // docker/cli run.go: dockerCli.In().CheckTty(config.AttachStdin, config.Tty), before any request.
      if (!detach && isOn(flags, 'interactive') && isOn(flags, 'tty') && !(yield* sys.isatty(0))) {
        yield* err('the input device is not a TTY\n');
        return 1;
      }
      const created = (yield* callDaemon(request)) as CreateResponse;
      if (isEngineError(created)) return yield* daemonError(created);
      if (detach) return yield* detached(created.id);
      return yield* attached(created.id, isOn(flags, 'tty'));
    },
  })(args);
}

function* detached(id: string): Gen<number> {
  const started = yield* callDaemon({ op: 'start', id });
  if (isEngineError(started)) return yield* daemonError(started);
  yield* out(`${id}\n`);
  return 0;
}

/** With -t the client proxies no signals: the terminal's keys reach the container's terminal. */
function* attached(id: string, tty: boolean): Gen<number> {
  for (const sig of tty ? [] : PROXIED) {
    yield* sys.sigaction(sig, function* (received) {
      yield* callDaemon({ op: 'signal', id, signal: received });
    });
  }
  const started = yield* callDaemon({ op: 'start-attached', id });
  if (isEngineError(started)) return yield* daemonError(started);
  for (;;) {
    const ended = (yield* callDaemon({ op: 'wait', id })) as StartResponse | Errno;
    if (ended instanceof Errno) continue;
    if (isEngineError(ended)) return yield* daemonError(ended);
    return ended.exitCode;
  }
}

/** "docker: Error response from daemon: …", a blank line, the hint; on stderr (docs/research/docker-texts.md §1, §2). */
function* daemonError(error: EngineError): Gen<number> {
  yield* err(
    `${error.preamble ?? ''}docker: Error response from daemon: ${error.error}\n\nRun 'docker run --help' for more information\n`,
  );
  return error.status;
}
