import type { ContainerCapabilities } from '../userland/runtime/oci-capabilities.ts';
/**
 * The requests the docker CLI and the container runtime send the daemon over
 * its socket (the `service` system call), and the answers. A small, typed
 * stand-in for the Engine API.
 */
export interface CreateRequest {
  readonly op: 'create';
  readonly image: string;
  readonly cmd: readonly string[];
  readonly name?: string;
  readonly autoRemove: boolean;
  readonly user?: string;
  readonly workingDir?: string;
  readonly env?: readonly string[];
  /** -v /host/path:/container/path */
  readonly volumes?: readonly { readonly hostPath: string; readonly containerPath: string }[];
  /** --entrypoint: replaces the image's ENTRYPOINT and drops its CMD ('' clears it). */
  readonly entrypoint?: string;
  /** --init: run docker-init (tini) as PID 1 in front of the command. */
  readonly init?: boolean;
  readonly stopSignal?: number;
  readonly stopTimeout?: number;
  /** -t and -i. */
  readonly tty?: boolean;
  readonly openStdin?: boolean;
}

/** POST /containers/{id}/exec: the command and how it runs (-u, -w, -e, -d, -i, -t). */
export interface ExecRequest {
  readonly op: 'exec';
  readonly id: string;
  readonly argv: readonly string[];
  readonly user?: string;
  readonly workingDir?: string;
  readonly env?: readonly string[];
  readonly detach?: boolean;
  readonly interactive?: boolean;
  readonly tty?: boolean;
}

export type EngineRequest =
  | CreateRequest
  | {
      readonly op: 'start-attached';
      readonly id: string;
      /** docker start -a without -i leaves the container's stdin alone (default: attached). */
      readonly stdin?: boolean;
    }
  | { readonly op: 'start'; readonly id: string }
  | { readonly op: 'resolve'; readonly ref: string }
  | ExecRequest
  | { readonly op: 'list'; readonly all: boolean }
  | { readonly op: 'remove'; readonly ref: string; readonly force: boolean }
  | {
      readonly op: 'logs';
      readonly id: string;
      readonly from: number;
      readonly follow: boolean;
    }
  | { readonly op: 'top'; readonly id: string; readonly psArgs: readonly string[] }
  | { readonly op: 'inspect'; readonly ref: string }
  | {
      /** The stop signal, SIGKILL after the timeout; answered once the container has stopped, or at once with `wait: false`. */
      readonly op: 'stop';
      readonly id: string;
      readonly timeoutS?: number;
      readonly signal?: number;
      readonly wait?: boolean;
    }
  /** Waits for a stop begun with `wait: false` (STOP_AGAIN: wait again); `together` are the containers stopped with it (engine-operations.ts awaitStop). */
  | { readonly op: 'stop-wait'; readonly id: string; readonly together: readonly string[] }
  | {
      readonly op: 'kill';
      readonly id: string;
      readonly signal: number;
      /** The name as the client gave it, for the error text. */
      readonly ref?: string;
    }
  | { readonly op: 'wait'; readonly id: string }
  | { readonly op: 'signal'; readonly id: string; readonly signal: number }
  | { readonly op: 'shim-spec'; readonly id: string }
  | { readonly op: 'init-started'; readonly id: string; readonly hostPid: number }
  | { readonly op: 'init-failed'; readonly id: string; readonly message: string }
  | { readonly op: 'exited'; readonly id: string; readonly status: number };

/** A daemon error as the CLI shows it after "Error response from daemon: ", with the exit status docker run uses. */
export interface EngineError {
  readonly error: string;
  readonly status: number;
  /** Lines the CLI prints before the error (the pull attempt). */
  readonly preamble?: string;
}

export type CreateResponse = { readonly id: string } | EngineError;
export type StartResponse = { readonly exitCode: number } | EngineError;

export interface ShimSpec {
  readonly argv: readonly string[];
  readonly env: readonly string[];
  readonly workingDir: string;
  readonly user: string;
  readonly hostname: string;
  readonly mountNamespace: unknown;
  /** What runc leaves the container's processes (Docker's 14 defaults, or 'host' for the replay). */
  readonly capabilities: ContainerCapabilities;
}

/** docker logs: the log entries from an index on, the next index, and whether the container has stopped. */
export interface LogsResponse {
  readonly entries: readonly {
    readonly stream: 'stdout' | 'stderr';
    readonly data: string;
    readonly at: number;
  }[];
  readonly next: number;
  readonly ended: boolean;
}

/** docker top: ps's column titles and the rows of the container's processes. */
export interface TopResponse {
  readonly titles: readonly string[];
  readonly processes: readonly (readonly string[])[];
}

export function isEngineError(value: unknown): value is EngineError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/** A stop wait's answer when a grace period other than its container's ended first: wait again. */
export const STOP_AGAIN = 'again';
