import type { ProcRow } from '../lib/proc-table.ts';
import { ttyName } from '../lib/proc-table.ts';

/** What a column needs besides the process: names, the time, the PID width. */
export interface ColumnContext {
  readonly userName: (uid: number) => string | undefined;
  readonly groupName: (gid: number) => string | undefined;
  /** Wall-clock time of boot and now, in ms since the epoch. */
  readonly bootMs: number;
  readonly nowMs: number;
  /** Digits of pid_max: procps sizes PID columns by it. */
  readonly pidWidth: number;
}

export interface Column {
  readonly header: string;
  /** Width as procps 4.0.2 prints it (measured with `ps -o NAME,ppid`); 'pid' means the PID width. */
  readonly width: number | 'pid';
  readonly align: 'left' | 'right';
  readonly value: (row: ProcRow, ctx: ColumnContext) => string;
  /** Names wider than the column end in "+" (user names). */
  readonly truncate?: boolean;
}

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function startedMs(row: ProcRow, ctx: ColumnContext): number {
  return ctx.bootMs + row.startSeconds * 1000;
}

/** START/STIME: the time of day when started within the last 24 hours, else month and day ("Nov27"). */
function startText(row: ProcRow, ctx: ColumnContext): string {
  const started = new Date(startedMs(row, ctx));
  if (ctx.nowMs - started.getTime() < 24 * 3600 * 1000)
    return `${two(started.getUTCHours())}:${two(started.getUTCMinutes())}`;
  return `${MONTHS[started.getUTCMonth()]}${two(started.getUTCDate())}`;
}

/** The command as `ps aux` shows it: the arguments, or "[comm]" when there are none; zombies add "<defunct>". */
function argsText(row: ProcRow): string {
  const base = row.cmdline.length > 0 ? row.cmdline.join(' ') : `[${row.comm}]`;
  return row.state === 'Z' ? `[${row.comm}] <defunct>` : base;
}

/** STAT: the state letter, then s (session leader), l (multi-threaded), + (foreground group). */
function statText(row: ProcRow): string {
  let flags = row.state;
  if (row.session === row.pid) flags += 's';
  if (row.threads > 1) flags += 'l';
  if (row.tpgid !== -1 && row.tpgid === row.pgrp) flags += '+';
  return flags;
}

const nameOr = (name: string | undefined, id: number) => name ?? String(id);
const user =
  (uid: (r: ProcRow) => number): Column['value'] =>
  (row, ctx) =>
    nameOr(ctx.userName(uid(row)), uid(row));

