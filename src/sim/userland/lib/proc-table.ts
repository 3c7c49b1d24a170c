import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { readFile, type Gen } from './io.ts';

/** One process as ps tools read it from /proc/PID/{stat,status,cmdline}. */
export interface ProcRow {
  readonly pid: number;
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  readonly session: number;
  readonly ttyNr: number;
  readonly tpgid: number;
  readonly threads: number;
  /** Start time in seconds since boot. */
  readonly startSeconds: number;
  readonly vszKb: number;
  readonly rssKb: number;
  readonly ruid: number;
  readonly euid: number;
  readonly rgid: number;
  readonly egid: number;
  /** argv from /proc/PID/cmdline; empty for zombies and kernel threads. */
  readonly cmdline: readonly string[];
}

const HZ = 100;
const PAGE_KB = 4;

/** Reads every process in /proc, in ascending PID order (the order of readdir on procfs). */
export function* readProcTable(): Gen<ProcRow[]> {
  const entries = yield* sys.readdir('/proc');
  if (entries instanceof Errno) return [];
  const pids = entries
    .map((e) => e.name)
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
  const rows: ProcRow[] = [];
  for (const pid of pids) {
    const row = yield* readProc(pid);
    if (row) rows.push(row);
  }
  return rows;
}

function* readProc(pid: number): Gen<ProcRow | undefined> {
  const stat = yield* readFile(`/proc/${pid}/stat`);
  const status = yield* readFile(`/proc/${pid}/status`);
  const cmdline = yield* readFile(`/proc/${pid}/cmdline`);
  if (stat instanceof Errno || status instanceof Errno || cmdline instanceof Errno)
    return undefined;
  const open = stat.indexOf('(');
  const close = stat.lastIndexOf(')');
  const fields = stat
    .slice(close + 2)
    .trim()
    .split(' ');
  const num = (index: number) => Number(fields[index - 3]);
  const ids = (key: string) =>
    (new RegExp(`^${key}:\\t(.*)$`, 'm').exec(status)?.[1] ?? '').split('\t').map(Number);
  const [ruid = 0, euid = 0] = ids('Uid');
  const [rgid = 0, egid = 0] = ids('Gid');
  return {
    pid,
    comm: stat.slice(open + 1, close),
    state: fields[0] ?? '?',
    ppid: num(4),
    pgrp: num(5),
    session: num(6),
    ttyNr: num(7),
    tpgid: num(8),
    threads: num(20),
    startSeconds: num(22) / HZ,
    vszKb: num(23) / 1024,
    rssKb: num(24) * PAGE_KB,
    ruid,
    euid,
    rgid,
    egid,
    cmdline: cmdline === '' ? [] : cmdline.replace(/\0$/, '').split('\0'),
  };
}

/** "pts/0" for a tty number of major 136, "?" without a terminal. */
export function ttyName(ttyNr: number): string {
  if (ttyNr === 0) return '?';
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  return major === 136 ? `pts/${minor}` : `${major},${minor}`;
}
