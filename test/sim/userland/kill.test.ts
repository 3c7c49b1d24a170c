import { describe, expect, it } from 'vitest';
import { labCases, replayLab } from './lab-cases.ts';

/**
 * /usr/bin/kill from procps-ng 4.0.2. Every expected text and status was
 * recorded from the real tool on Debian 12 (procps 2:4.0.2-3), invoked as
 * `kill` through PATH, inside `unshare --pid --fork --mount-proc` for the
 * PID-namespace cases (facts.md §4: `kill -TERM 1` and `kill -9 1` from
 * inside succeed and do nothing).
 */
const USAGE = `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -q, --queue <value>    integer value to be sent with the signal
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).
`;

const TABLE = ` 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS
 8 FPE      9 KILL    10 USR1    11 SEGV    12 USR2    13 PIPE    14 ALRM
15 TERM    16 STKFLT  17 CHLD    18 CONT    19 STOP    20 TSTP    21 TTIN
22 TTOU    23 URG     24 XCPU    25 XFSZ    26 VTALRM  27 PROF    28 WINCH
29 POLL    30 PWR     31 SYS     
`;

const run = (args: string) => `docker run --rm lab ${args}`;

describe('kill: listing and converting signals', () => {
  labCases([
    {
      line: run('kill -l'),
      stdout:
        'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\n' +
        'CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH POLL PWR SYS\n',
      status: 0,
    },
    { line: run('kill -L'), stdout: TABLE, status: 0 },
    { line: run('kill -L 3'), stdout: TABLE, status: 0 },
    { line: run('kill -l 15'), stdout: 'TERM\n', status: 0 },
    { line: run('kill -l15'), stdout: 'TERM\n', status: 0 },
    { line: run('kill --list=15'), stdout: 'TERM\n', status: 0 },
    { line: run('kill -l TERM'), stdout: '15\n', status: 0 },
    { line: run('kill -l sigkill'), stdout: '9\n', status: 0 },
    { line: run('kill -l 1 2'), stdout: 'HUP\n', status: 0 },
    { line: run('kill -l 143'), stderr: 'kill: unknown signal name 143\n', status: 0 },
    { line: run('kill -l 35'), stderr: 'kill: unknown signal name 35\n', status: 0 },
    { line: run('kill -l FOO'), stderr: 'kill: unknown signal name FOO\n', status: 0 },
    {
      line: run('/usr/bin/kill -l 999'),
      stderr: '/usr/bin/kill: unknown signal name 999\n',
      status: 0,
    },
    { line: run('kill -V'), stdout: 'kill from procps-ng 4.0.2\n', status: 0 },
    { line: run('kill -h'), stdout: USAGE, status: 0 },
  ]);
});

describe('kill: sending', () => {
  labCases([
    { line: run('kill -TERM 1'), status: 0 },
    { line: run('kill -9 1'), status: 0 },
    { line: run('kill -s 0 1'), status: 0 },
    { line: run('kill 99999'), stderr: 'kill: (99999): No such process\n', status: 1 },
    { line: run('kill -- 99999'), stderr: 'kill: (99999): No such process\n', status: 1 },
    { line: run('kill -SIGTERM 99999'), stderr: 'kill: (99999): No such process\n', status: 1 },
    { line: run('kill -sigterm 99999'), stderr: 'kill: (99999): No such process\n', status: 1 },
    {
      line: run('kill --signal=TERM 99999'),
      stderr: 'kill: (99999): No such process\n',
      status: 1,
    },
    { line: run('kill -RTMIN+1 99999'), stderr: 'kill: (99999): No such process\n', status: 1 },
    { line: run('kill -65 1'), stderr: 'kill: (1): Invalid argument\n', status: 1 },
    { line: run('kill -s FOO 1'), stderr: 'kill: (1): Invalid argument\n', status: 1 },
    { line: run('kill abc'), stderr: "kill: failed to parse argument: 'abc'\n", status: 1 },
    {
      line: run('kill -s TERM 99999 abc'),
      stderr: "kill: (99999): No such process\nkill: failed to parse argument: 'abc'\n",
      status: 1,
    },
  ]);
});

describe('kill: usage errors', () => {
  labCases([
    { line: run('kill'), stderr: USAGE, status: 1 },
    { line: run('kill -9'), stderr: USAGE, status: 1 },
    { line: run('kill -s'), stderr: `kill: invalid argument s\n${USAGE}`, status: 1 },
    { line: run('kill -x'), stderr: `kill: invalid argument x\n${USAGE}`, status: 1 },
    { line: run('kill -FOO 1'), stderr: `kill: invalid argument F\n${USAGE}`, status: 1 },
    { line: run('kill -q'), stderr: `kill: invalid argument q\n${USAGE}`, status: 1 },
  ]);
});

describe('kill: permission', () => {
  it('a user may not signal root\'s PID 1 (recorded: "kill: (1): Operation not permitted", status 1)', () => {
    const observed = replayLab(
      ['sleep', '1000'],
      [
        {
          action: 'exec',
          argv: [
            'setpriv',
            '--reuid=nobody',
            '--regid=nogroup',
            '--clear-groups',
            'kill',
            '-0',
            '1',
          ],
          after_ms: 100,
        },
      ],
    );
    expect(
      observed.execs.map((e) => ({ stdout: e.stdout, stderr: e.stderr, exit: e.exit })),
    ).toEqual([
      {
        stdout: '',
        stderr: 'kill: (1): Operation not permitted\n',
        exit: { code: 1, signal: null },
      },
    ]);
  });
});
