import type { OpenFile } from '../kernel/files.ts';
import type { Process } from '../kernel/process.ts';
import type { MountNamespace } from '../kernel/vfs/mount-namespace.ts';
import type { Inode } from '../kernel/vfs/inode.ts';
import type { TreeBuilder } from '../kernel/vfs/tree-builder.ts';
import type { Image, ImageConfig } from './images/image.ts';
import type { ContainerCapabilities } from '../userland/runtime/oci-capabilities.ts';

export type ContainerState = 'created' | 'running' | 'exited';

interface Attachment {
  readonly stdout: OpenFile | undefined;
  readonly stderr: OpenFile | undefined;
}

/** One container: its config, state, output log and the clients attached to it. */
/** How `docker run` configured the container beyond its image (flags, and the replay's container spec). */
export interface RunConfig {
  readonly user: string;
  readonly workingDir: string;
  readonly env: readonly string[];
  /** Bind mounts: a host directory shown at a path in the container (-v HOST:CTR). */
  readonly binds: readonly { readonly host: Inode; readonly containerPath: string }[];
  /** docker stop's defaults for this container (--stop-signal, --stop-timeout). */
  readonly stopSignal?: number;
  readonly stopTimeout?: number;
  /** Changes to the container's own copy of the image tree before start (test and replay setups). */
  readonly prepare?: (tree: TreeBuilder) => void;
  /** -t: the container's stdio is a terminal (output with CR LF, stdout and stderr merged). */
  readonly tty?: boolean;
  /** -i: standard input stays open (it never reaches end of file while nobody types). */
  readonly openStdin?: boolean;
  /** The processes' capabilities; Docker's defaults when unset (oci-capabilities.ts). */
  readonly capabilities?: ContainerCapabilities;
}

export class Container {
  readonly id: string;
  readonly name: string;
  readonly image: Image;
  readonly argv: readonly string[];
  readonly autoRemove: boolean;
  readonly config: RunConfig;
  /** The image reference as `docker run` was given it (what `docker ps` shows under IMAGE). */
  readonly imageRef: string;
  readonly createdAt: number;
  /** Config.Cmd and Config.Entrypoint as the daemon stored them (null when unset). */
  readonly configCmd: readonly string[] | null;
  readonly configEntrypoint: readonly string[] | null;
  /** The wait status of the first process, once it exited (signal deaths are visible here). */
  exitStatus = 0;
  state: ContainerState = 'created';
  exitCode = 0;
  startedAt = 0;
  finishedAt = 0;
  startError: string | undefined;
  /** While `docker stop` waits for it: when its SIGKILL is due (never with `-t -1`) and whether it went. */
  stopping: { readonly killAt: number | undefined; killed: boolean } | undefined;
  /** Set when PID 1 has exec'd the container's command (Docker's "running"). */
  commandStarted = false;
  shimPid: number | undefined;
  initPid: number | undefined;
  mountNamespace: MountNamespace | undefined;
  /** What the container wrote, each write with its stream and time (the json-file log driver's records). */
  readonly logs: {
    readonly stream: 'stdout' | 'stderr';
    readonly data: string;
    readonly at: number;
  }[] = [];
  readonly waiters = new Set<Process>();
  /** Clients following the log (docker logs -f), woken by new output and by the end. */
  readonly logWaiters = new Set<Process>();
  private attachment: Attachment | undefined;

  constructor(init: {
    id: string;
    name: string;
    image: Image;
    argv: readonly string[];
    autoRemove: boolean;
    config: RunConfig;
    imageRef?: string;
    createdAt?: number;
    configCmd?: readonly string[] | null;
    configEntrypoint?: readonly string[] | null;
  }) {
    this.id = init.id;
    this.name = init.name;
    this.image = init.image;
    this.argv = init.argv;
    this.autoRemove = init.autoRemove;
    this.config = init.config;
    this.imageRef = init.imageRef ?? `${init.image.repository}:${init.image.tags[0] ?? 'latest'}`;
    this.createdAt = init.createdAt ?? 0;
    this.configCmd = init.configCmd ?? null;
    this.configEntrypoint = init.configEntrypoint ?? null;
  }

  /** Path and Args: the command without the --init wrapper the runtime puts in front. */
  get command(): readonly string[] {
    return this.argv[0] === DOCKER_INIT_PATH && this.argv[1] === '--'
      ? this.argv.slice(2)
      : this.argv;
  }

  get hasExited(): boolean {
    return this.state === 'exited';
  }

  /** A container's host name is its short id (Docker's default). */
  get hostname(): string {
    return this.id.slice(0, 12);
  }

  attach(attachment: Attachment): void {
    this.attachment = attachment;
  }

  detach(): void {
    this.attachment = undefined;
  }

  output(stream: 'stdout' | 'stderr', data: string, at = 0): void {
    this.logs.push({ stream, data, at });
    const target = stream === 'stdout' ? this.attachment?.stdout : this.attachment?.stderr;
    target?.write(data);
  }

  /** docker start after an exit: a new run of the same container (its files are kept). */
  resetForStart(): void {
    this.state = 'created';
    this.startError = undefined;
    this.commandStarted = false;
    this.initPid = undefined;
    this.shimPid = undefined;
    this.stopping = undefined;
  }

  failStart(message: string): void {
    this.startError = message;
    this.state = 'created';
  }

  finish(status: number, exitCode: number, at: number): void {
    this.state = 'exited';
    this.stopping = undefined;
    this.exitStatus = status;
    this.exitCode = exitCode;
    this.finishedAt = at;
  }
}

/**
 * What the container runs: the image's ENTRYPOINT followed by the command
 * given to `docker run` or, without one, the image's CMD (Dockerfile
 * reference, "Understand how CMD and ENTRYPOINT interact").
 */
export function containerCommand(
  config: ImageConfig,
  cmd: readonly string[],
  overrides: { entrypoint?: string; init?: boolean } = {},
): string[] {
  const entrypoint =
    overrides.entrypoint === undefined
      ? (config.entrypoint ?? [])
      : overrides.entrypoint === ''
        ? []
        : [overrides.entrypoint];
  const defaultCmd = overrides.entrypoint === undefined ? (config.cmd ?? []) : [];
  const command = [...entrypoint, ...(cmd.length > 0 ? cmd : defaultCmd)];
  // --init: the daemon starts its docker-init (tini) as PID 1 with the command after "--"
  // (moby daemon/oci_linux.go, inContainerInitPath = "/sbin/docker-init"; facts.md §5).
  return overrides.init ? [DOCKER_INIT_PATH, '--', ...command] : command;
}

export const DOCKER_INIT_PATH = '/sbin/docker-init';
