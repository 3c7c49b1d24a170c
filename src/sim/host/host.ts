import type { DockerEngine } from '../docker/engine.ts';
import type { EngineRequest } from '../docker/api.ts';
import type { ImageService } from '../docker/build/image-service.ts';
import type { ImageRequest } from '../docker/build/image-requests.ts';
import type { DockerDaemon } from '../docker/daemon.ts';
import { WORLD_START_MS } from '../kernel/clock.ts';
import { programAtHand } from '../kernel/exec.ts';
import { codeArrived, codeInFlight, codeSettledCount } from '../kernel/on-demand.ts';
import { DOCKER } from '../pieces/index.ts';
import { Credentials } from '../kernel/credentials.ts';
import type { KernelEvent } from '../kernel/events.ts';
import { NullFile, SinkFile, type OpenFile } from '../kernel/files.ts';
import { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import { createProcfs } from '../kernel/procfs.ts';
import { sendSignal } from '../kernel/signal.ts';
import { TaskGroup, userSliceTasksMax } from '../kernel/task-group.ts';
import { shellStatus } from '../kernel/wait-status.ts';
import { MountNamespace } from '../kernel/vfs/mount-namespace.ts';
import { TreeBuilder } from '../kernel/vfs/tree-builder.ts';
import { TerminalDevice } from '../tty/terminal-device.ts';
import {
  DEFAULT_TERMINAL_SIZE,
  type TerminalPort,
  type TerminalSize,
} from '../tty/terminal-port.ts';
import { loadProgram } from '../userland/registry.ts';
import { buildHostTree, DOCKER_GID, HOST_USER, HOSTNAME, USER_PATH } from './host-files.ts';
import { ScriptInput } from './script-input.ts';
import { snapshot, type HostSnapshot } from './snapshot.ts';

export interface HostOptions {
  /**
   * Runs a callback later (setTimeout in a browser, setImmediate in Node):
   * long computations are cut into slices so the page never freezes.
   * Without it everything runs at once.
   */
  readonly defer?: (callback: () => void) => void;
  /**
   * System calls a batch run (a plain-mode script, one wait of the replay)
   * may make before it is stopped (default 1,000,000).
   */
  readonly plainStepLimit?: number;
}

/** System calls run per slice before the host lets the page breathe. */
const SLICE_STEPS = 50_000;
/**
 * A terminal's slices are smaller: input (Ctrl-C) is read between two slices,
 * so it waits for the rest of one and the shell, woken, answers in the next.
 * A fork bomb's system calls cost 20–50 µs each on a busy machine (forks of
 * shells with their state, the garbage of thousands of processes), so 2,000
 * keep a slice near 50 ms: Ctrl-C to prompt 70–550 ms in headless Chromium at
 * load 15 on 2 cores (5,000: 120–920 ms; test/e2e/runaway.spec.ts).
 */
const TERMINAL_SLICE_STEPS = 2_000;
/**
 * Plain mode never hangs: a script still computing after this many system
 * calls (an endless loop, a fork bomb) is stopped with status 124, the
 * status timeout(1) uses.
 */
const PLAIN_STEP_LIMIT = 1_000_000;
const TIMED_OUT = 124;
/** How far plain mode fast-forwards the clock when everything waits (one simulated day). */
const FAST_FORWARD_LIMIT_MS = 24 * 3600 * 1000;

/** A terminal port plus the end of its login shell (`exit` or Ctrl-D). */
export interface TerminalSession extends TerminalPort {
  onExit(listener: (status: number) => void): () => void;
}

export interface PlainResult {
  readonly status: number;
}

/**
 * A simulated Linux host running Docker: the kernel booted with init, the
 * Docker daemon and its images, and shells for terminals or scripts.
 */
export class Host {
  readonly kernel: Kernel;
  private daemon: DockerDaemon | undefined;
  private awaitingCode = false;
  /** codeSettledCount() when the sleepers last looked for their code. */
  private codeSeen = codeSettledCount();
  private readonly hostMnt: MountNamespace;
  private readonly init: Process;
  private readonly defer: ((callback: () => void) => void) | undefined;
  private pumping = false;
  private readonly plainStepLimit: number;
  private ttyCount = 0;
  /**
   * The learner's logins (terminals, plain mode) run in user-1000.slice, whose
   * pids limit systemd sets to 33% of the system's (10,813): a fork bomb stops there.
   */
  private readonly userSlice: TaskGroup;

  constructor(options: HostOptions = {}) {
    this.defer = options.defer;
    this.plainStepLimit = options.plainStepLimit ?? PLAIN_STEP_LIMIT;
    this.kernel = new Kernel({ startMs: WORLD_START_MS, loader: loadProgram, firstHostPid: 1 });
    this.userSlice = new TaskGroup(
      `user-${HOST_USER.uid}.slice`,
      userSliceTasksMax(this.kernel.maxProcesses),
    );
    const tree = new TreeBuilder(WORLD_START_MS - 86_400_000);
    buildHostTree(tree);
    this.hostMnt = new MountNamespace(tree.root);
    this.hostMnt.mount(tree.dir('/proc'), createProcfs(this.kernel, this.kernel.rootNs));
    this.init = this.boot();
    // With its code at hand (always, in Node) the daemon starts with the host; in the
    // browser it starts when the docker client, whose piece brings it, first connects.
    this.runningDaemon();
    this.kernel.services.set('docker', (caller, request) =>
      this.dockerDaemon().images.handle(caller, request as EngineRequest | ImageRequest),
    );
    this.runUntilIdle();
  }

  /** The Docker daemon's container side. */
  get engine(): DockerEngine {
    return this.dockerDaemon().engine;
  }

  /** The Docker daemon's image side (pull, build, history). */
  get images(): ImageService {
    return this.dockerDaemon().images;
  }

  /** The daemon, started if its code is here and it is not running yet. */
  private runningDaemon(): DockerDaemon | undefined {
    const code = DOCKER.peek();
    if (!this.daemon && code) this.daemon = code.startDockerDaemon(this.kernel, () => this.init);
    return this.daemon;
  }

  private dockerDaemon(): DockerDaemon {
    const daemon = this.runningDaemon();
    // Only the docker client talks to the daemon, and its piece brings the daemon's code.
    if (!daemon) throw new Error('the Docker daemon was asked for before its code arrived');
    return daemon;
  }

  get events() {
    return this.kernel.events;
  }

  /** The host's own file system (what init and the learner's shell see). */
  get rootMount(): MountNamespace {
    return this.hostMnt;
  }

  onEvent(listener: (event: KernelEvent) => void): () => void {
    return this.kernel.events.subscribe(listener);
  }

  private boot(): Process {
    const program = programAtHand(loadProgram, 'systemd/init');
    if (!program) throw new Error('init is missing from the program registry');
    return this.kernel.spawn({
      parent: null,
      pidns: this.kernel.rootNs,
      creds: new Credentials(0, 0),
      mnt: this.hostMnt,
      cwd: '/',
      hostname: HOSTNAME,
      stdio: [new NullFile(), new NullFile(), new NullFile()],
      main: () => program.main({ argv: ['/sbin/init'], envp: [] }),
      comm: 'systemd',
      argv: ['/sbin/init'],
    });
  }

  /** An interactive login on a new pseudo-terminal: bash as learner, prompt `learner@host:~$ `. */
  openTerminal(size: TerminalSize = DEFAULT_TERMINAL_SIZE): TerminalSession {
    const device = new TerminalDevice(`pts/${this.ttyCount++}`, (pgid, sig) =>
      this.signalGroup(pgid, sig),
    );
    device.port.resize(size.cols, size.rows);
    const shell = this.startShell(device, device, device);
    shell.ttyName = device.name;
    shell.foregroundPgid = () => device.foregroundGroup();
    device.setForeground(shell.hostPid);
    this.schedule();
    const exitListeners = new Set<(status: number) => void>();
    this.kernel.events.subscribe(
      (event) => {
        if (event.type === 'exit' && event.process.hostPid === shell.hostPid)
          for (const listener of exitListeners) listener(shellStatus(event.status));
      },
      ['exit'],
    );
    return {
      onExit: (listener) => {
        exitListeners.add(listener);
        return () => exitListeners.delete(listener);
      },
      write: (data) => {
        device.port.write(data);
        this.schedule();
      },
      onOutput: (listener, options) => device.port.onOutput(listener, options),
      // Writers the acknowledgement frees run in the next slice, so that input
      // (Ctrl-C) is read between two pieces of output.
      acknowledge: (chars) => {
        device.port.acknowledge?.(chars);
        this.schedule(true);
      },
      resize: (cols, rows) => device.port.resize(cols, rows),
      dispose: () => device.port.dispose(),
    };
  }

  /**
   * Runs a script as if typed at the prompt, without prompts or echo:
   * stdout and stderr go to their own sinks; the result is the last
   * command's status. Waits in virtual time are fast-forwarded.
   */
  runPlain(
    script: string,
    sinks: { stdout: (data: string) => void; stderr: (data: string) => void },
  ): PlainResult {
    const input = new ScriptInput(script, { paced: true });
    const shell = this.startShell(input, new SinkFile(sinks.stdout), new SinkFile(sinks.stderr));
    const ended = this.runUntil(() => !shell.alive, {
      limitMs: FAST_FORWARD_LIMIT_MS,
      afterSlice: () => input.typeNext(),
    });
    if (ended === 'steps') {
      sinks.stderr(
        `stepdown: stopped after ${this.plainStepLimit} steps; the command was still running\n`,
      );
      return { status: TIMED_OUT };
    }
    return { status: shell.alive ? 0 : shellStatus(shell.exitStatus) };
  }

  /**
   * The batch drivers' loop (plain mode, the replay, tests): runs the
   * processes and, whenever all of them wait, moves the clock to the next
   * timer, until `done()` holds ('done'), the next timer lies beyond
   * `limitMs` of virtual time ('timeout'; with `clockToLimit` the clock is
   * first moved to the limit and what wakes then runs), or the step limit of
   * system calls is spent ('steps': a runaway loop or fork bomb).
   * `afterSlice` runs after every slice and says whether it woke a process
   * (plain mode types the script's next line there); the clock moves only
   * when it did not.
   */
  runUntil(
    done: () => boolean,
    options: {
      readonly limitMs: number;
      readonly clockToLimit?: boolean;
      readonly afterSlice?: () => boolean;
    },
  ): 'done' | 'timeout' | 'steps' {
    const limit = this.kernel.clock.now() + options.limitMs;
    let steps = 0;
    for (;;) {
      const state = this.kernel.run(SLICE_STEPS);
      if (done()) return 'done';
      // Only full slices count: a script that keeps waiting is not a runaway.
      if (state === 'budget') steps += SLICE_STEPS;
      // A line just typed always gets a slice, even beside a runaway left running.
      if (options.afterSlice?.()) continue;
      if (state === 'budget') {
        if (steps < this.plainStepLimit) continue;
        return 'steps';
      }
      const deadline = this.kernel.nextDeadline();
      if (deadline !== undefined && deadline <= limit) {
        this.kernel.advanceTo(deadline);
        continue;
      }
      if (!options.clockToLimit || this.kernel.clock.now() >= limit) return 'timeout';
      this.kernel.advanceTo(limit);
    }
  }

  private startShell(stdin: OpenFile, stdout: OpenFile, stderr: OpenFile): Process {
    const bash = programAtHand(loadProgram, 'bash-5.2/bash');
    if (!bash) throw new Error('bash is missing from the program registry');
    const envp = [
      `HOME=${HOST_USER.home}`,
      `USER=${HOST_USER.name}`,
      `LOGNAME=${HOST_USER.name}`,
      'SHELL=/bin/bash',
      `PATH=${USER_PATH}`,
      'TERM=xterm-256color',
      `PWD=${HOST_USER.home}`,
    ];
    return this.kernel.spawn({
      parent: this.init,
      pidns: this.kernel.rootNs,
      creds: new Credentials(HOST_USER.uid, HOST_USER.gid, [HOST_USER.gid, DOCKER_GID]),
      mnt: this.hostMnt,
      cwd: HOST_USER.home,
      hostname: HOSTNAME,
      stdio: [stdin, stdout, stderr],
      main: () => bash.main({ argv: ['bash', '-i'], envp }),
      comm: 'bash',
      argv: ['-bash'],
      taskGroup: this.userSlice,
    });
  }

  /** The terminal's ISIG: a signal to every process of the foreground group. */
  private signalGroup(pgid: number, sig: number): void {
    for (const process of [...this.kernel.processes.values()]) {
      if (process.pgid === pgid && process.alive) sendSignal(this.kernel, process, sig, null);
    }
    this.schedule();
  }

  /** The process table as it is now, for panels, walkthroughs and tests. */
  snapshot(): HostSnapshot {
    return snapshot(this.kernel, this.daemon?.engine);
  }

  /** Moves virtual time forward (the terminal calls this as real time passes). */
  advance(ms: number): void {
    this.kernel.advanceTo(this.kernel.clock.now() + ms);
    this.schedule();
  }

  /** Milliseconds of virtual time until a sleeping process wants to wake, if one does. */
  nextTimerIn(): number | undefined {
    const deadline = this.kernel.nextDeadline();
    return deadline === undefined ? undefined : Math.max(0, deadline - this.kernel.clock.now());
  }

  /** Runs until every process waits. Used where nothing else must happen meanwhile (tests, plain mode). */
  runUntilIdle(): void {
    while (this.kernel.run(SLICE_STEPS) === 'budget' || this.fastForwardBuild()) {
      /* keep going */
    }
  }

  /**
   * While the daemon builds a catalog image on its first use (redis:5.0 …),
   * which the learner sees as a wait for the image, its waits (apt's and
   * wget's downloads) pass at once instead of in real time. True when the
   * clock moved.
   */
  private fastForwardBuild(): boolean {
    if (!this.daemon?.images.building || codeInFlight()) return false;
    const deadline = this.kernel.nextDeadline();
    if (deadline === undefined) return false;
    this.kernel.advanceTo(deadline);
    return true;
  }

  /**
   * Processes waiting for code on its way (ADR 0010) go on once it arrives:
   * like input from the terminal, the arrival comes from outside the kernel.
   * They run through the defer hook, as every slice the host starts on its
   * own does, so its owner learns of timers they set (a `sleep 1` typed
   * before its code was here arms the terminal's real-time clock). A fetch
   * that a sleeper started while being woken may settle before the slice
   * ends (a module the browser already has): then they look again at once.
   */
  private wakeWhenCodeArrives(): void {
    if (this.awaitingCode) return;
    if (codeSettledCount() !== this.codeSeen) {
      this.wakeForCode();
      return;
    }
    if (!codeInFlight()) return;
    this.awaitingCode = true;
    void codeArrived().then(() => {
      this.awaitingCode = false;
      this.wakeForCode();
    });
  }

  private wakeForCode(): void {
    this.codeSeen = codeSettledCount();
    this.kernel.wakeAll();
    this.schedule(true);
  }

  /** Runs a slice now and, with a defer hook, the rest later, so input stays responsive. */
  private schedule(later = false): void {
    if (!this.defer) {
      this.runUntilIdle();
      return;
    }
    if (this.pumping) return;
    const slice = () => {
      this.pumping = this.kernel.run(TERMINAL_SLICE_STEPS) === 'budget' || this.fastForwardBuild();
      if (this.pumping) this.defer?.(slice);
      else this.wakeWhenCodeArrives();
    };
    if (!later) {
      slice();
      return;
    }
    this.pumping = true;
    this.defer(slice);
  }
}

export function createHost(options: HostOptions = {}): Host {
  return new Host(options);
}
