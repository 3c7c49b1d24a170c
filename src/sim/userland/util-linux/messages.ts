import { err, type Gen } from '../lib/io.ts';

/** util-linux's err(3)/errx(3) style: "PROG: message" and the exit status. */
export function* fail(prog: string, message: string, status: number): Gen<number> {
  yield* err(`${prog}: ${message}\n`);
  return status;
}

/** util-linux's exit codes for a failed exec (include/exitcodes.h): 127 not found, 126 otherwise. */
export function execFailureStatus(code: string): number {
  return code === 'ENOENT' ? 127 : 126;
}
