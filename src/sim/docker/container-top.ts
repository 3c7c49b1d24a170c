import { programAtHand } from '../kernel/exec.ts';
import { onHostAsRoot } from './host-root.ts';
import { NullFile, SinkFile } from '../kernel/files.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../kernel/outcome.ts';
import type { Process } from '../kernel/process.ts';
import type { EngineError, TopResponse } from './api.ts';
import type { Container } from './container.ts';
import type { DockerEngine } from './engine.ts';
import { notRunning } from './engine-operations.ts';

/** Where the daemon finds ps on the host: the first `ps` in its PATH. */
const HOST_PS = 'procps-4.0.2/ps';

/**
 * docker top: the daemon runs the host's `ps` with the client's arguments
 * (default -ef), then keeps the header and the lines whose PID column holds
 * one of the container's processes, joining the overhanging fields of the
 * last column (moby daemon/top_unix.go, parsePSOutput). PIDs are the host's.
 */
export function containerTop(
  kernel: Kernel,
  engine: DockerEngine,
  caller: Process,
  container: Container,
  psArgs: readonly string[],
): Outcome {
  const init = engine.initProcess(container);
  if (!init) return done(notRunning(container));
  const ps = programAtHand(kernel.loader, HOST_PS);
  const hostInit = [...kernel.processes.values()].find((p) => p.hostPid === 1);
  if (!ps || !hostInit) return done({ error: 'ps: executable file not found in $PATH', status: 1 });
  const pids = new Set(
    [...kernel.processes.values()]
      .filter((p) => p.alive && p.pidns === init.pidns)
      .map((p) => p.hostPid),
  );
  let output = '';
  let errors = '';
  let finished = false;
  const argv = ['ps', ...(psArgs.length > 0 ? psArgs : ['-ef'])];
  const process = kernel.spawn({
    ...onHostAsRoot(kernel, hostInit),
    stdio: [new NullFile(), new SinkFile((d) => (output += d)), new SinkFile((d) => (errors += d))],
    main: () =>
      ps.main({
        argv,
        envp: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      }),
    comm: 'ps',
    argv,
  });
  process.autoReap = true;
  engine.exitHooks.set(process.hostPid, () => {
    finished = true;
    kernel.wake(caller);
  });
  return blockOn({
    poll: () => {
      if (!finished) return undefined;
      const status = process.exitStatus;
      if (status !== 0) return { value: psError(status, errors || output) };
      return { value: parsePsOutput(output, pids) };
    },
    interruptible: false,
  });
}

/** moby's words when ps fails: "ps: exit status N: <its output>". */
function psError(status: number, text: string): EngineError {
  return { error: `ps: exit status ${status >> 8}: ${text.trim()}`, status: 1 };
}

function parsePsOutput(output: string, pids: ReadonlySet<number>): TopResponse | EngineError {
  const lines = output.split('\n');
  const titles = (lines[0] ?? '').trim().split(/\s+/).filter(Boolean);
  const pidIndex = titles.indexOf('PID');
  if (pidIndex < 0) return { error: "Couldn't find PID field in ps output", status: 1 };
  const processes: string[][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const fields = line.trim().split(/\s+/);
    if (!pids.has(Number(fields[pidIndex]))) continue;
    processes.push([
      ...fields.slice(0, titles.length - 1),
      fields.slice(titles.length - 1).join(' '),
    ]);
  }
  return { titles, processes };
}