export const COLUMNS: Readonly<Record<string, Column>> = {
  user: { header: 'USER', width: 8, align: 'left', value: user((r) => r.euid), truncate: true },
  euser: { header: 'EUSER', width: 8, align: 'left', value: user((r) => r.euid), truncate: true },
  ruser: { header: 'RUSER', width: 8, align: 'left', value: user((r) => r.ruid), truncate: true },
  uid: { header: 'UID', width: 5, align: 'right', value: (r) => String(r.euid) },
  euid: { header: 'EUID', width: 5, align: 'right', value: (r) => String(r.euid) },
  ruid: { header: 'RUID', width: 5, align: 'right', value: (r) => String(r.ruid) },
  gid: { header: 'GID', width: 5, align: 'right', value: (r) => String(r.egid) },
  egid: { header: 'EGID', width: 5, align: 'right', value: (r) => String(r.egid) },
  group: {
    header: 'GROUP',
    width: 8,
    align: 'left',
    value: (r, c) => nameOr(c.groupName(r.egid), r.egid),
    truncate: true,
  },
  pid: { header: 'PID', width: 'pid', align: 'right', value: (r) => String(r.pid) },
  ppid: { header: 'PPID', width: 'pid', align: 'right', value: (r) => String(r.ppid) },
  pgid: { header: 'PGID', width: 'pid', align: 'right', value: (r) => String(r.pgrp) },
  sid: { header: 'SID', width: 'pid', align: 'right', value: (r) => String(r.session) },
  tpgid: { header: 'TPGID', width: 'pid', align: 'right', value: (r) => String(r.tpgid) },
  stat: { header: 'STAT', width: 4, align: 'left', value: statText },
  s: { header: 'S', width: 1, align: 'left', value: (r) => r.state },
  state: { header: 'S', width: 1, align: 'left', value: (r) => r.state },
  comm: {
    header: 'COMMAND',
    width: 15,
    align: 'left',
    value: (r) => (r.state === 'Z' ? `${r.comm} <defunct>` : r.comm),
  },
  ucmd: { header: 'CMD', width: 15, align: 'left', value: (r) => r.comm },
  args: { header: 'COMMAND', width: 27, align: 'left', value: argsText },
  command: { header: 'COMMAND', width: 27, align: 'left', value: argsText },
  cmd: { header: 'CMD', width: 27, align: 'left', value: argsText },
  tty: { header: 'TT', width: 8, align: 'left', value: (r) => ttyName(r.ttyNr) },
  tt: { header: 'TT', width: 8, align: 'left', value: (r) => ttyName(r.ttyNr) },
  tname: { header: 'TTY', width: 8, align: 'left', value: (r) => ttyName(r.ttyNr) },
  time: { header: 'TIME', width: 8, align: 'right', value: () => '00:00:00' },
  cputime: { header: 'TIME', width: 8, align: 'right', value: () => '00:00:00' },
  vsz: { header: 'VSZ', width: 6, align: 'right', value: (r) => String(Math.round(r.vszKb)) },
  rss: { header: 'RSS', width: 5, align: 'right', value: (r) => String(Math.round(r.rssKb)) },
  '%cpu': { header: '%CPU', width: 4, align: 'right', value: () => '0.0' },
  pcpu: { header: '%CPU', width: 4, align: 'right', value: () => '0.0' },
  '%mem': { header: '%MEM', width: 4, align: 'right', value: () => '0.0' },
  pmem: { header: '%MEM', width: 4, align: 'right', value: () => '0.0' },
  c: { header: 'C', width: 2, align: 'right', value: () => '0' },
  nlwp: { header: 'NLWP', width: 4, align: 'right', value: (r) => String(r.threads) },
  stime: { header: 'STIME', width: 5, align: 'left', value: startText },
  start_time: { header: 'START', width: 5, align: 'left', value: startText },
  bsdstart: { header: 'START', width: 6, align: 'right', value: startText },
  bsdtime: { header: 'TIME', width: 6, align: 'right', value: () => '0:00' },
};

/** The column list behind `ps aux` (procps' u format with x and a). */
export const AUX_FORMAT = [
  'user',
  'pid',
  '%cpu',
  '%mem',
  'vsz',
  'rss',
  'tname',
  'stat',
  'start_time',
  'bsdtime',
  'args',
];
/** BSD syntax without u (`ps ax`): PID TTY STAT TIME COMMAND. */
export const BSD_FORMAT = ['pid', 'tname', 'stat', 'bsdtime', 'args'];
/** `ps -f`: UID PID PPID C STIME TTY TIME CMD (UID shows the user name). */
export const FULL_FORMAT = ['fuser', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'];
/** `ps` and `ps -e`: PID TTY TIME CMD. */
export const DEFAULT_FORMAT = ['pid', 'tname', 'time', 'ucmd'];

export const FULL_USER: Column = {
  header: 'UID',
  width: 8,
  align: 'left',
  value: user((r) => r.euid),
  truncate: true,
};

export function columnFor(name: string): Column | undefined {
  if (name === 'fuser') return FULL_USER;
  return Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : undefined;
}

export function widthOf(column: Column, ctx: ColumnContext): number {
  return column.width === 'pid' ? ctx.pidWidth : column.width;
}

/** Lays out one line: single spaces between columns, the last one not padded. */
export function formatLine(
  cells: readonly { column: Column; text: string }[],
  ctx: ColumnContext,
): string {
  return cells
    .map(({ column, text }, index) => {
      const width = widthOf(column, ctx);
      const fitted = column.truncate && text.length > width ? text.slice(0, width - 1) + '+' : text;
      if (index === cells.length - 1 && column.align === 'left') return fitted;
      return column.align === 'left' ? fitted.padEnd(width) : fitted.padStart(width);
    })
    .join(' ');
}
