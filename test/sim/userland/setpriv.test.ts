import { describe } from 'vitest';
import { labCases } from './lab-cases.ts';

/**
 * setpriv from util-linux 2.38.1. Expected texts and statuses recorded from
 * /usr/bin/setpriv on Debian 12 (util-linux 2.38.1-5+deb12u3), as root in a
 * fresh PID namespace. These cases run under `docker run`, where the
 * bounding set (and root's permitted and effective sets) are Docker's 14
 * default capabilities (moby oci/caps/defaults.go DefaultCapabilities(),
 * oci/oci.go SetCapabilities), which setpriv lists in bit order with
 * libcap-ng's names; the recording machine had all but sys_resource.
 */
const BOUNDING =
  'chown,dac_override,fowner,fsetid,kill,setgid,setuid,setpcap,net_bind_service,net_raw,sys_chroot,mknod,audit_write,setfcap';

const dump = (ids: string, groups: string, extra = '') =>
  `${ids}Supplementary groups: ${groups}\nno_new_privs: 0\n${extra}Inheritable capabilities: [none]\n` +
  `Ambient capabilities: [none]\nCapability bounding set: ${BOUNDING}\nSecurebits: [none]\nParent death signal: [none]\n`;

const HELP = `
Usage:
 setpriv [options] <program> [<argument>...]

Run a program with different privilege settings.

Options:
 -d, --dump                  show current state (and do not exec)
 --nnp, --no-new-privs       disallow granting new privileges
 --ambient-caps <caps,...>   set ambient capabilities
 --inh-caps <caps,...>       set inheritable capabilities
 --bounding-set <caps>       set capability bounding set
 --ruid <uid|user>           set real uid
 --euid <uid|user>           set effective uid
 --rgid <gid|user>           set real gid
 --egid <gid|group>          set effective gid
 --reuid <uid|user>          set real and effective uid
 --regid <gid|group>         set real and effective gid
 --clear-groups              clear supplementary groups
 --keep-groups               keep supplementary groups
 --init-groups               initialize supplementary groups
 --groups <group,...>        set supplementary groups by UID or name
 --securebits <bits>         set securebits
 --pdeathsig keep|clear|<signame>
                             set or clear parent death signal
 --selinux-label <label>     set SELinux label
 --apparmor-profile <pr>     set AppArmor profile
 --reset-env                 clear all environment and initialize
                               HOME, SHELL, USER, LOGNAME and PATH

 -h, --help                  display this help
 -V, --version               display version

 This tool can be dangerous.  Read the manpage, and be careful.

For more details see setpriv(1).
`;

const DROP = 'setpriv --reuid=nobody --regid=nogroup --clear-groups';
const run = (args: string) => `docker run --rm lab ${args}`;

