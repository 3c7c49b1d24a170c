import { Credentials } from '../kernel/credentials.ts';
import { onHostAsRoot } from './host-root.ts';
import { NullFile, SinkFile, type OpenFile } from '../kernel/files.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../kernel/outcome.ts';
import type { Process } from '../kernel/process.ts';
import { programAtHand, type Program } from '../kernel/exec.ts';
import { sendSignal } from '../kernel/signal.ts';
import { parseSignal } from '../kernel/signals.ts';
import { shellStatus } from '../kernel/wait-status.ts';
import { MountNamespace } from '../kernel/vfs/mount-namespace.ts';
import { copyTree, TreeBuilder } from '../kernel/vfs/tree-builder.ts';
import type { EngineError, EngineRequest, ShimSpec } from './api.ts';
import { Container, containerCommand, DOCKER_INIT_PATH, type RunConfig } from './container.ts';
import { Errno } from '../kernel/errno.ts';
import type { Inode } from '../kernel/vfs/inode.ts';
import { startExec, type ExecOptions, type ExecRecord } from './container-exec.ts';
import { findImage, normaliseReference } from './image-store.ts';
import type { Image } from './images/image.ts';
import { runtimeError } from './runtime-errors.ts';
import { DOCKER_DEFAULT_CAPABILITIES } from '../userland/runtime/oci-capabilities.ts';
import {
  awaitStop,
  beginStop,
  execAttached,
  noSuchContainer,
  notRunning,
  removeContainer,
} from './engine-operations.ts';
import { ContainerTty, OpenStdin } from './container-tty.ts';
import { configEnv, daemonEnvironment, withHome } from './container-env.ts';
import { inspectData, summary } from './container-view.ts';
import { containerTop } from './container-top.ts';

export interface CreateOptions extends Partial<RunConfig> {
  readonly image: string;
  readonly cmd: readonly string[];
  readonly name?: string;
  readonly autoRemove: boolean;
  readonly entrypoint?: string;
  readonly init?: boolean;
}

/**
 * The Docker daemon. Host processes reach it through its socket (`handle`);
 * host-side drivers (the replay command, tests) call the same operations
 * directly. It keeps images and containers, starts each container through a
 * containerd-shim process, relays output to attached clients and records how
 * containers and execs ended.
 */
export class DockerEngine {
  private readonly containers = new Map<string, Container>();
  private readonly execs = new Map<number, ExecRecord>();
  private counter = 0;
  /** The pseudo-terminal of each running -t container. */
  private readonly ttys = new Map<string, ContainerTty>();
  /** Called when a host process the daemon started (docker top's ps) exits. */
  readonly exitHooks = new Map<number, () => void>();
  private readonly kernel: Kernel;
  private readonly images: readonly Image[];
  private readonly hostInit: () => Process;
  private readonly shimProgram: Program;

  constructor(kernel: Kernel, images: readonly Image[], hostInit: () => Process) {
    this.kernel = kernel;
    this.images = images;
    this.hostInit = hostInit;
    const shim = programAtHand(kernel.loader, 'containerd/containerd-shim-runc-v2');
    if (!shim) throw new Error('containerd-shim-runc-v2 is missing from the program registry');
    this.shimProgram = shim;
    kernel.events.subscribe(
      (event) => {
        if (event.type === 'exec') this.noteExec(event.process.hostPid);
        if (event.type !== 'exit') return;
        const hook = this.exitHooks.get(event.process.hostPid);
        if (hook) {
          this.exitHooks.delete(event.process.hostPid);
          hook();
        }
        const record = this.execs.get(event.process.hostPid);
        if (!record) return;
        record.status = event.status;
        record.exitCode = shellStatus(event.status);
        this.execs.delete(event.process.hostPid);
        for (const waiter of record.waiters) kernel.wake(waiter);
      },
      ['exec', 'exit'],
    );
  }

