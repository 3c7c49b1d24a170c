import { isEngineError } from '../docker/api.ts';
import type { Container } from '../docker/container.ts';
import type { Host } from '../host/host.ts';
import { NullFile, SinkFile } from '../kernel/files.ts';
import { parseSignal, SIGKILL, signalName } from '../kernel/signals.ts';
import { WIFSIGNALED, WTERMSIG } from '../kernel/wait-status.ts';
import { FateTracker } from './fates.ts';
import type { PidNamespace } from '../kernel/pid-namespace.ts';
import type { Inode } from '../kernel/vfs/inode.ts';
import { Credentials } from '../kernel/credentials.ts';
import { Errno } from '../kernel/errno.ts';
import { parsePsTable } from './ps-parse.ts';
import type { ExecReport, ExitReport, Observed, ScenarioFile, Step } from './scenario.ts';
import { prepareTree } from './setup.ts';
import { HOST_SIDE_LISTINGS, runListings } from './listings.ts';
import { advanceBy, runIdle, settle } from './virtual-time.ts';

interface Run {
  readonly host: Host;
  readonly container: Container;
  readonly fates: FateTracker;
  readonly execs: ExecReport[];
  readonly timeline: { t_ms: number; event: string }[];
  readonly t: () => number;
  lastInspect: string | undefined;
}

/**
 * Runs a golden scenario on the `lab` image: the container spec applied, the
 * steps played in virtual time (inspect and exec as `docker exec`, signal as
 * the runtime's kill(2) on PID 1 from the host, wait with escalation), and
 * what happened reported with the recording's field names.
 */
export function replay(host: Host, scenario: ScenarioFile): Observed {
  let stdout = '';
  let stderr = '';
  const start = host.kernel.clock.now();
  const bind = scenario.container.bind;
  const hostDir = bind ? freshHostDirectory(host, bind.mode) : undefined;
  const created = host.engine.createContainer({
    image: 'lab',
    cmd: scenario.container.pid1_argv,
    autoRemove: false,
    user: scenario.container.user === 'root' ? '' : (scenario.container.user ?? ''),
    workingDir: scenario.container.workdir ?? '/',
    binds: bind && hostDir ? [{ host: hostDir.inode, containerPath: bind.ctr }] : [],
    // The recorder's runtime drops no capability (golden README, "Known differences").
    capabilities: 'host',
    prepare: (tree) => {
      prepareTree(tree, scenario.container);
    },
  });
  if (isEngineError(created)) throw new Error(created.error);
  let ns: PidNamespace | undefined;
  const fates = new FateTracker(
    host.kernel,
    () => (ns ??= host.engine.initProcess(created)?.pidns),
  );
  const run: Run = {
    host,
    container: created,
    fates,
    execs: [],
    timeline: [
      { t_ms: 0, event: `container created: PID 1 = ${scenario.container.pid1_argv.join(' ')}` },
    ],
    t: () => host.kernel.clock.now() - start,
    lastInspect: undefined,
  };
  const listings = scenario.recording?.listings ?? [];
  const mnt = host.engine.prepareRoot(created);
  const before = listings.length > 0 ? runListings(host, mnt, listings) : undefined;
  host.engine.startContainer(created, {
    stdout: new SinkFile((d) => (stdout += d)),
    stderr: new SinkFile((d) => (stderr += d)),
  });
  runIdle(host);
  scenario.steps.forEach((step, index) => {
    advanceBy(host, step.after_ms ?? 0);
    play(run, step, index);
  });
  const cleanup = created.state !== 'exited' && !created.startError;
  if (cleanup) {
    host.engine.signalContainer(created, SIGKILL);
    settle(host, () => created.state === 'exited');
  }
  settle(host, () => run.execs.every((e) => e.exit !== null));
  const exit = exitReport(created.exitStatus, created.exitCode);
  const end = exit.signal
    ? `PID 1 killed by SIG${exit.signal}`
    : `PID 1 exited with code ${exit.code}`;
  run.timeline.push({ t_ms: run.t(), event: end });
  const fromStdout = looksLikePs(stdout);
  const psText = fromStdout ? stdout : run.lastInspect;
  return {
    stdout,
    stderr,
    exit,
    ps: psText === undefined ? [] : parsePsTable(psText),
    ps_source: fromStdout
      ? 'stdout of PID 1'
      : psText !== undefined
        ? 'last inspect step (docker exec ps)'
        : 'none',
    execs: run.execs,
    process_fates: fates.fates(),
    timeline: run.timeline,
    ...(before ? { files: { before, after: runListings(host, mnt, listings) } } : {}),
    ...(hostDir
      ? {
          host_side: runListings(host, host.rootMount, HOST_SIDE_LISTINGS, {
            '<host-dir>': hostDir.path,
          }),
        }
      : {}),
    ...(cleanup ? { cleanup_kill: true as const } : {}),
  };
}