describe('setpriv: switching and exec', () => {
  labCases([
    {
      line: run(`${DROP} id`),
      stdout: 'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n',
      status: 0,
    },
    {
      line: run('setpriv --reuid=nobody id'),
      stdout: 'uid=65534(nobody) gid=0(root) groups=0(root)\n',
      status: 0,
    },
    {
      line: run('setpriv --ruid=nobody id'),
      stdout: 'uid=65534(nobody) gid=0(root) euid=0(root) groups=0(root)\n',
      status: 0,
    },
    {
      line: run('setpriv --reuid=-1 id'),
      stdout: 'uid=0(root) gid=0(root) groups=0(root)\n',
      status: 0,
    },
    {
      line: run('setpriv --reuid 99999 --regid 99999 --clear-groups id'),
      stdout: 'uid=99999 gid=99999 groups=99999\n',
      status: 0,
    },
    {
      line: run('setpriv --reuid=nobody --init-groups id'),
      stdout: 'uid=65534(nobody) gid=0(root) groups=0(root),65534(nogroup)\n',
      status: 0,
    },
    {
      line: run('setpriv --reuid=daemon --regid=daemon --init-groups id'),
      stdout: 'uid=1(daemon) gid=1(daemon) groups=1(daemon)\n',
      status: 0,
    },
    {
      line: run('setpriv --regid=100 --groups=1,2,3 id'),
      stdout: 'uid=0(root) gid=100(users) groups=100(users),1(daemon),2(bin),3(sys)\n',
      status: 0,
    },
    {
      line: run('setpriv --reset-env --reuid=nobody --regid=nogroup --clear-groups env'),
      stdout:
        'SHELL=/usr/sbin/nologin\nHOME=/nonexistent\nUSER=nobody\nLOGNAME=nobody\nPATH=/usr/local/bin:/bin:/usr/bin\n',
      status: 0,
    },
    {
      line: run(`${DROP} setpriv --reuid=nobody id`),
      stdout: 'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n',
      status: 0,
    },
    {
      line: run('setpriv nosuchcmd'),
      stderr: 'setpriv: failed to execute nosuchcmd: No such file or directory\n',
      status: 127,
    },
    {
      line: run('setpriv /etc/passwd'),
      stderr: 'setpriv: failed to execute /etc/passwd: Permission denied\n',
      status: 126,
    },
    {
      line: run(`${DROP} setpriv --reuid=root --regid=root --clear-groups id`),
      stderr: 'setpriv: setresuid failed: Operation not permitted\n',
      status: 127,
    },
  ]);
});

describe('setpriv -d', () => {
  labCases([
    {
      line: run('setpriv -d'),
      stdout: dump('uid: 0\neuid: 0\ngid: 0\negid: 0\n', '[none]'),
      status: 0,
    },
    {
      line: run(`${DROP} setpriv -d`),
      stdout: dump('uid: 65534\neuid: 65534\ngid: 65534\negid: 65534\n', '[none]'),
      status: 0,
    },
    {
      line: run('setpriv --groups=1,2 setpriv -d'),
      stdout: dump('uid: 0\neuid: 0\ngid: 0\negid: 0\n', '1,2'),
      status: 0,
    },
    {
      line: run(`${DROP} setpriv -dd`),
      stdout: dump(
        'uid: 65534\neuid: 65534\ngid: 65534\negid: 65534\n',
        '[none]',
        'Effective capabilities: [none]\nPermitted capabilities: [none]\n',
      ),
      status: 0,
    },
    {
      line: run(`${DROP} setpriv -ddd`),
      stdout: dump(
        'uid: 65534\neuid: 65534\nsuid: 65534\ngid: 65534\negid: 65534\nsgid: 65534\n',
        '[none]',
        'Effective capabilities: [none]\nPermitted capabilities: [none]\n',
      ),
      status: 0,
    },
    {
      line: run('setpriv -dd'),
      stdout: dump(
        'uid: 0\neuid: 0\ngid: 0\negid: 0\n',
        '[none]',
        `Effective capabilities: ${BOUNDING}\nPermitted capabilities: ${BOUNDING}\n`,
      ),
      status: 0,
    },
    {
      line: run('setpriv -d id'),
      stderr: 'setpriv: --dump is incompatible with all other options\n',
      status: 1,
    },
  ]);
});

