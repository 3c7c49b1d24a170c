import type { PsRow } from './scenario.ts';

/**
 * Reads a procps or BusyBox table back into rows, as the golden recorder
 * does: USER, UID, PID, PPID, STAT and TTY where the table has them, and the
 * command as printed (the last column). Ranks follow ascending PIDs;
 * parent_rank is 0 for a parent outside the container.
 */
export function parsePsTable(text: string): PsRow[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0];
  if (header === undefined) return [];
  const names = header.trim().split(/\s+/);
  const commandIndex = names.length - 1;
  const rows = lines.slice(1).map((line) => {
    const fields = line.trim().split(/\s+/);
    const cell = (name: string) => {
      const i = names.indexOf(name);
      return i >= 0 && i < commandIndex ? (fields[i] ?? null) : null;
    };
    const num = (name: string) => {
      const value = cell(name);
      return value === null ? null : Number(value);
    };
    return {
      user: cell('USER') ?? cell('UID') ?? '',
      uid: names.includes('USER') ? num('UID') : null,
      pid: Number(cell('PID')),
      ppid: num('PPID'),
      stat: cell('STAT'),
      tty: cell('TTY') ?? cell('TT'),
      command: fields.slice(commandIndex).join(' '),
    };
  });
  const byPid = [...rows].sort((a, b) => a.pid - b.pid);
  const rank = (pid: number) => byPid.findIndex((r) => r.pid === pid) + 1;
  return rows.map((row) => ({
    ...row,
    rank: rank(row.pid),
    parent_rank: row.ppid === null ? null : row.ppid === 0 ? 0 : rank(row.ppid) || 0,
  }));
}
