/**
 * The kernel's typed event stream. The process table panel, the signal log,
 * the walkthroughs and the tests all read this one stream. PIDs are given as
 * the host (the root PID namespace) sees them, plus the PID inside the
 * process's own namespace.
 */
export interface ProcessRef {
  /** PID in the root namespace. */
  readonly hostPid: number;
  /** PID in the process's own namespace (1 for a container's init). */
  readonly pid: number;
  readonly comm: string;
}

/** A place in a source text as an editor shows it: 1-based lines and columns, the end exclusive. */
export interface TextSpan {
  readonly start: { readonly line: number; readonly col: number };
  readonly end: { readonly line: number; readonly col: number };
}

/** Where a shell read the command it runs. */
export type CommandOrigin =
  /** A script file: `sh FILE`, a `#!` script, or a file read by `.`. */
  | { readonly kind: 'script'; readonly path: string }
  /** `sh -c '…'`. */
  | { readonly kind: 'command-string' }
  /** Standard input: `sh < FILE`, `… | sh`. */
  | { readonly kind: 'stdin' }
  /** A line typed at an interactive shell's prompt. */
  | { readonly kind: 'interactive' }
  /** The words given to `eval`. */
  | { readonly kind: 'eval' }
  /** A trap's action, run when its signal comes or the shell exits. */
  | { readonly kind: 'trap' };

/**
 * What a program reports through a probe (sys.probe): walkthroughs follow a
 * script line by line and a build step by step. A probe costs the program no
 * time and no turn of the scheduler, like a kernel's uprobe on user code.
 */
export type ProbeEvent =
  | {
      /** A shell starts a simple command, its words expanded (what `set -x` shows). */
      readonly type: 'shell-command';
      readonly origin: CommandOrigin;
      /** The command's place in its source text, and the text itself. */
      readonly span: TextSpan;
      readonly text: string;
      readonly argv: readonly string[];
    }
  | {
      /** A build step starts (the classic builder's "Step N/M : …"). */
      readonly type: 'build-step';
      /** The tags the build will give the image (`redis:5.0`, `redis:5`). */
      readonly tags: readonly string[];
      readonly step: number;
      readonly total: number;
      readonly keyword: string;
      /** The instruction as the builder prints it after "Step N/M : ". */
      readonly text: string;
      /** Its place in the Dockerfile (continuation lines included). */
      readonly span: TextSpan;
    };

export type KernelEvent =
  | (ProbeEvent & { readonly t: number; readonly process: ProcessRef })
  | {
      readonly type: 'fork';
      readonly t: number;
      readonly parent: ProcessRef;
      readonly child: ProcessRef;
      readonly newPidNamespace: boolean;
    }
  | {
      readonly type: 'exec';
      readonly t: number;
      readonly process: ProcessRef;
      readonly path: string;
      readonly argv: readonly string[];
    }
  | {
      readonly type: 'exec-failed';
      readonly t: number;
      readonly process: ProcessRef;
      readonly path: string;
      readonly errno: string;
    }
  | {
      readonly type: 'credentials';
      readonly t: number;
      readonly process: ProcessRef;
      readonly call: string;
      readonly uid: number;
      readonly gid: number;
      readonly groups: readonly number[];
    }
  | {
      readonly type: 'signal-sent';
      readonly t: number;
      readonly sender: ProcessRef | null;
      readonly target: ProcessRef;
      readonly signal: string;
    }
  | {
      readonly type: 'signal-ignored';
      readonly t: number;
      readonly target: ProcessRef;
      readonly signal: string;
      readonly reason: 'disposition' | 'pid1-no-handler' | 'zombie';
    }
  | {
      /** Taken from the pending set by sigtimedwait(2): no handler ran, nothing was "delivered". */
      readonly type: 'signal-waited';
      readonly t: number;
      readonly target: ProcessRef;
      readonly signal: string;
    }
  | {
      readonly type: 'signal-delivered';
      readonly t: number;
      readonly target: ProcessRef;
      readonly signal: string;
      readonly action: 'handler' | 'terminate' | 'core' | 'stop' | 'continue';
    }
  | {
      readonly type: 'exit';
      readonly t: number;
      readonly process: ProcessRef;
      readonly status: number;
    }
  | {
      readonly type: 'reap';
      readonly t: number;
      readonly parent: ProcessRef | null;
      readonly child: ProcessRef;
    }
  | {
      readonly type: 'reparent';
      readonly t: number;
      readonly process: ProcessRef;
      readonly newParent: ProcessRef;
    }
  | { readonly type: 'clock'; readonly t: number; readonly from: number };

export type EventListener = (event: KernelEvent) => void;

export type EventType = KernelEvent['type'];

export class EventStream {
  /** Each listener, with the types it takes (undefined: all of them). */
  private readonly listeners = new Map<EventListener, ReadonlySet<EventType> | undefined>();

  /** Listens to every event, or to those of the given types only. */
  subscribe(listener: EventListener, types?: readonly EventType[]): () => void {
    this.listeners.set(listener, types && new Set(types));
    return () => this.listeners.delete(listener);
  }

  /** Whether a listener takes events of `type`: a probe's event is built only then. */
  wants(type: EventType): boolean {
    for (const types of this.listeners.values()) if (!types || types.has(type)) return true;
    return false;
  }

  emit(event: KernelEvent): void {
    for (const [listener, types] of this.listeners)
      if (!types || types.has(event.type)) listener(event);
  }
}