  /** The first exec of a container's PID 1 is when Docker calls it running. */
  private noteExec(hostPid: number): void {
    for (const container of this.containers.values()) {
      if (container.initPid !== hostPid || container.commandStarted) continue;
      container.commandStarted = true;
      for (const waiter of container.waiters) this.kernel.wake(waiter);
    }
  }

  list(): Container[] {
    return [...this.containers.values()];
  }

  /**
   * A container as moby's GetContainer looks it up: the full id, else the
   * name, else an id prefix that only one container has.
   */
  find(idOrName: string): Container | undefined {
    const exact = this.containers.get(idOrName) ?? this.list().find((c) => c.name === idOrName);
    if (exact || idOrName === '') return exact;
    const prefixed = this.list().filter((c) => c.id.startsWith(idOrName));
    return prefixed.length === 1 ? prefixed[0] : undefined;
  }

  handle(caller: Process, request: EngineRequest): Outcome {
    switch (request.op) {
      case 'create': {
        const binds = (request.volumes ?? []).map((v) => ({
          host: this.hostPath(v.hostPath),
          containerPath: v.containerPath,
        }));
        const created = this.createContainer({ ...request, binds });
        return done('error' in created ? created : { id: created.id });
      }
      case 'start-attached': {
        const container = this.containers.get(request.id);
        if (!container) return done({ error: `No such container: ${request.id}`, status: 125 });
        const attach = {
          stdin: request.stdin === false ? undefined : caller.fds.get(0),
          stdout: caller.fds.get(1),
          stderr: caller.fds.get(2),
        };
        // Attaching to a running container (docker start -a) only connects its output.
        if (container.state === 'running') container.attach(attach);
        else {
          container.resetForStart();
          this.startContainer(container, attach);
        }
        return done(0);
      }
      case 'wait':
        return this.wait(caller, request.id);
      case 'start': {
        const container = this.containers.get(request.id);
        if (!container) return done(noSuchContainer(request.id));
        if (container.state === 'running') return done(0);
        container.resetForStart();
        this.startContainer(container);
        container.waiters.add(caller);
        // Like runc create, the start fails at once when the command cannot run.
        const poll = () => {
          if (container.startError) return { value: this.outcome(container) };
          return container.commandStarted || container.hasExited ? { value: 0 } : undefined;
        };
        return blockOn({ poll, interruptible: false });
      }
      case 'resolve':
        return done(this.find(request.ref)?.id ?? null);
      case 'exec': {
        const container = this.containers.get(request.id);
        return container
          ? execAttached(this, caller, container, request)
          : done(noSuchContainer(request.id));
      }
      case 'stop': {
        const container = this.containers.get(request.id);
        if (!container) return done(noSuchContainer(request.id));
        beginStop(
          this.kernel,
          this,
          container,
          request.timeoutS ?? container.config.stopTimeout,
          request.signal ?? container.config.stopSignal,
        );
        if (request.wait === false) return done(0);
        return awaitStop(this.kernel, this, caller, container);
      }
      case 'stop-wait': {
        const container = this.containers.get(request.id);
        if (!container) return done(noSuchContainer(request.id));
        const together = request.together.flatMap((id) => this.containers.get(id) ?? []);
        return awaitStop(this.kernel, this, caller, container, together);
      }
      case 'kill': {
        const container = this.containers.get(request.id);
        if (!container) return done(noSuchContainer(request.id));
        // moby's router wraps errNotRunning: "Cannot kill container: %s" with the client's name.
        if (container.state !== 'running')
          return done({
            error: `Cannot kill container: ${request.ref ?? request.id}: ${notRunning(container).error}`,
            status: 1,
          });
        this.signalContainer(container, request.signal);
        return done(0);
      }
      case 'signal': {
        const container = this.containers.get(request.id);
        if (container) this.signalContainer(container, request.signal);
        return done(0);
      }
      case 'list':
        return done(
          // Newest first; containers created in the same instant in reverse order of creation.
          this.list()
            .reverse()
            .filter((c) => request.all || c.state === 'running')
            .sort((a, b) => b.createdAt - a.createdAt)
            .map((c) => summary(c, this.kernel.clock.now())),
        );
      case 'remove':
        return removeContainer(this, caller, request.ref, request.force);
      case 'logs':
        return this.logs(caller, request.id, request.from, request.follow);
      case 'top': {
        const container = this.containers.get(request.id);
        if (!container) return done(noSuchContainer(request.id));
        return containerTop(this.kernel, this, caller, container, request.psArgs);
      }
      case 'inspect': {
        const container = this.find(request.ref);
        return done(container ? inspectData(container, configEnv(container)) : null);
      }
      case 'shim-spec':
        return done(this.shimSpec(request.id));
      case 'init-started':
        this.withContainer(request.id, (c) => (c.initPid = request.hostPid));
        // runc makes the container's first process the foreground of its terminal.
        this.ttys.get(request.id)?.setForeground(request.hostPid);
        return done(0);
      case 'init-failed':
        this.withContainer(request.id, (c) => c.failStart(request.message));
        return done(0);
      case 'exited':
        this.ttys.delete(request.id);
        this.withContainer(request.id, (c) => {
          c.finish(request.status, shellStatus(request.status), this.kernel.clock.now());
          // --rm: the daemon removes the container once it has exited.
          if (c.autoRemove && !c.startError) this.containers.delete(c.id);
        });
        return done(0);
    }
  }

