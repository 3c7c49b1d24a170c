import { isEngineError, STOP_AGAIN, type EngineError } from '../../docker/api.ts';
import { Errno } from '../../kernel/errno.ts';
import { parseSignal, SIGKILL } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { callDaemon } from './daemon.ts';
import { daemonError, resolve } from './resolve.ts';
import { command, flag, isOn } from './command.ts';
import { EXEC_HELP, KILL_HELP, STOP_HELP } from './help-texts.ts';
import { environment } from './run-options.ts';

const EXEC_FLAGS = new Set(['detach', 'interactive', 'tty', 'user', 'workdir', 'env', 'help']);

/**
 * `docker exec CONTAINER COMMAND…`: runs in the container, attached; exits
 * with the command's status. -it puts the terminal into the command (a shell
 * until `exit`); -d runs it in the background; -u, -w, -e as for docker run.
 */
export function exec(args: readonly string[], envp: readonly string[]): Gen<number> {
  return execCommand(envp)(args);
}

const execCommand = (envp: readonly string[]) =>
  command({
    name: 'exec',
    help: EXEC_HELP,
    minArgs: 2,
    *run(flags, args) {
      const unmodelled = [...flags.keys()].find((f) => !EXEC_FLAGS.has(f));
      if (unmodelled) {
        yield* err(
          `docker: --${unmodelled} is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n`,
        );
        return 1;
      }
      const [ref = '', ...argv] = args;
      const id = yield* resolve(ref);
      if (id === null) {
        yield* daemonError({ error: `No such container: ${ref}`, status: 1 });
        return 1;
      }
      const interactive = isOn(flags, 'interactive');
      const tty = isOn(flags, 'tty');
      const detach = isOn(flags, 'detach');
      // docker/cli streams.In.CheckTty, once the container is known: -i with -t needs a terminal.
      if (interactive && tty && !detach && !(yield* sys.isatty(0))) {
        yield* err('the input device is not a TTY\n');
        return 1;
      }
      const user = flag(flags, 'user');
      const workingDir = flag(flags, 'workdir');
      const request = {
        op: 'exec',
        id,
        argv,
        ...(user === undefined ? {} : { user }),
        ...(workingDir === undefined ? {} : { workingDir }),
        // -e NAME passes the client's own value, as for docker run (docker/cli opts.ValidateEnv).
        env: environment(flags, envp),
        detach,
        interactive,
        tty,
      };
      for (;;) {
        const result = (yield* callDaemon(request)) as { exitCode: number } | EngineError | Errno;
        if (result instanceof Errno) continue;
        if (isEngineError(result)) {
          yield* daemonError(result);
          return result.status;
        }
        return result.exitCode;
      }
    },
  });

/**
 * Sends a request for every named container at once, as docker/cli's
 * parallelOperation does: each name is printed on success in the order
 * given, once its request is done (`finish`); the errors come after the
 * names, status 1 (stop.go, kill.go).
 */
function* eachContainer(
  refs: readonly string[],
  request: (id: string, ref: string) => unknown,
  finish: (id: string, begun: readonly string[]) => Gen<void> = function* () {},
): Gen<number> {
  const errors: EngineError[] = [];
  const begun: { ref: string; id: string }[] = [];
  for (const ref of refs) {
    const id = yield* resolve(ref);
    const result =
      id === null
        ? { error: `No such container: ${ref}`, status: 1 }
        : yield* callDaemon(request(id, ref));
    if (isEngineError(result)) errors.push(result);
    else if (id !== null) begun.push({ ref, id });
  }
  const ids = begun.map(({ id }) => id);
  for (const { ref, id } of begun) {
    yield* finish(id, ids);
    yield* out(`${ref}\n`);
  }
  for (const error of errors) yield* daemonError(error);
  return errors.length > 0 ? 1 : 0;
}

/** `docker stop`: the stop signal, then SIGKILL after --timeout seconds (default 10), for every container at once. */
export const stop = command({
  name: 'stop',
  help: STOP_HELP,
  minArgs: 1,
  *run(flags, args) {
    const timeout = flag(flags, 'timeout');
    const signal = flag(flags, 'signal');
    return yield* eachContainer(
      args,
      (id) => ({
        op: 'stop',
        id,
        wait: false,
        ...(timeout === undefined ? {} : { timeoutS: Number(timeout) }),
        ...(signal === undefined ? {} : { signal: parseSignal(signal) }),
      }),
      function* (id, together) {
        while ((yield* callDaemon({ op: 'stop-wait', id, together })) === STOP_AGAIN) {
          /* a grace period ended: wait for the next */
        }
      },
    );
  },
});

/** `docker kill`: SIGKILL, or --signal, to each container's PID 1. */
export const kill = command({
  name: 'kill',
  help: KILL_HELP,
  minArgs: 1,
  *run(flags, args) {
    const name = flag(flags, 'signal');
    const signal = name === undefined ? SIGKILL : parseSignal(name);
    if (signal === undefined) {
      // The daemon parses the name with moby/sys signal.ParseSignal: "invalid signal: %s".
      yield* err(`Error response from daemon: invalid signal: ${name ?? ''}\n`);
      return 1;
    }
    return yield* eachContainer(args, (id, ref) => ({ op: 'kill', id, signal, ref }));
  },
});
