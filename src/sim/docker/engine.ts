import { Credentials } from '../kernel/credentials.ts';
import { SinkFile, NullFile, type OpenFile } from '../kernel/files.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../kernel/outcome.ts';
import type { Process } from '../kernel/process.ts';
import type { Program } from '../kernel/exec.ts';
import { sendSignal } from '../kernel/signal.ts';
import { shellStatus } from '../kernel/wait-status.ts';
import { MountNamespace } from '../kernel/vfs/mount-namespace.ts';
import { copyTree } from '../kernel/vfs/tree-builder.ts';
import type { CreateRequest, EngineRequest, ShimSpec } from './api.ts';
import { Container, containerCommand } from './container.ts';
import { findImage, normaliseReference } from './image-store.ts';
import type { Image } from './images/image.ts';
import { runtimeError } from './runtime-errors.ts';

/**
 * The Docker daemon, as the host's processes reach it through its socket:
 * it keeps images and containers, starts a container through a
 * containerd-shim process (which makes the new namespaces and runs the
 * container's first process), relays the container's output to attached
 * clients and records how it ended.
 */
export class DockerEngine {
  private readonly containers = new Map<string, Container>();
  private counter = 0;
  private readonly kernel: Kernel;
  private readonly images: readonly Image[];
  private readonly hostInit: () => Process;
  private readonly shimProgram: Program;

  constructor(kernel: Kernel, images: readonly Image[], hostInit: () => Process) {
    this.kernel = kernel;
    this.images = images;
    this.hostInit = hostInit;
    const shim = kernel.loader('containerd/containerd-shim-runc-v2');
    if (!shim) throw new Error('containerd-shim-runc-v2 is missing from the program registry');
    this.shimProgram = shim;
  }

  list(): Container[] {
    return [...this.containers.values()];
  }

  handle(caller: Process, request: EngineRequest): Outcome {
    switch (request.op) {
      case 'create':
        return done(this.create(request));
      case 'start-attached':
        return done(this.startAttached(caller, request.id));
      case 'wait':
        return this.wait(caller, request.id);
      case 'signal':
        return done(this.signal(request.id, request.signal));
      case 'shim-spec':
        return done(this.shimSpec(request.id));
      case 'init-started':
        this.initStarted(request.id, request.hostPid);
        return done(0);
      case 'init-failed':
        this.initFailed(request.id, request.message);
        return done(0);
      case 'exited':
        this.exited(request.id, request.status);
        return done(0);
    }
  }

  private create(request: CreateRequest) {
    const reference = normaliseReference(request.image);
    const image = findImage(this.images, reference);
    if (!image) {
      return {
        preamble: `Unable to find image '${reference}' locally\n`,
        error: `pull access denied for ${reference.replace(/:[^:/]*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
        status: 125,
      };
    }
    const id = this.nextId();
    const name = request.name ?? `container_${this.counter}`;
    const argv = containerCommand(image.config, request.cmd);
    this.containers.set(
      id,
      new Container({ id, name, image, argv, autoRemove: request.autoRemove }),
    );
    return { id };
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

  private startAttached(caller: Process, id: string): 0 | { error: string; status: number } {
    const container = this.containers.get(id);
    if (!container) return { error: `No such container: ${id}`, status: 125 };
    container.attach({ stdout: caller.fds.get(1), stderr: caller.fds.get(2) });
    this.start(container);
    return 0;
  }

  /** Blocks until the container has exited (or failed to start), like POST /containers/{id}/wait. */
  private wait(caller: Process, id: string): Outcome {
    const container = this.containers.get(id);
    if (!container) return done({ error: `No such container: ${id}`, status: 125 });
    const poll = () => {
      if (container.startError) {
        container.detach();
        if (container.autoRemove) this.containers.delete(id);
        return { value: runtimeError(container.startError) };
      }
      if (container.state !== 'exited') return undefined;
      container.detach();
      if (container.autoRemove) this.containers.delete(id);
      return { value: { exitCode: container.exitCode } };
    };
    container.waiters.add(caller);
    return blockOn({ poll, interruptible: true });
  }

  private start(container: Container): void {
    const streams = (stream: 'stdout' | 'stderr'): OpenFile =>
      new SinkFile((data) => container.output(stream, data));
    const root = copyTree(container.image.rootfs);
    container.mountNamespace = new MountNamespace(root);
    const shim = this.kernel.spawn({
      parent: this.hostInit(),
      pidns: this.kernel.rootNs,
      creds: new Credentials(0, 0),
      mnt: this.hostInit().mnt,
      cwd: '/',
      hostname: this.hostInit().hostname,
      stdio: [new NullFile(), streams('stdout'), streams('stderr')],
      main: () =>
        this.shimProgram.main({
          argv: ['containerd-shim-runc-v2', '-namespace', 'moby', '-id', container.id],
          envp: [],
        }),
      comm: 'containerd-shim',
      argv: [
        '/usr/bin/containerd-shim-runc-v2',
        '-namespace',
        'moby',
        '-id',
        container.id,
        '-address',
        '/run/containerd/containerd.sock',
      ],
    });
    container.shimPid = shim.hostPid;
    container.state = 'running';
    container.startedAt = this.kernel.clock.now();
  }

  private shimSpec(id: string): ShimSpec | null {
    const container = this.containers.get(id);
    if (!container) return null;
    return {
      argv: container.argv,
      env: [...container.image.config.env, `HOSTNAME=${container.hostname}`, 'HOME=/root'],
      workingDir: container.image.config.workingDir || '/',
      user: container.image.config.user,
      hostname: container.hostname,
      mountNamespace: container.mountNamespace,
    };
  }

  private signal(id: string, sig: number): number {
    const container = this.containers.get(id);
    const init =
      container?.initPid !== undefined ? this.kernel.processes.get(container.initPid) : undefined;
    if (init) sendSignal(this.kernel, init, sig, null);
    return 0;
  }

  private initFailed(id: string, message: string): void {
    const container = this.containers.get(id);
    if (!container) return;
    container.failStart(message);
    for (const waiter of container.waiters) this.kernel.wake(waiter);
  }

  private exited(id: string, status: number): void {
    const container = this.containers.get(id);
    if (!container) return;
    container.finish(shellStatus(status), this.kernel.clock.now());
    for (const waiter of container.waiters) this.kernel.wake(waiter);
  }

  /** Records the host PID of a container's first process (the shim tells the daemon after clone). */
  private initStarted(id: string, hostPid: number): void {
    const container = this.containers.get(id);
    if (container) container.initPid = hostPid;
  }
}
