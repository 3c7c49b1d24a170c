/**
 * The commands piece (ADR 0010): coreutils, procps, sudo, gosu, BusyBox,
 * findutils, grep, util-linux, tini, redis-server and the other programs a
 * learner runs on the host and in the lab images.
 */
import type { Program } from '../kernel/exec.ts';
import { ALPINE_BUSYBOX, createBusybox, DEBIAN_BUSYBOX } from '../userland/busybox/busybox.ts';
import { chroot } from '../userland/chroot/chroot.ts';
import { cat } from '../userland/coreutils/cat.ts';
import { chmod } from '../userland/coreutils/chmod.ts';
import { chown } from '../userland/coreutils/chown.ts';
import { cut } from '../userland/coreutils/cut.ts';
import { md5sum, sha256sum } from '../userland/coreutils/digest-sum.ts';
import { basename, dirname } from '../userland/coreutils/dirname-basename.ts';
import { echo } from '../userland/coreutils/echo.ts';
import { env } from '../userland/coreutils/env.ts';
import { head, tail } from '../userland/coreutils/head-tail.ts';
import { id } from '../userland/coreutils/id.ts';
import { ln } from '../userland/coreutils/ln.ts';
import { mkdir } from '../userland/coreutils/mkdir.ts';
import { mktemp } from '../userland/coreutils/mktemp.ts';
import { nproc } from '../userland/coreutils/nproc.ts';
import { printf } from '../userland/coreutils/printf.ts';
import { pwd } from '../userland/coreutils/pwd.ts';
import { readlink } from '../userland/coreutils/readlink.ts';
import { rm } from '../userland/coreutils/rm.ts';
import { sleep } from '../userland/coreutils/sleep.ts';
import { sort } from '../userland/coreutils/sort.ts';
import { test } from '../userland/coreutils/test.ts';
import { touch } from '../userland/coreutils/touch.ts';
import { falseProgram, trueProgram } from '../userland/coreutils/true-false.ts';
import { wc } from '../userland/coreutils/wc.ts';
import { whoami } from '../userland/coreutils/whoami.ts';
import { yes } from '../userland/coreutils/yes.ts';
import { dpkg } from '../userland/dpkg/dpkg.ts';
import { dumbInit } from '../userland/dumb-init/dumb-init.ts';
import { find } from '../userland/findutils/find.ts';
import { xargs } from '../userland/findutils/xargs.ts';
import { gosu } from '../userland/gosu/gosu.ts';
import { grep } from '../userland/grep/grep.ts';
import { hostname } from '../userland/hostname-pkg/hostname.ts';
import { ls } from '../userland/ls/ls.ts';
import { kill } from '../userland/procps/kill.ts';
import { createProcpsPs } from '../userland/procps/ps.ts';
import { redisServer } from '../userland/redis/redis-server.ts';
import { groupadd } from '../userland/shadow/groupadd.ts';
import { useradd } from '../userland/shadow/useradd.ts';
import { suExec } from '../userland/su-exec/su-exec.ts';
import { createSudo } from '../userland/sudo/sudo.ts';
import { tini } from '../userland/tini/tini.ts';
import { setpriv } from '../userland/util-linux/setpriv.ts';
import { runuser, su } from '../userland/util-linux/su.ts';

export const programs: readonly Program[] = [
  trueProgram,
  falseProgram,
  id,
  whoami,
  sleep,
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
  gosu,
  createBusybox('busybox-1.35.0-debian/busybox', DEBIAN_BUSYBOX),
  createBusybox('busybox-alpine/busybox', ALPINE_BUSYBOX),
  echo,
  printf,
  cat,
  head,
  tail,
  wc,
  pwd,
  dirname,
  basename,
  readlink,
  mktemp,
  ls,
  chmod,
  chown,
  mkdir,
  rm,
  touch,
  env,
  sha256sum,
  md5sum,
  nproc,
  cut,
  sort,
  ln,
  yes,
  test,
  find,
  xargs,
  grep,
  groupadd,
  useradd,
  dpkg,
  hostname,
  kill,
  setpriv,
  su,
  runuser,
  chroot,
  suExec,
  tini,
  dumbInit,
  redisServer,
];
