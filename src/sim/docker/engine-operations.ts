import { NullFile } from '../kernel/files.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../kernel/outcome.ts';
import type { Process } from '../kernel/process.ts';
import { SIGKILL } from '../kernel/signals.ts';
import type { EngineError } from './api.ts';
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
 * docker exec with the CLI attached: the process's output goes to the
 * caller's stdout and stderr; the caller waits until it ends and gets its
 * status (128+n after a signal).
 */
export function execAttached(
  engine: DockerEngine,
  caller: Process,
  container: Container,
  argv: readonly string[],
): Outcome {
  if (container.state !== 'running' || !engine.initProcess(container))
    return done(notRunning(container));
  const stdout = caller.fds.get(1) ?? new NullFile();
  const stderr = caller.fds.get(2) ?? new NullFile();
  const record = engine.exec(container, argv, { stdin: new NullFile(), stdout, stderr });
  if (record.hostPid === undefined) return done(notRunning(container));
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
