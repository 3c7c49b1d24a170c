/**
 * Masks the columns of `ps` output that differ from run to run (CPU and
 * memory use, sizes, start time, CPU time), so tests can compare whole
 * tables, header, PIDs, users, TTY, STAT and COMMAND included.
 */

/** procps-ng `ps aux`: USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND. */
const PROCPS_AUX_ROW = /^(\S+ +\d+) +\S+ +\S+ +\d+ +\d+ +(\S+) +(\S+) +\S+ +\d+:\d+ (.*)$/;

/** BusyBox `ps`: PID USER TIME COMMAND (TIME is minutes:seconds of CPU). */
const BUSYBOX_ROW = /^( *\d+ \S+) +\d+:\d\d (.*)$/;

export function maskProcpsAux(line: string): string {
  return line.replace(PROCPS_AUX_ROW, '$1 %CPU %MEM VSZ RSS $2 $3 START TIME $4');
}

export function maskBusyboxPs(line: string): string {
  return line.replace(BUSYBOX_ROW, '$1 TIME $2');
}

/** Masks every row of a transcript that looks like either table; other lines stay as they are. */
export function maskPsRows(lines: readonly string[]): string[] {
  return lines.map((line) => maskBusyboxPs(maskProcpsAux(line)));
}
