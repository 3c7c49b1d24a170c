import { Errno } from '../../kernel/errno.ts';
import type { Program } from '../../kernel/exec.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, readFile, type Gen } from '../lib/io.ts';
import { readProcTable, type ProcRow } from '../lib/proc-table.ts';
import { program } from '../lib/program.ts';
import { groupById, readUserDb, userById } from '../lib/user-db.ts';
import {
  AUX_FORMAT,
  BSD_FORMAT,
  columnFor,
  DEFAULT_FORMAT,
  formatLine,
  FULL_FORMAT,
  type Column,
  type ColumnContext,
} from './columns.ts';
import { parsePsArgs, type PsOptions } from './options.ts';

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

export interface ProcpsVersion {
  readonly name: string;
  readonly memory: { vszKb: number; rssKb: number };
  /**
   * procps-ng 4 sizes PID columns by the digits of /proc/sys/kernel/pid_max
   * (7 on the recording kernel: golden 01, 02, 13); procps 3.3.9 in Ubuntu
   * 14.04 prints 5 (the `ps aux` tables in gosu's README).
   */
  readonly pidWidth: 'pid_max' | number;
}

/** procps-ng ps. */
export function createProcpsPs(version: ProcpsVersion): Program {
  return program(version.name, version.memory, function* ({ argv }) {
    const parsed = parsePsArgs(argv.slice(1));
    if ('error' in parsed) {
      yield* err(`error: ${parsed.error}\n${USAGE}`);
      return 1;
    }
    if (parsed.help) {
      yield* out(USAGE);
      return 0;
    }
    const columns: Column[] = [];
    const headers: string[] = [];
    for (const spec of formatSpecs(parsed)) {
      const column = columnFor(spec.name);
      if (!column) {
        yield* err(`error: unknown user-defined format specifier "${spec.name}"\n${USAGE}`);
        return 1;
      }
      columns.push(spec.header === undefined ? column : { ...column, header: spec.header });
      headers.push(spec.header ?? column.header);
    }
    const ctx = yield* columnContext(version);
    const me = yield* sys.self();
    const rows = (yield* readProcTable()).filter(selector(parsed, me.euid, yield* ownTty()));
    const lines = [];
    if (headers.some((h) => h !== ''))
      lines.push(
        formatLine(
          columns.map((column) => ({ column, text: column.header })),
          ctx,
        ),
      );
    for (const row of rows)
      lines.push(
        formatLine(
          columns.map((column) => ({ column, text: column.value(row, ctx) })),
          ctx,
        ),
      );
    const width = parsed.wide ? undefined : yield* terminalWidth();
    yield* out(
      lines.map((line) => (width === undefined ? line : line.slice(0, width))).join('\n') + '\n',
    );
    return 0;
  });
}

function formatSpecs(o: PsOptions): { name: string; header?: string }[] {
  if (o.format === 'custom') return o.custom;
  const names = { default: DEFAULT_FORMAT, bsd: BSD_FORMAT, user: AUX_FORMAT, full: FULL_FORMAT }[
    o.format
  ];
  return names.map((name) => ({ name }));
}

/** Which processes a selection shows (procps select.c, reduced to the options parsed here). */
function selector(o: PsOptions, euid: number, tty: number | null): (row: ProcRow) => boolean {
  if (o.pids) {
    const pids = new Set(o.pids);
    return (row) => pids.has(row.pid);
  }
  if (o.all || (o.bsdA && o.bsdX)) return () => true;
  if (o.bsdA) return (row) => row.ttyNr !== 0;
  if (o.bsdX) return (row) => row.euid === euid;
  return (row) => row.euid === euid && row.ttyNr === (tty ?? 0);
}

/** The caller's terminal, read from its own /proc entry as procps does. */
function* ownTty(): Gen<number | null> {
  const stat = yield* readFile('/proc/self/stat');
  if (stat instanceof Errno) return null;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[4]);
}

/** On a terminal, lines are cut at its width; into a pipe or file they are not. */
function* terminalWidth(): Gen<number | undefined> {
  const size = yield* sys.winsize(1);
  return size instanceof Errno ? undefined : size.cols;
}

function* columnContext(version: ProcpsVersion): Gen<ColumnContext> {
  const db = yield* readUserDb();
  const me = yield* sys.self();
  const uptime = yield* readFile('/proc/uptime');
  const uptimeSeconds = uptime instanceof Errno ? 0 : Number(uptime.split(' ')[0]);
  let pidWidth = typeof version.pidWidth === 'number' ? version.pidWidth : 5;
  if (version.pidWidth === 'pid_max') {
    const pidMax = yield* readFile('/proc/sys/kernel/pid_max');
    if (!(pidMax instanceof Errno)) pidWidth = String(Number(pidMax.trim())).length;
  }
  return {
    userName: (uid) => userById(db, uid)?.name,
    groupName: (gid) => groupById(db, gid)?.name,
    bootMs: me.now - uptimeSeconds * 1000,
    nowMs: me.now,
    pidWidth,
  };
}
