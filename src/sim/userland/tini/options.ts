import { getoptLong, GetoptError } from '../lib/getopt-long.ts';
import { getenv } from '../lib/io.ts';

/** tini 0.19.0's usage (tini.c print_usage), recorded from Debian 12's tini. */
export function usage(name: string): string {
  return `${name} (tini version 0.19.0)
Usage: ${name} [OPTIONS] PROGRAM -- [ARGS] | --version

Execute a program under the supervision of a valid init process (${name})

Command line options:

  --version: Show version and exit.
  -h: Show this help message and exit.
  -s: Register as a process subreaper (requires Linux >= 3.4).
  -p SIGNAL: Trigger SIGNAL when parent dies, e.g. "-p SIGKILL".
  -v: Generate more verbose output. Repeat up to 3 times.
  -w: Print a warning when processes are getting reaped.
  -g: Send signals to the child's process group.
  -e EXIT_CODE: Remap EXIT_CODE (from 0 to 255) to 0.
  -l: Show license and exit.

Environment variables:

  TINI_SUBREAPER: Register as a process subreaper (requires Linux >= 3.4).
  TINI_VERBOSITY: Set the verbosity level (default: 1).
  TINI_KILL_PROCESS_GROUP: Send signals to the child's process group.

`;
}

export interface TiniOptions {
  readonly verbosity: number;
  readonly subreaper: boolean;
  readonly killGroup: boolean;
  readonly warnOnReap: boolean;
  readonly remap: ReadonlySet<number>;
  /** -p: the signal tini asks for when its parent dies (0: none). */
  readonly parentDeathSignal: number;
  readonly command: readonly string[];
}

/** tini.c signal_names: the only names -p accepts, matched exactly. */
const SIGNAL_NAMES: Readonly<Record<string, number>> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGSYS: 31,
};

export type TiniParse =
  | TiniOptions
  | { readonly kind: 'help' | 'license' }
  | { readonly kind: 'usage'; readonly message: string | undefined }
  | { readonly kind: 'fatal'; readonly message: string };

/** tini's parse_args and parse_env: OPT_STRING "p:hvwgle:s", then the TINI_* variables. */
export function parseTini(args: readonly string[], envp: readonly string[]): TiniParse {
  const parsed = getoptLong(args, 'p:hvwgle:s');
  if (parsed instanceof GetoptError) return { kind: 'usage', message: parsed.message };
  let verbosity = Number(getenv(envp, 'TINI_VERBOSITY') ?? 1) || 1;
  let subreaper = getenv(envp, 'TINI_SUBREAPER') !== undefined;
  let killGroup = getenv(envp, 'TINI_KILL_PROCESS_GROUP') !== undefined;
  let warnOnReap = false;
  const remap = new Set<number>();
  let parentDeathSignal = 0;
  for (const { key, value = '' } of parsed.options) {
    if (key === 'h') return { kind: 'help' };
    if (key === 'l') return { kind: 'license' };
    if (key === 'v') verbosity++;
    if (key === 's') subreaper = true;
    if (key === 'g') killGroup = true;
    if (key === 'w') warnOnReap = true;
    if (key === 'e') {
      if (!/^\d+$/.test(value) || Number(value) > 255)
        return { kind: 'fatal', message: `Not a valid option for -e: ${value}` };
      remap.add(Number(value));
    }
    if (key === 'p') {
      const sig = Object.hasOwn(SIGNAL_NAMES, value) ? SIGNAL_NAMES[value] : undefined;
      if (sig === undefined)
        return { kind: 'fatal', message: `Not a valid option for -p: ${value}` };
      parentDeathSignal = sig;
    }
  }
  if (parsed.operands.length === 0) return { kind: 'usage', message: undefined };
  return {
    verbosity,
    subreaper,
    killGroup,
    warnOnReap,
    remap,
    parentDeathSignal,
    command: parsed.operands,
  };
}

/** `tini -l`: the MIT licence text tini prints (LICENSE of krallin/tini, as tini 0.19.0 prints it). */
export const LICENSE = `The MIT License (MIT)

Copyright (c) 2015 Thomas Orozco <thomas@orozco.fr>

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
`;
