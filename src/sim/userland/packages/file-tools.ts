import type { Program } from '../../kernel/exec.ts';
import { cat } from '../coreutils/cat.ts';
import { chmod } from '../coreutils/chmod.ts';
import { chown } from '../coreutils/chown.ts';
import { mkdir } from '../coreutils/mkdir.ts';
import { rm } from '../coreutils/rm.ts';
import { touch } from '../coreutils/touch.ts';
import { yes } from '../coreutils/yes.ts';
import { test } from '../coreutils/test.ts';
import { basename, dirname } from '../coreutils/dirname-basename.ts';
import { echo } from '../coreutils/echo.ts';
import { head, tail } from '../coreutils/head-tail.ts';
import { mktemp } from '../coreutils/mktemp.ts';
import { printf } from '../coreutils/printf.ts';
import { pwd } from '../coreutils/pwd.ts';
import { readlink } from '../coreutils/readlink.ts';
import { wc } from '../coreutils/wc.ts';
import { env } from '../coreutils/env.ts';
import { md5sum, sha256sum } from '../coreutils/digest-sum.ts';
import { nproc } from '../coreutils/nproc.ts';
import { cut } from '../coreutils/cut.ts';
import { ln } from '../coreutils/ln.ts';
import { sort } from '../coreutils/sort.ts';
import { xargs } from '../findutils/xargs.ts';
import { find } from '../findutils/find.ts';
import { grep } from '../grep/grep.ts';
import { dpkg } from '../dpkg/dpkg.ts';
import { hostname } from '../hostname-pkg/hostname.ts';
import { groupadd } from '../shadow/groupadd.ts';
import { useradd } from '../shadow/useradd.ts';
import { ls } from '../ls/ls.ts';
import type { Installed, Package } from './package.ts';

/** Ubuntu 14.04 keeps these in /bin (before the /usr merge); the rest are in /usr/bin there too. */
const TRUSTY_BIN = new Set([
  'ls',
  'cat',
  'chmod',
  'chown',
  'mkdir',
  'rm',
  'touch',
  'echo',
  'pwd',
  'hostname',
  'readlink',
  'mktemp',
  'grep',
]);

/** Where Debian 12 (host, lab) and Ubuntu 14.04 install each command: /usr/bin, or /usr/sbin for the admin tools. */
function installs(commands: Record<string, Program>, sbin = false): Package['installs'] {
  const debian: Record<string, Installed> = {};
  const trusty: Record<string, Installed> = {};
  for (const [command, prog] of Object.entries(commands)) {
    const dir = sbin ? '/usr/sbin' : '/usr/bin';
    debian[`${dir}/${command}`] = prog.name;
    trusty[`${TRUSTY_BIN.has(command) ? '/bin' : dir}/${command}`] = prog.name;
  }
  return { host: debian, lab: debian, trusty };
}

function pkg(name: string, commands: Record<string, Program>, sbin = false): Package {
  return {
    name,
    deb: name.split(' ')[0],
    programs: [...new Set(Object.values(commands))],
    installs: installs(commands, sbin),
  };
}

/** Tools that read and change files and text (coreutils, findutils, grep, shadow …). */
export const FILE_TOOL_PACKAGES: readonly Package[] = [
  pkg('coreutils 9.1-1', {
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
    '[': test,
  }),
  pkg('findutils 4.9.0-4', { find, xargs }),
  pkg('grep 3.8-5', { grep }),
  pkg('passwd 1:4.13+dfsg1-1', { groupadd, useradd }, true),
  pkg('dpkg 1.21.22', { dpkg }),
  pkg('hostname 3.23+nmu1', { hostname }),
];
