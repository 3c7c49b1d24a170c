import type { Program, ProgramLoader } from '../kernel/exec.ts';
import { bash } from './bash/bash.ts';
import { ALPINE_BUSYBOX, createBusybox, DEBIAN_BUSYBOX } from './busybox/busybox.ts';
import { falseProgram, trueProgram } from './coreutils/true-false.ts';
import { id } from './coreutils/id.ts';
import { sleep } from './coreutils/sleep.ts';
import { whoami } from './coreutils/whoami.ts';
import { docker } from './docker-cli/docker.ts';
import { gosu } from './gosu/gosu.ts';
import { createProcpsPs } from './procps/ps.ts';
import { containerdShim } from './runtime/containerd-shim.ts';
import { createSudo } from './sudo/sudo.ts';
import { init } from './init.ts';

/**
 * The one table of programs. An executable in an image names one of these
 * (its `program` field); the kernel's loader looks it up here. Programs that
 * differ between releases get one entry per release.
 */
const PROGRAMS: readonly Program[] = [
  trueProgram,
  falseProgram,
  id,
  whoami,
  sleep,
  gosu,
  bash,
  docker,
  containerdShim,
  init,
  createProcpsPs({
    name: 'procps-4.0.2/ps',
    memory: { vszKb: 8116, rssKb: 4260 },
    pidWidth: 'pid_max',
  }),
  // Ubuntu 14.04's procps 3.3.9: VSZ and RSS of `ps aux` in the seed article's table.
  createProcpsPs({ name: 'procps-3.3.9/ps', memory: { vszKb: 15568, rssKb: 1140 }, pidWidth: 5 }),
  createSudo({ name: 'sudo-1.9.13p3/sudo', memory: { vszKb: 7648, rssKb: 4380 }, helperPids: 0 }),
  // The seed article's `sudo ps aux` on ubuntu:trusty: sudo's VSZ and RSS, and ps at PID 6.
  createSudo({ name: 'sudo-1.8.9p5/sudo', memory: { vszKb: 46012, rssKb: 1772 }, helperPids: 4 }),
  createBusybox('busybox-1.35.0-debian/busybox', DEBIAN_BUSYBOX),
  createBusybox('busybox-alpine/busybox', ALPINE_BUSYBOX),
];

const BY_NAME = new Map(PROGRAMS.map((p) => [p.name, p]));

export const loadProgram: ProgramLoader = (name) => BY_NAME.get(name);

export function programNames(): string[] {
  return [...BY_NAME.keys()];
}
