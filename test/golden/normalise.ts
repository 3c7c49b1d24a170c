import { maskPsTable } from '../support/ps-table.ts';

/**
 * The golden README's normalisation rules for comparing a simulator's output
 * with a recording: ps tables with volatile columns masked (rule 1), redis
 * log timestamps and the signal handler's unix time masked, and the two
 * host-dependent redis lines treated as optional (rule 4).
 */
const REDIS_TIME = /\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}/g;
const HANDLER_TIME = /signal-handler \(\d+\)/g;
const OPTIONAL_REDIS_LINES = [/# WARNING Memory overcommit must be enabled!/, /\* Increased maximum number of open files/];

export function normaliseOutput(text: string): string {
  const lines = text
    .replace(REDIS_TIME, '<time>')
    .replace(HANDLER_TIME, 'signal-handler (<unix>)')
    .split('\n')
    .filter((line) => !OPTIONAL_REDIS_LINES.some((optional) => optional.test(line)));
  return maskPsTable(rankPids(lines.join('\n')));
}

/**
 * Rule 2: PIDs after the first two depend on how many threads earlier
 * processes started, and vary by one between real runs; such tables are
 * compared by rank. Each PID (and PPID) of a ps table becomes "#rank",
 * right-aligned in the same width.
 */
function rankPids(text: string): string {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^\s*(USER|UID|PID)\s/.test(l));
  if (header < 0) return text;
  const names = (lines[header] ?? '').trim().split(/\s+/);
  const pidAt = names.indexOf('PID');
  const ppidAt = names.indexOf('PPID');
  const rows = lines.slice(header + 1).filter((l) => l.trim() !== '');
  const pids = rows.map((l) => Number(l.trim().split(/\s+/)[pidAt])).sort((a, b) => a - b);
  const rank = (pid: string) => (pid === '0' ? '0' : `#${pids.indexOf(Number(pid)) + 1}`);
  return lines
    .map((line, i) => {
      if (i <= header || line.trim() === '' || pidAt < 0) return line;
      let column = -1;
      return line.replace(/\S+/g, (field) => {
        column++;
        if (column !== pidAt && column !== ppidAt) return field;
        return rank(field).padStart(field.length);
      });
    })
    .join('\n');
}

/** The same rule for process fates: "pidN" names beyond pid1 and pid2 become their rank. */
export function rankProcNames(procs: readonly string[]): Map<string, string> {
  const numbers = procs.flatMap((p) => (/^pid\d+$/.test(p) ? [Number(p.slice(3))] : [])).sort((a, b) => a - b);
  return new Map(numbers.map((n, i) => [`pid${n}`, n <= 2 ? `pid${n}` : `pid#${i + 1}`]));
}

/**
 * Rule 5 for `ls -l` listings: dates and `total N` masked, and sizes too
 * (directory sizes depend on the file system: tmpfs on the recorder); mode,
 * link count, owner, group and name are compared.
 */
export function normaliseListing(text: string): string {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('total '))
    .map((line) => {
      const [mode, links, uid, gid, , , , , ...name] = line.trim().split(/\s+/);
      return [mode, links, uid, gid, name.join(' ')].join(' ');
    })
    .join('\n');
}
