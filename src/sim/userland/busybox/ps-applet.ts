import type { ProgramContext } from '../../kernel/exec.ts';
import type { ProcessGen } from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { readProcTable, ttyName, type ProcRow } from '../lib/proc-table.ts';
import { groupById, readUserDb, userById } from '../lib/user-db.ts';

export interface BusyboxBuild {
  /** FEATURE_PS_TIME: Alpine's build has it (TIME column), Debian's does not (golden 11). */
  readonly psTime: boolean;
  /** What an unknown option prints (getopt's message, from glibc or musl, then the build's usage). */
  readonly badOption: (applet: string, letter: string) => string;
  readonly psUsage: string;
}

type Cell = (row: ProcRow, names: Names) => string;
interface Names {
  readonly user: (uid: number) => string;
  readonly group: (gid: number) => string;
}
interface Spec {
  readonly name: string;
  readonly header: string;
  readonly width: number;
  readonly cell: Cell;
}

/** MAX_WIDTH in procps/ps.c: the line length when stdout is not a terminal. */
const MAX_WIDTH = 2 * 1024;
const pad = (n: number, width: number) => String(n).padStart(width);
const argsOf = (r: ProcRow) => (r.cmdline.length > 0 ? r.cmdline.join(' ') : `[${r.comm}]`);

/**
 * BusyBox's "desktop" ps (procps/ps.c, out_spec[]): columns in its table
 * order, widths and headers as there. Alpine's TIME is 5 wide and prints
 * "%2u:%02u" (` 0:00`), as real Alpine transcripts show
 * ("PID   USER     TIME  COMMAND" / "    1 root      0:00 ps aux").
 */
function specs(build: BusyboxBuild): Spec[] {
  const list: (Spec | false)[] = [
    { name: 'user', header: 'USER', width: 8, cell: (r, n) => n.user(r.euid) },
    { name: 'group', header: 'GROUP', width: 8, cell: (r, n) => n.group(r.egid) },
    { name: 'comm', header: 'COMMAND', width: 16, cell: (r) => r.comm },
    { name: 'args', header: 'COMMAND', width: MAX_WIDTH, cell: argsOf },
    { name: 'pid', header: 'PID', width: 5, cell: (r) => pad(r.pid, 5) },
    { name: 'ppid', header: 'PPID', width: 5, cell: (r) => pad(r.ppid, 5) },
    { name: 'pgid', header: 'PGID', width: 5, cell: (r) => pad(r.pgrp, 5) },
    build.psTime && { name: 'etime', header: 'ELAPSED', width: 7, cell: () => '  0:00' },
    { name: 'nice', header: 'NI', width: 5, cell: () => pad(0, 5) },
    { name: 'rgroup', header: 'RGROUP', width: 8, cell: (r, n) => n.group(r.rgid) },
    { name: 'ruser', header: 'RUSER', width: 8, cell: (r, n) => n.user(r.ruid) },
    build.psTime && { name: 'time', header: 'TIME', width: 5, cell: () => ' 0:00' },
    { name: 'tty', header: 'TT', width: 6, cell: (r) => (r.ttyNr ? ttyName(r.ttyNr) : '?') },
    { name: 'vsz', header: 'VSZ', width: 4, cell: (r) => String(Math.round(r.vszKb)) },
    { name: 'sid', header: 'SID', width: 5, cell: (r) => pad(r.session, 5) },
    { name: 'stat', header: 'STAT', width: 4, cell: (r) => r.state },
    { name: 'rss', header: 'RSS', width: 4, cell: (r) => String(Math.round(r.rssKb)) },
  ];
  return list.filter((s): s is Spec => s !== false);
}

export function* psApplet(context: ProgramContext, build: BusyboxBuild): ProcessGen {
  const table = specs(build);
  const formats: string[] = [];
  const args = context.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('-') || arg === '-') continue;
    if (arg === '--help') {
      yield* err(build.psUsage);
      return 0;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j] as string;
      if (letter === 'o') {
        const value = arg.slice(j + 1) || args[++i];
        if (value !== undefined) formats.push(value);
        break;
      }
      if (!'ZaAdeflT'.includes(letter)) {
        yield* err(build.badOption('ps', letter));
        return 1;
      }
    }
  }
  const chosen: Spec[] = [];
  for (const format of formats.length > 0
    ? formats
    : [build.psTime ? 'pid,user,time,args' : 'pid,user,args']) {
    for (const item of format.split(',')) {
      const [name, header] = item.includes('=')
        ? [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)]
        : [item, undefined];
      const spec = table.find((s) => s.name === name.slice(0, 6));
      if (!spec) {
        yield* err(
          `ps: bad -o argument '${name}', supported arguments: ${table.map((s) => s.name).join(',')}\n`,
        );
        return 1;
      }
      chosen.push(header ? { ...spec, header, width: header.length || spec.width } : spec);
    }
  }
  const db = yield* readUserDb();
  const names: Names = {
    user: (uid) => userById(db, uid)?.name ?? String(uid),
    group: (gid) => groupById(db, gid)?.name ?? String(gid),
  };
  const rows = yield* readProcTable();
  const line = (texts: string[]) =>
    texts
      .map((t, i) =>
        i === texts.length - 1
          ? t
          : t.slice(0, chosen[i]?.width).padEnd((chosen[i]?.width ?? 0) + 1),
      )
      .join('');
  let text = line(chosen.map((s) => s.header)) + '\n';
  for (const row of rows) text += line(chosen.map((s) => s.cell(row, names))) + '\n';
  yield* out(text);
  return 0;
}
