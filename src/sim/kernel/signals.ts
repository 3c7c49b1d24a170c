/**
 * Signal numbers for x86-64 and ARM Linux and their default actions, as in the
 * table of signal(7). The numbers match `kill -l` on the recording machine.
 */
export type DefaultAction = 'term' | 'core' | 'ign' | 'stop' | 'cont';

interface SignalInfo {
  readonly name: string;
  readonly action: DefaultAction;
}

const TABLE: Readonly<Record<number, SignalInfo>> = {
  1: { name: 'SIGHUP', action: 'term' },
  2: { name: 'SIGINT', action: 'term' },
  3: { name: 'SIGQUIT', action: 'core' },
  4: { name: 'SIGILL', action: 'core' },
  5: { name: 'SIGTRAP', action: 'core' },
  6: { name: 'SIGABRT', action: 'core' },
  7: { name: 'SIGBUS', action: 'core' },
  8: { name: 'SIGFPE', action: 'core' },
  9: { name: 'SIGKILL', action: 'term' },
  10: { name: 'SIGUSR1', action: 'term' },
  11: { name: 'SIGSEGV', action: 'core' },
  12: { name: 'SIGUSR2', action: 'term' },
  13: { name: 'SIGPIPE', action: 'term' },
  14: { name: 'SIGALRM', action: 'term' },
  15: { name: 'SIGTERM', action: 'term' },
  16: { name: 'SIGSTKFLT', action: 'term' },
  17: { name: 'SIGCHLD', action: 'ign' },
  18: { name: 'SIGCONT', action: 'cont' },
  19: { name: 'SIGSTOP', action: 'stop' },
  20: { name: 'SIGTSTP', action: 'stop' },
  21: { name: 'SIGTTIN', action: 'stop' },
  22: { name: 'SIGTTOU', action: 'stop' },
  23: { name: 'SIGURG', action: 'ign' },
  24: { name: 'SIGXCPU', action: 'core' },
  25: { name: 'SIGXFSZ', action: 'core' },
  26: { name: 'SIGVTALRM', action: 'term' },
  27: { name: 'SIGPROF', action: 'term' },
  28: { name: 'SIGWINCH', action: 'ign' },
  29: { name: 'SIGIO', action: 'term' },
  30: { name: 'SIGPWR', action: 'term' },
  31: { name: 'SIGSYS', action: 'core' },
};

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGQUIT = 3;
export const SIGBUS = 7;
export const SIGKILL = 9;
export const SIGUSR1 = 10;
export const SIGUSR2 = 12;
export const SIGPIPE = 13;
export const SIGALRM = 14;
export const SIGTERM = 15;
export const SIGCHLD = 17;
export const SIGCONT = 18;
export const SIGSTOP = 19;
export const SIGTSTP = 20;
export const SIGWINCH = 28;

/** The highest standard signal; 34–64 are real-time signals. */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

export function isValidSignal(sig: number): boolean {
  return Number.isInteger(sig) && ((sig >= 1 && sig <= 31) || (sig >= SIGRTMIN && sig <= SIGRTMAX));
}

/** Real-time signals terminate by default (signal(7)). */
export function defaultAction(sig: number): DefaultAction {
  return TABLE[sig]?.action ?? 'term';
}

/** "SIGTERM" for 15; real-time signals as `kill -l` names them ("SIGRTMIN+1"). */
export function signalName(sig: number): string {
  const known = TABLE[sig];
  if (known) return known.name;
  if (sig === SIGRTMIN) return 'SIGRTMIN';
  if (sig === SIGRTMAX) return 'SIGRTMAX';
  if (sig > SIGRTMIN && sig <= SIGRTMIN + 15) return `SIGRTMIN+${sig - SIGRTMIN}`;
  if (sig > SIGRTMIN + 15 && sig < SIGRTMAX) return `SIGRTMAX-${SIGRTMAX - sig}`;
  return `SIG${sig}`;
}

/** 15 for "TERM", "SIGTERM", "term" or "15"; undefined when unknown. */
export function parseSignal(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return isValidSignal(n) ? n : undefined;
  }
  const upper = text.toUpperCase();
  const wanted = upper.startsWith('SIG') ? upper : `SIG${upper}`;
  for (let sig = 1; sig <= SIGRTMAX; sig++) {
    if (isValidSignal(sig) && signalName(sig) === wanted) return sig;
  }
  return undefined;
}

/** SIGKILL and SIGSTOP cannot be caught, blocked or ignored (signal(7)). */
export function isUncatchable(sig: number): boolean {
  return sig === SIGKILL || sig === SIGSTOP;
}
