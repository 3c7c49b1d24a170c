import { isEngineError, type EngineError, type StartResponse } from '../../docker/api.ts';
import { Errno } from '../../kernel/errno.ts';
import { parseSignal } from '../../kernel/signals.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { command, flag, isOn } from './command.ts';
import { callDaemon } from './daemon.ts';
import { RESTART_HELP, RM_HELP, START_HELP } from './help-texts.ts';
import { resolve } from './resolve.ts';

const noSuch = (ref: string): EngineError => ({ error: `No such container: ${ref}`, status: 1 });
const words = (error: EngineError) => `Error response from daemon: ${error.error}`;

/** Calls the daemon until the call is not interrupted by a signal. */
function* ask(request: unknown): Gen<unknown> {
  for (;;) {
    const reply = yield* callDaemon(request);
    if (!(reply instanceof Errno)) return reply;
  }
}

/**
 * `docker start`: each container in turn, its name on success; the daemon's
 * error on stderr at once and "failed to start containers: a, b" at the end
 * (docker/cli start.go startContainersWithoutAttachments). With -a the
 * client attaches to the one container's output, starts it, waits and exits
 * with its status.
 */
export const start = command({
  name: 'start',
  help: START_HELP,
  minArgs: 1,
  *run(flags, args) {
    const unmodelled = [...flags.keys()].find(
      (f) => !['attach', 'interactive', 'help'].includes(f),
    );
    if (unmodelled) {
      yield* err(
        `docker: --${unmodelled} is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n`,
      );
      return 1;
    }
    if (isOn(flags, 'attach') || isOn(flags, 'interactive')) {
      if (args.length > 1) {
        yield* err('you cannot start and attach multiple containers at once\n');
        return 1;
      }
      return yield* startAttached(args[0] ?? '', isOn(flags, 'interactive'));
    }
    const failed: string[] = [];
    for (const ref of args) {
      const id = yield* resolve(ref);
      const reply = id === null ? noSuch(ref) : yield* ask({ op: 'start', id });
      if (isEngineError(reply)) {
        yield* err(`${words(reply)}\n`);
        failed.push(ref);
      } else yield* out(`${ref}\n`);
    }
    if (failed.length === 0) return 0;
    yield* err(`failed to start containers: ${failed.join(', ')}\n`);
    return 1;
  },
});

function* startAttached(ref: string, stdin: boolean): Gen<number> {
  const id = yield* resolve(ref);
  if (id === null) {
    yield* err(`${words(noSuch(ref))}\n`);
    return 1;
  }
  // docker/cli start.go: Stdin only with -i (and a container created with -i).
  const started = yield* ask({ op: 'start-attached', id, stdin });
  if (isEngineError(started)) {
    yield* err(`${words(started)}\n`);
    return 1;
  }
  const ended = (yield* ask({ op: 'wait', id })) as StartResponse;
  if (isEngineError(ended)) {
    yield* err(`${words(ended)}\n`);
    return 1;
  }
  return ended.exitCode;
}

/**
 * `docker restart`: stop (the stop signal, SIGKILL after -t seconds) and
 * start again, printing each name; errors are collected and printed at the
 * end (docker/cli restart.go).
 */
export const restart = command({
  name: 'restart',
  help: RESTART_HELP,
  minArgs: 1,
  *run(flags, args) {
    const timeout = flag(flags, 'timeout');
    const signal = flag(flags, 'signal');
    const errors: string[] = [];
    for (const ref of args) {
      const id = yield* resolve(ref);
      if (id === null) {
        errors.push(words(noSuch(ref)));
        continue;
      }
      yield* ask({
        op: 'stop',
        id,
        ...(timeout === undefined ? {} : { timeoutS: Number(timeout) }),
        ...(signal === undefined ? {} : { signal: parseSignal(signal) }),
      });
      const started = yield* ask({ op: 'start', id });
      if (isEngineError(started)) errors.push(words(started));
      else yield* out(`${ref}\n`);
    }
    if (errors.length === 0) return 0;
    yield* err(`${errors.join('\n')}\n`);
    return 1;
  },
});

/**
 * `docker rm`: removes stopped containers, printing each name; a running
 * one only with -f (killed first). Errors are printed together at the end
 * and the status is 1; with -f a missing container is reported and
 * skipped, status 0 (docker/cli rm.go).
 */
export const rm = command({
  name: 'rm',
  help: RM_HELP,
  minArgs: 1,
  *run(flags, args) {
    const force = isOn(flags, 'force');
    const errors: string[] = [];
    for (const ref of args) {
      const name = ref.replace(/^\/+|\/+$/g, '');
      const reply =
        name === ''
          ? { error: 'Container name cannot be empty', status: 1 }
          : yield* ask({ op: 'remove', ref: name, force });
      if (!isEngineError(reply)) {
        yield* out(`${ref}\n`);
        continue;
      }
      const text = name === '' ? reply.error : words(reply);
      if (force && reply.error.startsWith('No such container')) yield* err(`${text}\n`);
      else errors.push(text);
    }
    if (errors.length === 0) return 0;
    yield* err(`${errors.join('\n')}\n`);
    return 1;
  },
});
