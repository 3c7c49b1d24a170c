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

export type KernelEvent =
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

export class EventStream {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: KernelEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
