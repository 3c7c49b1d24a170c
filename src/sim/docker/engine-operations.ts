import { NullFile } from '../kernel/files.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../kernel/outcome.ts';
import type { Process } from '../kernel/process.ts';
import { SIGKILL } from '../kernel/signals.ts';
import { STOP_AGAIN, type EngineError, type ExecRequest } from './api.ts';
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
 * docker stop's first half (moby daemon/stop.go containerStop): the stop
 * signal now, or SIGKILL at once with a timeout of 0; SIGKILL is due when
 * the timeout has passed in virtual time (never for `--timeout -1`).
 */
export function beginStop(
  kernel: Kernel,
  engine: DockerEngine,
  container: Container,
  timeoutS = DEFAULT_STOP_TIMEOUT_S,
  signal = DEFAULT_STOP_SIGNAL,
): void {
  if (container.state !== 'running') return;
  const killNow = timeoutS === 0;
  engine.signalContainer(container, killNow ? SIGKILL : signal);
  const killAt = killNow || timeoutS < 0 ? undefined : kernel.clock.now() + timeoutS * 1000;
  container.stopping = { killAt, killed: killNow };
}

/**
 * docker stop's second half: done once `container` no longer runs. The
 * containers stopped together (`docker stop a b` stops them at once, as
 * docker/cli's parallelOperation does) get their SIGKILL when it is due
 * while the caller waits for any of them; when a grace period ends and
 * another is still to come, the wait answers STOP_AGAIN so the caller
 * waits again until the next one.
 */
export function awaitStop(
  kernel: Kernel,
  engine: DockerEngine,
  caller: Process,
  container: Container,
  together: readonly Container[] = [container],
): Outcome {
  const graceRunning = () =>
    together.filter(
      (c) =>
        c.state === 'running' && c.stopping?.killed === false && c.stopping.killAt !== undefined,
    );
  const killOverdue = () => {
    for (const c of graceRunning()) {
      if (c.stopping && kernel.clock.now() >= (c.stopping.killAt ?? Infinity)) {
        c.stopping.killed = true;
        // The shim reports the death a few steps later and wakes the caller again.
        engine.signalContainer(c, SIGKILL);
      }
    }
  };
  killOverdue();
  const deadlines = graceRunning().map((c) => c.stopping?.killAt ?? Infinity);
  const next = deadlines.length > 0 ? Math.min(...deadlines) : undefined;
  for (const c of together) c.waiters.add(caller);
  return blockOn({
    poll: () => {
      killOverdue();
      if (container.state !== 'running') return { value: 0 };
      if (next !== undefined && kernel.clock.now() >= next && graceRunning().length > 0)
        return { value: STOP_AGAIN };
      return undefined;
    },
    interruptible: true,
    ...(next === undefined ? {} : { deadline: next }),
  });
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
