import { NullFile } from '../kernel/files.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../kernel/outcome.ts';
import type { Process } from '../kernel/process.ts';
import { SIGKILL } from '../kernel/signals.ts';
import type { EngineError, ExecRequest } from './api.ts';
import { ContainerTty } from './container-tty.ts';
import type { Container } from './container.ts';
import type { DockerEngine } from './engine.ts';
import { DEFAULT_STOP_SIGNAL, DEFAULT_STOP_TIMEOUT_S } from './stop-policy.ts';

/** "No such container: NAME" (the daemon's words, as `docker exec` and `docker stop` print them). */
export const noSuchContainer = (ref: string): EngineError => ({
  error: `No such container: ${ref}`,
  status: 1,
});
/** The daemon's refusal to exec into a stopped container. */
export const notRunning = (container: Container): EngineError => ({
  error: `container ${container.id} is not running`,
  status: 1,
});

/**
 * docker exec: with the CLI attached, the process's output goes to the
 * caller's stdout and stderr (with -t through a pseudo-terminal whose
 * keyboard, with -i, is the caller's terminal); the caller waits until it
 * ends and gets its status (128+n after a signal). With -d nothing is
 * attached and the caller gets 0 at once.
 */
export function execAttached(
  engine: DockerEngine,
  caller: Process,
  container: Container,
  request: ExecRequest,
): Outcome {
  if (container.state !== 'running' || !engine.initProcess(container))
    return done(notRunning(container));
  const options = {
    ...(request.user === undefined ? {} : { user: request.user }),
    ...(request.workingDir === undefined ? {} : { workingDir: request.workingDir }),
    ...(request.env === undefined ? {} : { env: request.env }),
  };
  if (request.detach) {
    const quiet = new NullFile();
    engine.exec(container, request.argv, {
      ...options,
      stdin: quiet,
      stdout: quiet,
      stderr: quiet,
    });
    return done({ exitCode: 0 });
  }
  const stdin = caller.fds.get(0) ?? new NullFile();
  const stdout = caller.fds.get(1) ?? new NullFile();
  const stderr = caller.fds.get(2) ?? new NullFile();
  const tty = request.tty
    ? new ContainerTty({
        output: (data) => void stdout.write(data),
        input: request.interactive && stdin.isTerminal ? stdin : undefined,
        openStdin: request.interactive ?? false,
      })
    : undefined;
  const stdio = tty
    ? { stdin: tty, stdout: tty, stderr: tty }
    : { stdin: request.interactive ? stdin : new NullFile(), stdout, stderr };
  const record = engine.exec(container, request.argv, { ...options, ...stdio });
  if (record.hostPid === undefined) return done(notRunning(container));
  // runc's exec with a terminal: the new session's process is its terminal's foreground.
  tty?.setForeground(record.hostPid);
  record.waiters.add(caller);
  return blockOn({
    poll: () =>
      record.exitCode === undefined ? undefined : { value: { exitCode: record.exitCode } },
    interruptible: true,
  });
}

/**
 * docker stop: the stop signal now, SIGKILL when the timeout has passed
 * (in virtual time), done once PID 1 has exited. A negative timeout waits
 * for ever, as `--timeout -1` does.
 */
export function stopContainer(
  kernel: Kernel,
  engine: DockerEngine,
  container: Container,
  timeoutS = DEFAULT_STOP_TIMEOUT_S,
  signal = DEFAULT_STOP_SIGNAL,
): Outcome {
  if (container.state !== 'running') return done(0);
  engine.signalContainer(container, timeoutS === 0 ? SIGKILL : signal);
  const deadline = timeoutS < 0 ? undefined : kernel.clock.now() + timeoutS * 1000;
  let killed = timeoutS === 0;
  const poll = () => {
    if (container.hasExited) return { value: 0 };
    if (!killed && deadline !== undefined && kernel.clock.now() >= deadline) {
      killed = true;
      // The shim reports the death a few steps later and wakes this caller again.
      engine.signalContainer(container, SIGKILL);
    }
    return undefined;
  };
  return blockOn({ poll, interruptible: true, ...(deadline === undefined ? {} : { deadline }) });
}

/**
 * docker rm: a stopped container goes at once; a running one only with
 * --force, which kills it (SIGKILL) and removes it once it has exited.
 * The daemon's refusal (moby daemon/delete.go): "cannot remove container
 * %q: container is running: stop the container before removing or force
 * remove", with the name as the client gave it.
 */
export function removeContainer(
  engine: DockerEngine,
  caller: Process,
  ref: string,
  force: boolean,
): Outcome {
  const container = engine.find(ref);
  if (!container) return done(noSuchContainer(ref));
  if (container.state !== 'running') {
    engine.forget(container);
    return done(0);
  }
  if (!force)
    return done({
      error: `cannot remove container ${JSON.stringify(ref)}: container is running: stop the container before removing or force remove`,
      status: 1,
    });
  engine.signalContainer(container, SIGKILL);
  container.waiters.add(caller);
  return blockOn({
    poll: () => {
      if (!container.hasExited) return undefined;
      engine.forget(container);
      return { value: 0 };
    },
    interruptible: false,
  });
}
