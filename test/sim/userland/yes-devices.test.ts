import { describe } from 'vitest';
import { labCases } from './lab-cases.ts';

/**
 * coreutils yes 9.1 and the memory devices. Texts and statuses recorded with
 * `env -i` on Debian 12 (coreutils 9.1-1, dash 0.5.12, bash 5.2.15),
 * 2026-11-28.
 */
const run = (script: string) => `docker run --rm lab sh -c '${script}'`;

const HELP = `Usage: yes [STRING]...
  or:  yes OPTION
Repeatedly output a line with all specified STRING(s), or 'y'.

      --help        display this help and exit
      --version     output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/yes>
or available locally via: info '(coreutils) yes invocation'
`;

const VERSION = `yes (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by David MacKenzie.
`;

describe('yes', () => {
  labCases([
    { line: run('yes | head -3; echo $?'), stdout: 'y\ny\ny\n0\n', status: 0 },
    { line: run('yes a b | head -2'), stdout: 'a b\na b\n', status: 0 },
    { line: run('yes -- -x | head -1'), stdout: '-x\n', status: 0 },
    { line: run('yes a --help | head -1'), stdout: 'a --help\n', status: 0 },
    { line: 'docker run --rm lab yes --help', stdout: HELP, status: 0 },
    { line: 'docker run --rm lab yes --help x', stdout: HELP, status: 0 },
    { line: 'docker run --rm lab yes --version', stdout: VERSION, status: 0 },
    {
      line: 'docker run --rm lab yes --foo',
      stderr: "yes: unrecognized option '--foo'\nTry 'yes --help' for more information.\n",
      status: 1,
    },
    {
      line: 'docker run --rm lab yes -x',
      stderr: "yes: invalid option -- 'x'\nTry 'yes --help' for more information.\n",
      status: 1,
    },
    {
      // With SIGPIPE ignored, the write fails with EPIPE instead of killing yes.
      line: run('trap "" PIPE; yes | head -1; echo $?'),
      stdout: 'y\n0\n',
      stderr: 'yes: standard output: Broken pipe\n',
      status: 0,
    },
    {
      line: run('yes > /dev/full'),
      stderr: 'yes: standard output: No space left on device\n',
      status: 1,
    },
  ]);
});

describe('/dev/null, /dev/zero, /dev/full, /dev/urandom', () => {
  labCases([
    {
      line: run('head -c 5 /dev/zero | wc -c; head -c 3 /dev/full | wc -c'),
      stdout: '5\n3\n',
      status: 0,
    },
    {
      line: run('cat /dev/null | wc -c; echo x > /dev/null; echo $?'),
      stdout: '0\n0\n',
      status: 0,
    },
    { line: run('head -c 100 /dev/urandom | wc -c'), stdout: '100\n', status: 0 },
    {
      // No controlling terminal without -t (recorded with `setsid -w sh -c …`).
      line: run('echo x > /dev/tty'),
      stderr: 'sh: 1: cannot create /dev/tty: No such device or address\n',
      status: 2,
    },
    {
      // crw-rw-rw- 1 root root 1, N as on Debian 12 (drivers/char/mem.c: null 3, zero 5, full 7, random 8, urandom 9).
      line: run('ls -l /dev/null /dev/zero /dev/full /dev/random /dev/urandom'),
      stdout:
        'crw-rw-rw- 1 root root 1, 7 Oct 29 17:01 /dev/full\n' +
        'crw-rw-rw- 1 root root 1, 3 Oct 29 17:01 /dev/null\n' +
        'crw-rw-rw- 1 root root 1, 8 Oct 29 17:01 /dev/random\n' +
        'crw-rw-rw- 1 root root 1, 9 Oct 29 17:01 /dev/urandom\n' +
        'crw-rw-rw- 1 root root 1, 5 Oct 29 17:01 /dev/zero\n',
      status: 0,
    },
    {
      line: run('ls -l /dev/tty'),
      stdout: 'crw-rw-rw- 1 root root 5, 0 Oct 29 17:01 /dev/tty\n',
      status: 0,
    },
  ]);
});