describe('setpriv: usage errors', () => {
  labCases([
    { line: run('setpriv'), stderr: 'setpriv: No program specified\n', status: 1 },
    { line: run('setpriv --reuid=nobody'), stderr: 'setpriv: No program specified\n', status: 1 },
    {
      line: run('setpriv --reuid=nosuch id'),
      stderr: "setpriv: failed to parse reuid: 'nosuch'\n",
      status: 1,
    },
    {
      line: run('setpriv --regid=nosuch id'),
      stderr: "setpriv: failed to parse regid: 'nosuch'\n",
      status: 1,
    },
    { line: run('setpriv --reuid= id'), stderr: "setpriv: failed to parse reuid: ''\n", status: 1 },
    {
      line: run('setpriv --reuid=nobody --regid=nogroup id'),
      stderr:
        'setpriv: --[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups\n',
      status: 1,
    },
    {
      line: run('setpriv --init-groups id'),
      stderr: 'setpriv: --init-groups requires --ruid or --reuid\n',
      status: 1,
    },
    {
      line: run('setpriv --keep-groups --clear-groups id'),
      stderr:
        'setpriv: mutually exclusive arguments: --clear-groups --keep-groups --init-groups --groups\n',
      status: 1,
    },
    {
      line: run('setpriv --groups=1,x id'),
      stderr: "setpriv: Invalid supplementary group id: 'x'\n",
      status: 1,
    },
    {
      line: run('setpriv --inh-caps=foo id'),
      stderr: 'setpriv: bad capability string\n',
      status: 1,
    },
    {
      line: run('setpriv --inh-caps=all id'),
      stderr: 'setpriv: bad capability string\n',
      status: 1,
    },
    {
      line: run('setpriv --inh-caps=-foo id'),
      stderr: 'setpriv: unknown capability "foo"\n',
      status: 1,
    },
    {
      line: run('setpriv --bogus'),
      stderr:
        "setpriv: unrecognized option '--bogus'\nTry 'setpriv --help' for more information.\n",
      status: 1,
    },
    {
      line: run('setpriv -x'),
      stderr: "setpriv: invalid option -- 'x'\nTry 'setpriv --help' for more information.\n",
      status: 1,
    },
    { line: run('setpriv --help'), stdout: HELP, status: 0 },
    { line: run('setpriv -V'), stdout: 'setpriv from util-linux 2.38.1\n', status: 0 },
  ]);
});

/**
 * Capability sets, no_new_privs and the parent-death signal, applied as
 * setpriv.c's main() does. Expected texts recorded with /usr/bin/setpriv
 * (util-linux 2.38.1-5+deb12u3) as root on the Debian 12 machine of the
 * golden recordings, 2026-11-28, with its bounding set replaced by Docker's
 * (see BOUNDING).
 */
