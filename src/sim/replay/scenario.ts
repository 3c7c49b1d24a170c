/**
 * The scenario format of the golden recordings (../shared/golden/README.md,
 * "JSON format"): what `stepdown replay` reads and the field names it writes.
 */
export interface ScenarioFile {
  readonly id?: string;
  readonly container: {
    readonly pid1_argv: readonly string[];
    readonly user?: string;
    readonly workdir?: string;
    readonly home?: string;
    readonly dirs?: readonly { path: string; mode: string; uid: number; gid: number }[];
    readonly files?: readonly {
      path: string;
      mode: string;
      uid: number;
      gid: number;
      content: string;
    }[];
    readonly bind?: { host: string; mode: string; ctr: string };
  };
  readonly steps: readonly Step[];
  readonly recording?: {
    readonly docker_stop_timeout_s?: number;
    readonly listings?: readonly string[];
  };
}

export type Step =
  | { readonly action: 'inspect'; readonly argv: readonly string[]; readonly after_ms?: number }
  | {
      readonly action: 'exec';
      readonly argv: readonly string[];
      readonly after_ms?: number;
      readonly detach?: boolean;
    }
  | { readonly action: 'signal'; readonly signal: string; readonly after_ms?: number }
  | {
      readonly action: 'wait';
      readonly timeout_ms: number;
      readonly on_timeout?: string;
      readonly after_ms?: number;
    };

export interface ExitReport {
  readonly code: number;
  readonly signal: string | null;
}

export interface PsRow {
  readonly user: string;
  readonly uid: number | null;
  readonly pid: number;
  readonly ppid: number | null;
  readonly stat: string | null;
  readonly tty: string | null;
  readonly command: string;
  readonly rank: number;
  readonly parent_rank: number | null;
}

export interface ExecReport {
  readonly index: number;
  readonly step: number;
  readonly action: 'inspect' | 'exec';
  readonly argv: readonly string[];
  readonly start_ms: number;
  readonly end_ms: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: ExitReport | null;
}

export interface ProcessFate {
  readonly proc: string;
  readonly argv: readonly string[];
  readonly signals_received: readonly string[];
  readonly end: string;
}

export interface Observed {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: ExitReport;
  readonly ps: readonly PsRow[];
  readonly ps_source: string;
  readonly execs: readonly ExecReport[];
  readonly process_fates: readonly ProcessFate[];
  readonly timeline: readonly { t_ms: number; event: string }[];
  /** Listings of the recording's `listings` commands before start and after the end. */
  readonly files?: {
    readonly before: Record<string, string>;
    readonly after: Record<string, string>;
  };
  /** Listings of a bind mount's host directory after the end, as the host sees it. */
  readonly host_side?: Record<string, string>;
  readonly cleanup_kill?: true;
}
