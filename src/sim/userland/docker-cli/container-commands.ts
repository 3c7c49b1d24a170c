import { isEngineError, type EngineError } from '../../docker/api.ts';
import { Errno } from '../../kernel/errno.ts';
import { parseSignal, SIGKILL } from '../../kernel/signals.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { callDaemon } from './daemon.ts';
import { command, flag, intFlagError } from './command.ts';
import { EXEC_HELP, KILL_HELP, STOP_HELP } from './help-texts.ts';

/** A container by id, id prefix or name, as the daemon resolves it. */
function* resolve(ref: string): Gen<string | null> {
  return (yield* callDaemon({ op: 'resolve', ref })) as string | null;
}

/** "Error response from daemon: …" on stderr (docker exec, stop and kill print no "docker: " prefix). */
function* daemonError(error: EngineError): Gen<void> {
  yield* err(`Error response from daemon: ${error.error}\n`);
}

/** `docker exec CONTAINER COMMAND…`: runs in the container, attached; exits with the command's status. */
export const exec = command({
  name: 'exec',
  help: EXEC_HELP,
  minArgs: 2,
  *run(flags, args) {
    const [ref = '', ...argv] = args;
    const id = yield* resolve(ref);
    if (id === null) {
      yield* daemonError({ error: `No such container: ${ref}`, status: 1 });
      return 1;
    }
    for (;;) {
      const result = (yield* callDaemon({ op: 'exec', id, argv })) as
        { exitCode: number } | EngineError | Errno;
      if (result instanceof Errno) continue;
      if (isEngineError(result)) {
        yield* daemonError(result);
        return result.status;
      }
      return result.exitCode;
    }
  },
});

/** Runs an operation on each named container, printing each name on success, as docker stop and kill do. */
function* eachContainer(refs: readonly string[], request: (id: string) => unknown): Gen<number> {
  let status = 0;
  for (const ref of refs) {
    const id = yield* resolve(ref);
    const result =
      id === null
        ? { error: `No such container: ${ref}`, status: 1 }
        : yield* callDaemon(request(id));
    if (isEngineError(result)) {
      yield* daemonError(result);
      status = 1;
    } else yield* out(`${ref}\n`);
  }
  return status;
}

/** `docker stop`: the stop signal, then SIGKILL after --timeout seconds (default 10). */
export const stop = command({
  name: 'stop',
  help: STOP_HELP,
  minArgs: 1,
  validate: (flags) => intFlagError(flags, 'timeout', 't'),
  *run(flags, args) {
    const timeout = flag(flags, 'timeout');
    const signal = flag(flags, 'signal');
    return yield* eachContainer(args, (id) => ({
      op: 'stop',
      id,
      ...(timeout === undefined ? {} : { timeoutS: Number(timeout) }),
      ...(signal === undefined ? {} : { signal: parseSignal(signal) }),
    }));
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
    return yield* eachContainer(args, (id) => ({ op: 'kill', id, signal }));
  },
});