/**
 * The recorder's `bind: {host: "auto", mode}`: a fresh directory on the host
 * (the first free /tmp/stepdown-replay.N), made by root and given the mode,
 * then bind-mounted into the container.
 */
function freshHostDirectory(host: Host, mode: string): { path: string; inode: Inode } {
  const root = new Credentials(0, 0);
  let n = 1;
  while (!(host.rootMount.lookup(`/tmp/stepdown-replay.${n}`, '/', root, null) instanceof Errno))
    n++;
  const path = `/tmp/stepdown-replay.${n}/hostdir`;
  const inode = host.engine.hostPath(path);
  inode.perm = parseInt(mode, 8) & 0o7777;
  return { path, inode };
}

function play(run: Run, step: Step, index: number): void {
  const { host, container } = run;
  if (step.action === 'signal') {
    const sig = parseSignal(step.signal) ?? SIGKILL;
    run.timeline.push({ t_ms: run.t(), event: `host sent ${signalName(sig)} to PID 1` });
    host.engine.signalContainer(container, sig);
    runIdle(host);
    return;
  }
  if (step.action === 'wait') {
    const ended = settle(host, () => container.state === 'exited', step.timeout_ms);
    if (!ended && step.on_timeout) {
      const sig = parseSignal(step.on_timeout) ?? SIGKILL;
      run.timeline.push({ t_ms: run.t(), event: `timeout: host sent ${signalName(sig)} to PID 1` });
      host.engine.signalContainer(container, sig);
      settle(host, () => container.state === 'exited');
    }
    return;
  }
  execStep(run, step, index);
}

function execStep(run: Run, step: Extract<Step, { argv: readonly string[] }>, index: number): void {
  const { host } = run;
  let out = '';
  let err = '';
  const record = host.engine.exec(run.container, step.argv, {
    stdin: new NullFile(),
    stdout: new SinkFile((d) => (out += d)),
    stderr: new SinkFile((d) => (err += d)),
  });
  if (record.hostPid !== undefined) run.fates.nameExec(record.hostPid, run.execs.length);
  const report: ExecReport = {
    index: run.execs.length,
    step: index,
    action: step.action,
    argv: step.argv,
    start_ms: run.t(),
    end_ms: null,
    stdout: '',
    stderr: '',
    exit: null,
  };
  run.execs.push(report);
  const finished = () => {
    Object.assign(report, { stdout: out, stderr: err });
    if (record.status === undefined || report.exit) return report.exit !== null;
    Object.assign(report, {
      end_ms: run.t(),
      exit: exitReport(record.status, record.exitCode ?? 0),
    });
    return true;
  };
  if (step.action === 'exec' && step.detach) {
    const unsubscribe = host.kernel.events.subscribe(() => {
      if (finished()) unsubscribe();
    });
    runIdle(host);
    return;
  }
  settle(host, finished);
  if (step.action === 'inspect') run.lastInspect = out;
}

function exitReport(status: number, code: number): ExitReport {
  return {
    code,
    signal: WIFSIGNALED(status) ? signalName(WTERMSIG(status)).replace(/^SIG/, '') : null,
  };
}

function looksLikePs(text: string): boolean {
  return /^\s*(USER|UID|PID)\s/.test(text);
}
