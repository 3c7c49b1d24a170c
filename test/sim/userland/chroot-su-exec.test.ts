import { describe } from 'vitest';
import { labCases } from './lab-cases.ts';

/**
 * chroot --userspec (coreutils 9.1, POSIX locale as in a container: LANG
 * unset, straight quotes) and su-exec v0.3 (ncopa/su-exec at 212b751, built
 * with gcc against glibc 2.36 as the golden README describes). Expected texts
 * and statuses recorded on Debian 12 as root.
 */
const run = (args: string) => `docker run --rm lab ${args}`;
const NOBODY_ID = 'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n';
const AS_NOBODY = 'setpriv --reuid=nobody --regid=nogroup --clear-groups';
const CHROOT_HELP = `Usage: chroot [OPTION] NEWROOT [COMMAND [ARG]...]
  or:  chroot OPTION
Run COMMAND with root directory set to NEWROOT.

      --groups=G_LIST        specify supplementary groups as g1,g2,..,gN
      --userspec=USER:GROUP  specify user and group (ID or name) to use
      --skip-chdir           do not change working directory to '/'
      --help        display this help and exit
      --version     output version information and exit

If no command is given, run '"$SHELL" -i' (default: '/bin/sh -i').

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/chroot>
or available locally via: info '(coreutils) chroot invocation'
`;

describe('chroot --userspec', () => {
  labCases([
    { line: run('chroot --userspec=nobody / id'), stdout: NOBODY_ID, status: 0 },
    { line: run('chroot --userspec=nobody:nogroup / id'), stdout: NOBODY_ID, status: 0 },
    { line: run('chroot --userspec=nobody: / id'), stdout: NOBODY_ID, status: 0 },
    {
      line: run('chroot --userspec=:nogroup / id'),
      stdout: 'uid=0(root) gid=65534(nogroup) groups=65534(nogroup)\n',
      status: 0,
    },
    {
      line: run('chroot --userspec=1234:5678 / id'),
      stdout: 'uid=1234 gid=5678 groups=5678\n',
      status: 0,
    },
    {
      line: run('chroot --groups=1,2 --userspec=nobody / id'),
      stdout: 'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup),1(daemon),2(bin)\n',
      status: 0,
    },
    { line: run('chroot --userspec=nosuch / id'), stderr: 'chroot: invalid user\n', status: 125 },
    {
      line: run('chroot --userspec=nobody:nosuch / id'),
      stderr: 'chroot: invalid group\n',
      status: 125,
    },
    {
      line: run('chroot --userspec=1234 / id'),
      stderr: 'chroot: no group specified for unknown uid: 1234\n',
      status: 125,
    },
    { line: run('chroot --groups=1,x / id'), stderr: "chroot: invalid group 'x'\n", status: 125 },
    {
      line: run('chroot --userspec=nobody / nosuchcmd'),
      stderr: "chroot: failed to run command 'nosuchcmd': No such file or directory\n",
      status: 127,
    },
    {
      line: run('chroot --userspec=nobody / /etc/passwd'),
      stderr: "chroot: failed to run command '/etc/passwd': Permission denied\n",
      status: 126,
    },
    {
      line: run('chroot --userspec=nobody /etc/passwd id'),
      stderr: "chroot: cannot change root directory to '/etc/passwd': Not a directory\n",
      status: 125,
    },
    {
      line: run('chroot --userspec=nobody /nonexist id'),
      stderr: "chroot: cannot change root directory to '/nonexist': No such file or directory\n",
      status: 125,
    },
    {
      line: run(`${AS_NOBODY} chroot --userspec=nobody / id`),
      stderr: "chroot: cannot change root directory to '/': Operation not permitted\n",
      status: 125,
    },
    {
      line: run('chroot'),
      stderr: "chroot: missing operand\nTry 'chroot --help' for more information.\n",
      status: 125,
    },
    {
      line: run('chroot --userspec=nobody'),
      stderr: "chroot: missing operand\nTry 'chroot --help' for more information.\n",
      status: 125,
    },
    {
      line: run('chroot --bogus'),
      stderr: "chroot: unrecognized option '--bogus'\nTry 'chroot --help' for more information.\n",
      status: 125,
    },
    { line: run('chroot --help'), stdout: CHROOT_HELP, status: 0 },
  ]);
});

describe('su-exec', () => {
  labCases([
    { line: run('su-exec nobody id'), stdout: NOBODY_ID, status: 0 },
    { line: run('su-exec 1234 id'), stdout: 'uid=1234 gid=0(root) groups=0(root)\n', status: 0 },
    { line: run('su-exec 1234:5678 id'), stdout: 'uid=1234 gid=5678 groups=5678\n', status: 0 },
    {
      line: run('su-exec :nogroup id'),
      stdout: 'uid=0(root) gid=65534(nogroup) groups=65534(nogroup)\n',
      status: 0,
    },
    { line: run("su-exec nobody sh -c 'echo $HOME'"), stdout: '/nonexistent\n', status: 0 },
    { line: run("su-exec 1234 sh -c 'echo $HOME'"), stdout: '/\n', status: 0 },
    { line: run('su-exec'), stdout: 'Usage: su-exec user-spec command [args]\n', status: 0 },
    { line: run('su-exec nobody'), stdout: 'Usage: su-exec user-spec command [args]\n', status: 0 },
    { line: run('su-exec nosuch id'), stderr: 'su-exec: getpwnam(nosuch): Success\n', status: 1 },
    {
      line: run('su-exec nobody:nosuch id'),
      stderr: 'su-exec: getgrnam(nosuch): Success\n',
      status: 1,
    },
    {
      line: run('su-exec nobody nosuchcmd'),
      stderr: 'su-exec: nosuchcmd: No such file or directory\n',
      status: 1,
    },
    {
      line: run('su-exec nobody /etc/passwd'),
      stderr: 'su-exec: /etc/passwd: Permission denied\n',
      status: 1,
    },
    {
      line: run(`${AS_NOBODY} su-exec root id`),
      stderr: 'su-exec: setgroups: Operation not permitted\n',
      status: 1,
    },
  ]);
});

/**
 * chroot into another directory (chroot(2) in the simulated kernel). Texts
 * recorded with /usr/sbin/chroot (coreutils 9.1) as root on Debian 12,
 * 2026-11-28; an empty directory has no `true` to run.
 */
describe('chroot NEWROOT', () => {
  labCases([
    {
      line: run("sh -c 'mkdir /jail; chroot /jail true'"),
      stderr: "chroot: failed to run command 'true': No such file or directory\n",
      status: 127,
    },
    {
      line: run('chroot --skip-chdir /tmp true'),
      stderr:
        "chroot: option --skip-chdir only permitted if NEWROOT is old '/'\nTry 'chroot --help' for more information.\n",
      status: 125,
    },
    { line: run('chroot --skip-chdir / pwd'), stdout: '/\n', status: 0 },
    {
      line: run('setpriv --bounding-set=-setgid chroot --userspec=nobody / true'),
      stderr: 'chroot: failed to set supplemental groups: Operation not permitted\n',
      status: 125,
    },
    {
      // A jail without /etc/passwd: the user looked up outside it is used.
      line: run("sh -c 'mkdir /jail; chroot --userspec=nobody /jail true'"),
      stderr: "chroot: failed to run command 'true': No such file or directory\n",
      status: 127,
    },
  ]);
});
