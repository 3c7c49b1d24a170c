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
function installs(commands: Record<string, string>, sbin = false): Package['installs'] {
  const debian: Record<string, Installed> = {};
  const trusty: Record<string, Installed> = {};
  for (const [command, program] of Object.entries(commands)) {
    const dir = sbin ? '/usr/sbin' : '/usr/bin';
    debian[`${dir}/${command}`] = program;
    trusty[`${TRUSTY_BIN.has(command) ? '/bin' : dir}/${command}`] = program;
  }
  return { host: debian, lab: debian, trusty };
}

/** A package whose commands (command name → program name) go to /usr/bin (or /usr/sbin). */
function pkg(name: string, commands: Record<string, string>, sbin = false): Package {
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
    echo: 'coreutils/echo',
    printf: 'coreutils/printf',
    cat: 'coreutils/cat',
    head: 'coreutils/head',
    tail: 'coreutils/tail',
    wc: 'coreutils/wc',
    pwd: 'coreutils/pwd',
    dirname: 'coreutils/dirname',
    basename: 'coreutils/basename',
    readlink: 'coreutils/readlink',
    mktemp: 'coreutils/mktemp',
    ls: 'coreutils/ls',
    chmod: 'coreutils/chmod',
    chown: 'coreutils/chown',
    mkdir: 'coreutils/mkdir',
    rm: 'coreutils/rm',
    touch: 'coreutils/touch',
    env: 'coreutils/env',
    sha256sum: 'coreutils/sha256sum',
    md5sum: 'coreutils/md5sum',
    nproc: 'coreutils/nproc',
    cut: 'coreutils/cut',
    sort: 'coreutils/sort',
    ln: 'coreutils/ln',
    yes: 'coreutils/yes',
    test: 'coreutils/test',
    '[': 'coreutils/test',
  }),
  pkg('findutils 4.9.0-4', { find: 'findutils-4.9.0/find', xargs: 'findutils/xargs' }),
  pkg('grep 3.8-5', { grep: 'grep-3.8/grep' }),
  pkg(
    'passwd 1:4.13+dfsg1-1',
    { groupadd: 'shadow-4.13/groupadd', useradd: 'shadow-4.13/useradd' },
    true,
  ),
  pkg('dpkg 1.21.22', { dpkg: 'dpkg-1.21/dpkg' }),
  pkg('hostname 3.23+nmu1', { hostname: 'hostname-3.23/hostname' }),
];
