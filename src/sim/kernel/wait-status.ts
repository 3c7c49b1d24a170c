/**
 * The wait status word of wait(2), encoded as Linux and glibc do
 * (bits/waitstatus.h): exit code in bits 8–15, terminating signal in 0–6,
 * 0x80 for a core dump, 0x7f in the low byte for a stopped child.
 */
export const exited = (code: number): number => (code & 0xff) << 8;
export const signaled = (sig: number, core = false): number => (sig & 0x7f) | (core ? 0x80 : 0);

/** A child stopped by `sig` (reported with WUNTRACED), and one continued by SIGCONT (WCONTINUED). */
export const stoppedStatus = (sig: number): number => 0x7f | ((sig & 0xff) << 8);
export const CONTINUED_STATUS = 0xffff;

export const WIFSTOPPED = (status: number): boolean => (status & 0xff) === 0x7f;
export const WSTOPSIG = (status: number): number => (status >> 8) & 0xff;
export const WIFCONTINUED = (status: number): boolean => status === CONTINUED_STATUS;
export const WIFEXITED = (status: number): boolean => (status & 0x7f) === 0;
export const WEXITSTATUS = (status: number): number => (status >> 8) & 0xff;
export const WIFSIGNALED = (status: number): boolean =>
  (status & 0x7f) !== 0 && (status & 0x7f) !== 0x7f && status !== CONTINUED_STATUS;
export const WTERMSIG = (status: number): number => status & 0x7f;

/** The number a shell puts in $? and Docker reports: the exit code, or 128 + the signal. */
export function shellStatus(status: number): number {
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
