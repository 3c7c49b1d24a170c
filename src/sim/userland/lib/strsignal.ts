/**
 * strsignal(3) of glibc 2.36: the descriptions su, tini and shells print for
 * a signal (read from libc on Debian 12 with Python's signal.strsignal).
 */
const TEXTS = [
  'Hangup',
  'Interrupt',
  'Quit',
  'Illegal instruction',
  'Trace/breakpoint trap',
  'Aborted',
  'Bus error',
  'Floating point exception',
  'Killed',
  'User defined signal 1',
  'Segmentation fault',
  'User defined signal 2',
  'Broken pipe',
  'Alarm clock',
  'Terminated',
  'Stack fault',
  'Child exited',
  'Continued',
  'Stopped (signal)',
  'Stopped',
  'Stopped (tty input)',
  'Stopped (tty output)',
  'Urgent I/O condition',
  'CPU time limit exceeded',
  'File size limit exceeded',
  'Virtual timer expired',
  'Profiling timer expired',
  'Window changed',
  'I/O possible',
  'Power failure',
  'Bad system call',
];

/** The first real-time signal glibc reports to programs (SIGRTMIN after its two reserved ones). */
const SIGRTMIN = 34;

export function strsignal(sig: number): string {
  const text = TEXTS[sig - 1];
  if (text !== undefined) return text;
  if (sig >= SIGRTMIN && sig <= 64) return `Real-time signal ${sig - SIGRTMIN}`;
  return `Unknown signal ${sig}`;
}
