import type { Program, ProgramContext } from '../../kernel/exec.ts';
import { basename } from '../../kernel/exec.ts';
import type { ProcessGen } from '../../kernel/syscall-api.ts';
import { err } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { psApplet, type BusyboxBuild } from './ps-applet.ts';
import { ashApplet } from '../shells/ash-applet.ts';

type Applet = (context: ProgramContext, build: BusyboxBuild) => ProcessGen;

const APPLETS: Readonly<Record<string, Applet>> = { ps: psApplet, sh: ashApplet, ash: ashApplet };

/**
 * A BusyBox multi-call binary: the applet is the name it was called by
 * (a link such as /bin/ps), or the first argument after "busybox".
 */
export function createBusybox(name: string, build: BusyboxBuild): Program {
  return program(name, { vszKb: 1600, rssKb: 900 }, function* (context) {
    let argv = context.argv;
    let applet = basename(argv[0] ?? 'busybox');
    if (applet === 'busybox') {
      argv = argv.slice(1);
      applet = argv[0] ?? '';
    }
    const run = APPLETS[applet];
    if (!run) {
      yield* err(`${applet}: applet not found\n`);
      return 127;
    }
    return yield* run({ ...context, argv }, build);
  });
}

/** Debian 12's BusyBox 1.35.0 (the recording machine's): ps without TIME, glibc's getopt message. */
export const DEBIAN_BUSYBOX: BusyboxBuild = {
  psTime: false,
  badOption: (applet, letter) => `${applet}: invalid option -- '${letter}'\n${DEBIAN_PS_USAGE}`,
  get psUsage() {
    return DEBIAN_PS_USAGE;
  },
};

/** `busybox ps --help` on Debian 12 (BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1)). */
const DEBIAN_PS_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: ps [-o COL1,COL2=HEADER] [-T]

Show list of processes

\t-o COL1,COL2=HEADER\tSelect columns for display
\t-T\t\t\tShow threads
`;

/**
 * Alpine's BusyBox (gosu/alpine): ps with TIME. Bad options print musl
 * getopt's line ("ps: unrecognized option: X", musl src/misc/getopt.c);
 * the usage text that follows on Alpine is not modelled (src/sim/LIMITATIONS.md).
 */
export const ALPINE_BUSYBOX: BusyboxBuild = {
  psTime: true,
  badOption: (applet, letter) => `${applet}: unrecognized option: ${letter}\n`,
  psUsage: '',
};