describe('setpriv: capabilities, no_new_privs, pdeathsig', () => {
  const ROOT_IDS = 'uid: 0\neuid: 0\ngid: 0\negid: 0\n';
  const dumpWith = (o: {
    nnp?: string;
    inh?: string;
    amb?: string;
    bnd?: string;
    caps?: string;
    pds?: string;
  }) =>
    `${ROOT_IDS}Supplementary groups: [none]\nno_new_privs: ${o.nnp ?? '0'}\n${o.caps ?? ''}` +
    `Inheritable capabilities: ${o.inh ?? '[none]'}\nAmbient capabilities: ${o.amb ?? '[none]'}\n` +
    `Capability bounding set: ${o.bnd ?? BOUNDING}\nSecurebits: [none]\nParent death signal: ${o.pds ?? '[none]'}\n`;
  labCases([
    { line: run('setpriv --nnp setpriv -d'), stdout: dumpWith({ nnp: '1' }), status: 0 },
    {
      line: run('setpriv --inh-caps=+chown,+kill --ambient-caps=+chown setpriv -dd'),
      stdout: dumpWith({
        inh: 'chown,kill',
        amb: 'chown',
        caps: `Effective capabilities: ${BOUNDING}\nPermitted capabilities: ${BOUNDING}\n`,
      }),
      status: 0,
    },
    {
      // An ambient capability must be inheritable too: the raise fails and setpriv ignores it.
      line: run('setpriv --ambient-caps=+chown setpriv -d'),
      stdout: dumpWith({}),
      status: 0,
    },
    {
      line: run('setpriv --bounding-set=-all setpriv -dd'),
      stdout: dumpWith({
        bnd: '[none]',
        caps: 'Effective capabilities: [none]\nPermitted capabilities: [none]\n',
      }),
      status: 0,
    },
    {
      line: run('setpriv --bounding-set=-all,+chown,+setuid setpriv -d'),
      stdout: dumpWith({ bnd: 'chown,setuid' }),
      status: 0,
    },
    {
      line: run('setpriv --inh-caps=+CHOWN,+cap_5 setpriv -d'),
      stdout: dumpWith({ inh: 'chown,kill' }),
      status: 0,
    },
    {
      // Without CAP_SETPCAP libcap-ng leaves the bounding set alone and reports success.
      line: run(`${DROP} setpriv --bounding-set=-all setpriv -d`),
      stdout: dump('uid: 65534\neuid: 65534\ngid: 65534\negid: 65534\n', '[none]'),
      status: 0,
    },
    {
      line: run(`${DROP} setpriv --inh-caps=+chown true`),
      stderr: 'setpriv: apply capabilities: Operation not permitted\n',
      status: 127,
    },
    {
      line: run(
        'setpriv --reuid=nobody --inh-caps=+net_bind_service --ambient-caps=+net_bind_service setpriv -dd',
      ),
      stdout:
        'uid: 65534\neuid: 65534\ngid: 0\negid: 0\nSupplementary groups: [none]\nno_new_privs: 0\n' +
        'Effective capabilities: net_bind_service\nPermitted capabilities: net_bind_service\n' +
        'Inheritable capabilities: net_bind_service\nAmbient capabilities: net_bind_service\n' +
        `Capability bounding set: ${BOUNDING}\nSecurebits: [none]\nParent death signal: [none]\n`,
      status: 0,
    },
    {
      // The redis 8.2.1 entrypoint's line (recorded as test/golden/recorded/p05).
      line: run(
        'setpriv --reuid redis --regid redis --clear-groups --nnp --inh-caps=-all --ambient-caps=-all --bounding-set=-all setpriv -d',
      ),
      stdout:
        'uid: 999\neuid: 999\ngid: 999\negid: 999\nSupplementary groups: [none]\nno_new_privs: 1\n' +
        'Inheritable capabilities: [none]\nAmbient capabilities: [none]\nCapability bounding set: [none]\n' +
        'Securebits: [none]\nParent death signal: [none]\n',
      status: 0,
    },
    {
      line: run('setpriv --pdeathsig=TERM setpriv -d'),
      stdout: dumpWith({ pds: 'TERM' }),
      status: 0,
    },
    {
      line: run('setpriv --pdeathsig=SIGKILL setpriv -d'),
      stdout: dumpWith({ pds: 'KILL' }),
      status: 0,
    },
    {
      line: run('setpriv --pdeathsig=RTMIN+1 setpriv -d'),
      stdout: dumpWith({ pds: '35' }),
      status: 0,
    },
    {
      line: run('setpriv --pdeathsig=TERM setpriv --pdeathsig=clear setpriv -d'),
      stdout: dumpWith({}),
      status: 0,
    },
    {
      line: run('setpriv --pdeathsig=TERM setpriv --pdeathsig=keep setpriv -d'),
      stdout: dumpWith({ pds: 'TERM' }),
      status: 0,
    },
    { line: run('setpriv --pdeathsig=9 true'), stderr: 'setpriv: unknown signal: 9\n', status: 1 },
    {
      line: run('setpriv --pdeathsig=TERM --pdeathsig=KILL true'),
      stderr: 'setpriv: duplicate --keep-pdeathsig option\n',
      status: 1,
    },
    {
      line: run('setpriv --inh-caps=-all --inh-caps=-all true'),
      stderr: 'setpriv: duplicate --inh-caps option\n',
      status: 1,
    },
    {
      line: run('setpriv --nnp --nnp true'),
      stderr: 'setpriv: duplicate --no-new-privs option\n',
      status: 1,
    },
    {
      line: run('setpriv --inh-caps=+cap_chown true'),
      stderr: 'setpriv: unknown capability "cap_chown"\n',
      status: 1,
    },
    {
      // With CAP_SETUID gone from the bounding set, root's exec of gosu gets no CAP_SETGID either.
      line: run('setpriv --bounding-set=-setuid gosu nobody id'),
      stderr: 'error: failed switching to "nobody": operation not permitted\n',
      status: 1,
    },
  ]);
});