  /** Removes a container that is not running (docker rm). */
  forget(container: Container): void {
    this.containers.delete(container.id);
  }

  /**
   * The container's log from entry `from` on: at once, or with `follow`
   * once there is something new or the container is no longer running.
   */
  private logs(caller: Process, id: string, from: number, follow: boolean): Outcome {
    const container = this.containers.get(id);
    if (!container) return done(noSuchContainer(id));
    const poll = () => {
      const ended = container.state !== 'running';
      if (!follow || ended || container.logs.length > from) {
        container.logWaiters.delete(caller);
        return {
          value: { entries: container.logs.slice(from), next: container.logs.length, ended },
        };
      }
      container.logWaiters.add(caller);
      return undefined;
    };
    return blockOn({ poll, interruptible: true });
  }

  /** Output of a container's processes: into its log, to attached clients, waking log followers. */
  private record(container: Container, stream: 'stdout' | 'stderr', data: string): void {
    container.output(stream, data, this.kernel.clock.now());
    for (const waiter of container.logWaiters) this.kernel.wake(waiter);
  }

  createContainer(options: CreateOptions): Container | EngineError {
    const reference = normaliseReference(options.image);
    const image = findImage(this.images, reference);
    if (!image) {
      return {
        preamble: `Unable to find image '${reference}' locally\n`,
        error: `pull access denied for ${reference.replace(/:[^:/]*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
        status: 125,
      };
    }
    // moby daemon/names: RestrictedNamePattern ^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (two characters at least).
    if (options.name !== undefined && !/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(options.name)) {
      return {
        error: `Invalid container name (${options.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
        status: 125,
      };
    }
    const wanted = options.name?.replace(/^\//, '');
    const taken = wanted === undefined ? undefined : this.list().find((c) => c.name === wanted);
    if (taken) {
      return {
        error: `Conflict. The container name "/${taken.name}" is already in use by container "${taken.id}". You have to remove (or rename) that container to be able to reuse that name.`,
        status: 125,
      };
    }
    const id = this.nextId();
    const stopSignal =
      options.stopSignal ??
      (image.config.stopSignal === undefined ? undefined : parseSignal(image.config.stopSignal));
    const config: RunConfig = {
      user: options.user ?? image.config.user,
      workingDir: options.workingDir ?? (image.config.workingDir || '/'),
      env: options.env ?? [],
      binds: [...(options.binds ?? []), ...(options.init ? [this.dockerInitBind()] : [])],
      // --stop-signal, else the image's STOPSIGNAL (facts.md §5).
      ...(stopSignal === undefined ? {} : { stopSignal }),
      ...(options.stopTimeout === undefined ? {} : { stopTimeout: options.stopTimeout }),
      ...(options.prepare ? { prepare: options.prepare } : {}),
      ...(options.tty ? { tty: true } : {}),
      ...(options.openStdin ? { openStdin: true } : {}),
    };
    const name = wanted ?? `container_${this.counter}`;
    const argv = containerCommand(image.config, options.cmd, {
      ...(options.entrypoint === undefined ? {} : { entrypoint: options.entrypoint }),
      ...(options.init ? { init: true } : {}),
    });
    const entrypoint =
      options.entrypoint === undefined
        ? image.config.entrypoint
        : options.entrypoint === ''
          ? null
          : [options.entrypoint];
    const container = new Container({
      id,
      name,
      image,
      argv,
      autoRemove: options.autoRemove,
      config,
      imageRef: options.image,
      createdAt: this.kernel.clock.now(),
      configCmd:
        options.cmd.length > 0
          ? options.cmd
          : options.entrypoint === undefined
            ? image.config.cmd
            : null,
      configEntrypoint: entrypoint,
    });
    this.containers.set(id, container);
    return container;
  }

  /** --init: the daemon's docker-init binary (tini) bind-mounted at /sbin/docker-init. */
  private dockerInitBind(): { host: Inode; containerPath: string } {
    const host = this.hostPath('/usr/bin/docker-init', false);
    return { host, containerPath: DOCKER_INIT_PATH };
  }

  /**
   * A host path for a bind mount. dockerd creates a missing source directory
   * (as root, mode 0755) for `-v`; the host's own files are looked up as root.
   */
  hostPath(path: string, create = true): Inode {
    const init = this.hostInit();
    const root = new Credentials(0, 0);
    const found = init.mnt.lookup(path, '/', root, init);
    if (!(found instanceof Errno)) return found.inode;
    const tree = new TreeBuilder(this.kernel.clock.now(), init.mnt.root);
    return create ? tree.dir(path) : tree.file(path, '', { perm: 0o755 });
  }

  /** 64 hex digits from a counter, so every run of the same commands gives the same ids. */
  private nextId(): string {
    this.counter++;
    const seed = (this.counter * 2654435761) >>> 0;
    let hex = '';
    for (let i = 0; hex.length < 64; i++)
      hex += ((((seed ^ (i * 0x9e3779b9)) >>> 0) * 16777619) >>> 0).toString(16).padStart(8, '0');
    return hex.slice(0, 64);
  }

  /** Blocks the caller until the container has exited (or failed to start), like POST /containers/{id}/wait. */
  private wait(caller: Process, id: string): Outcome {
    const container = this.containers.get(id);
    if (!container) return done({ error: `No such container: ${id}`, status: 125 });
    const poll = () => {
      const ended = this.outcome(container);
      return ended ? { value: ended } : undefined;
    };
    container.waiters.add(caller);
    return blockOn({ poll, interruptible: true });
  }

  /** How a container ended, or undefined while it runs. Removes an --rm container once ended. */
  outcome(container: Container): { exitCode: number } | EngineError | undefined {
    const ended = container.startError
      ? runtimeError(container.startError)
      : container.state === 'exited'
        ? { exitCode: container.exitCode }
        : undefined;
    if (ended) {
      container.detach();
      if (container.autoRemove) this.containers.delete(container.id);
    }
    return ended;
  }

  /**
   * The container's own copy of its image, with the run's setup and bind
   * mounts (what runc's rootfs preparation does). Done once; startContainer
   * calls it, and a driver may call it earlier to look at the files first.
   */
  prepareRoot(container: Container): MountNamespace {
    if (container.mountNamespace) return container.mountNamespace;
    const root = copyTree(container.image.rootfs);
    const tree = new TreeBuilder(this.kernel.clock.now(), root);
    container.config.prepare?.(tree);
    const mnt = new MountNamespace(root);
    for (const bind of container.config.binds) mnt.mount(tree.dir(bind.containerPath), bind.host);
    container.mountNamespace = mnt;
    return mnt;
  }

  startContainer(
    container: Container,
    attach?: {
      stdin?: OpenFile | undefined;
      stdout: OpenFile | undefined;
      stderr: OpenFile | undefined;
    },
  ): void {
    if (attach) container.attach(attach);
    const stdio = this.containerStdio(container, attach?.stdin);
    this.prepareRoot(container);
    const init = this.hostInit();
    const argv = ['containerd-shim-runc-v2', '-namespace', 'moby', '-id', container.id];
    const shim = this.kernel.spawn({
      ...onHostAsRoot(this.kernel, init),
      stdio,
      main: () => this.shimProgram.main({ argv, envp: [] }),
      comm: 'containerd-shim',
      argv: [
        '/usr/bin/containerd-shim-runc-v2',
        ...argv.slice(1),
        '-address',
        '/run/containerd/containerd.sock',
      ],
    });
    container.shimPid = shim.hostPid;
    container.state = 'running';
    container.startedAt = this.kernel.clock.now();
  }

  /**
   * The first process's stdin, stdout and stderr: a pseudo-terminal with -t
   * (the attached client's terminal is its keyboard with -i), otherwise
   * pipes to the log, and stdin open with -i.
   */
  private containerStdio(
    container: Container,
    stdin: OpenFile | undefined,
  ): [OpenFile, OpenFile, OpenFile] {
    const openStdin = container.config.openStdin ?? false;
    if (container.config.tty) {
      const tty = new ContainerTty({
        output: (data) => this.record(container, 'stdout', data),
        input: openStdin && stdin?.isTerminal ? stdin : undefined,
        openStdin,
      });
      this.ttys.set(container.id, tty);
      return [tty, tty, tty];
    }
    const streams = (stream: 'stdout' | 'stderr'): OpenFile =>
      new SinkFile((data) => this.record(container, stream, data));
    const input = openStdin ? (stdin ?? new OpenStdin()) : new NullFile();
    return [input, streams('stdout'), streams('stderr')];
  }

  /** The environment the container's first process gets; runc adds HOME when it is missing. */
  environment(container: Container): readonly string[] {
    const home = /^\d+(:\d+)?$/.test(container.config.user) ? '/' : '/root';
    return withHome(daemonEnvironment(container, container.config.tty === true), home);
  }

  /** A signal from outside the container's namespace to its PID 1 (docker kill, docker stop). */
  signalContainer(container: Container, sig: number): void {
    const init =
      container.initPid === undefined ? undefined : this.kernel.processes.get(container.initPid);
    if (init?.alive) sendSignal(this.kernel, init, sig, null);
  }

  /** The PID-1 process of a running container. */
  initProcess(container: Container): Process | undefined {
    const init =
      container.initPid === undefined ? undefined : this.kernel.processes.get(container.initPid);
    return init?.alive ? init : undefined;
  }

  exec(container: Container, argv: readonly string[], options: ExecOptions): ExecRecord {
    const record = startExec(this.kernel, container, argv, options);
    if (record.hostPid !== undefined) this.execs.set(record.hostPid, record);
    return record;
  }

  private shimSpec(id: string): ShimSpec | null {
    const container = this.containers.get(id);
    if (!container) return null;
    return {
      argv: container.argv,
      env: this.environment(container),
      workingDir: container.config.workingDir,
      user: container.config.user,
      hostname: container.hostname,
      mountNamespace: container.mountNamespace,
      capabilities: container.config.capabilities ?? DOCKER_DEFAULT_CAPABILITIES,
    };
  }

  private withContainer(id: string, change: (container: Container) => void): void {
    const container = this.containers.get(id);
    if (!container) return;
    change(container);
    for (const waiter of container.waiters) this.kernel.wake(waiter);
    for (const waiter of container.logWaiters) this.kernel.wake(waiter);
  }
}
