import { err, type Gen } from '../lib/io.ts';

/**
 * coreutils' usage error: the message, then "Try 'PROG --help' for more
 * information." and status 1. Texts as coreutils 9.1 prints them in the POSIX
 * locale (straight quotes), checked against /usr/bin on Debian 12.
 */
export function* usageError(prog: string, message: string): Gen<number> {
  yield* err(`${prog}: ${message}\nTry '${prog} --help' for more information.\n`);
  return 1;
}

/** getopt_long's words for a bad option. */
export function badOption(arg: string): string {
  return arg.startsWith('--')
    ? `unrecognized option '${arg}'`
    : `invalid option -- '${arg.slice(1, 2)}'`;
}
