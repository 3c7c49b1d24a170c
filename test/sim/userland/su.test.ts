import { describe } from 'vitest';
import { labCases } from './lab-cases.ts';

/**
 * su and runuser from util-linux 2.38.1. Expected texts and statuses
 * recorded from the real tools on Debian 12 (util-linux 2.38.1-5+deb12u3)
 * as root; the signal behaviour under docker stop is golden-style scenario
 * p01 (test/golden/recorded), replayed in recorded-scenarios.test.ts.
 */
const run = (args: string) => `docker run --rm lab ${args}`;
const AS_NOBODY = 'setpriv --reuid=nobody --regid=nogroup --clear-groups';
const NOBODY_ID = 'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n';

describe('su', () => {
  labCases([
    { line: run('su -s /bin/sh nobody -c id'), stdout: NOBODY_ID, status: 0 },
    { line: run("su -s /bin/sh nobody -c 'exit 3'"), status: 3 },
    { line: run("su -s /bin/sh nobody -c 'kill -9 $$'"), stderr: 'Killed\n', status: 137 },
    { line: run("su -s /bin/sh nobody -c 'echo $0'"), stdout: 'sh\n', status: 0 },
    {
      line: run("su - nobody -s /bin/sh -c 'echo $0'"),
      stdout: '-sh\n',
      stderr: 'su: warning: cannot change directory to /nonexistent: No such file or directory\n',
      status: 0,
    },
    {
      line: run('su nosuch'),
      stderr:
        'su: user nosuch does not exist or the user entry does not contain all the required fields\n',
      status: 1,
    },
    {
      line: run('su -s /nonexist nobody -c id'),
      stderr: 'su: failed to execute /nonexist: No such file or directory\n',
      status: 127,
    },
    {
      line: run("su -s /etc/passwd nobody -c 'exit 3'"),
      stderr: 'su: failed to execute /etc/passwd: Permission denied\n',
      status: 126,
    },
    {
      line: run(`${AS_NOBODY} su -c id`),
      stderr: 'Password: su: Authentication failure\n',
      status: 1,
    },
    {
      line: run('su -x'),
      stderr: "su: invalid option -- 'x'\nTry 'su --help' for more information.\n",
      status: 1,
    },
    {
      line: run('su --bogus'),
      stderr: "su: unrecognized option '--bogus'\nTry 'su --help' for more information.\n",
      status: 1,
    },
    {
      line: run('su -c'),
      stderr: "su: option requires an argument -- 'c'\nTry 'su --help' for more information.\n",
      status: 1,
    },
    {
      line: run('su -s'),
      stderr: "su: option requires an argument -- 's'\nTry 'su --help' for more information.\n",
      status: 1,
    },
    { line: run('su -V'), stdout: 'su from util-linux 2.38.1\n', status: 0 },
  ]);
});

describe('runuser', () => {
  labCases([
    { line: run('runuser -u nobody id'), stdout: NOBODY_ID, status: 0 },
    {
      line: run("runuser -u nobody -- sh -c 'kill -TERM $$'"),
      stderr: 'Terminated\n',
      status: 143,
    },
    {
      line: run('runuser -u nosuch id'),
      stderr:
        'runuser: user nosuch does not exist or the user entry does not contain all the required fields\n',
      status: 1,
    },
    { line: run('runuser -u nobody'), stderr: 'runuser: no command was specified\n', status: 1 },
    {
      line: run('runuser -u nobody nosuchcmd'),
      stderr: 'runuser: failed to execute nosuchcmd: No such file or directory\n',
      status: 1,
    },
    {
      line: run('runuser -u nobody /etc/passwd'),
      stderr: 'runuser: failed to execute /etc/passwd: Permission denied\n',
      status: 1,
    },
    {
      line: run(`${AS_NOBODY} runuser -u nobody id`),
      stderr: 'runuser: may not be used by non-root users\n',
      status: 1,
    },
    { line: run('runuser -V'), stdout: 'runuser from util-linux 2.38.1\n', status: 0 },
  ]);
});
