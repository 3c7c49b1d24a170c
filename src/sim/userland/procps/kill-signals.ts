import { parseSignal } from '../../kernel/signals.ts';

/**
 * procps-ng 4.0.2's signal table (lib/signals.c): the 31 standard signals
 * with the names `kill -l` prints on x86-64 (29 is POLL, not IO).
 */
const NAMES = [
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'BUS',
  'FPE',
  'KILL',
  'USR1',
  'SEGV',
  'USR2',
  'PIPE',
  'ALRM',
  'TERM',
  'STKFLT',
  'CHLD',
  'CONT',
  'STOP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'XCPU',
  'XFSZ',
  'VTALRM',
  'PROF',
  'WINCH',
  'POLL',
  'PWR',
  'SYS',
];

/** `kill -l`: the names on two lines, as procps wraps them (recorded on Debian 12). */
export function signalList(): string {
  return `${NAMES.slice(0, 16).join(' ')}\n${NAMES.slice(16).join(' ')}\n`;
}

/** `kill -L`: "%2d %-8s", seven to a line; the seventh of a line is not padded. */
export function signalTable(): string {
  let text = '';
  NAMES.forEach((name, i) => {
    const entry = `${String(i + 1).padStart(2)} ${name}`;
    text += (i + 1) % 7 === 0 ? `${entry}\n` : entry.padEnd(11);
  });
  return text.endsWith('\n') ? text : text + '\n';
}

/**
 * `kill -l ARG`: a number from 1 to 31 becomes its name, a name (any case,
 * with or without SIG) its number; anything else is unknown (procps does not
 * name real-time signals here: `kill -l 35` is "unknown signal name 35").
 */
export function convertSignal(arg: string): string | undefined {
  if (/^\d+$/.test(arg)) return NAMES[Number(arg) - 1];
  const upper = arg.toUpperCase().replace(/^SIG/, '');
  const index = NAMES.indexOf(upper);
  return index < 0 ? undefined : String(index + 1);
}

/**
 * The signal of `-SIG`, `-s SIG` or `--signal SIG`: a number as it is (the
 * kernel judges it: `kill -65 PID` fails with EINVAL), a name as procps and
 * the kernel table know it (POLL and IO both 29, RTMIN+n), else undefined.
 */
export function signalNumber(arg: string): number | undefined {
  if (/^\d+$/.test(arg)) return Number(arg);
  const upper = arg.toUpperCase().replace(/^SIG/, '');
  const index = NAMES.indexOf(upper);
  return index >= 0 ? index + 1 : parseSignal(upper);
}
