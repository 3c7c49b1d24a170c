import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost, replay, type ScenarioFile } from '../../../src/sim/index.ts';
import { normaliseOutput } from '../../golden/normalise.ts';
import { labCases } from './lab-cases.ts';

/**
 * tini 0.19.0 and dumb-init 1.2.5. Expected texts and statuses recorded from
 * Debian 12's packages (tini 0.19.0-1+b3, dumb-init 1.2.5-2) as PID 1 of a
 * fresh PID namespace; verbose lines go to stdout for tini, stderr for
 * dumb-init, as the real tools print them.
 */
const USAGE = `tini (tini version 0.19.0)
Usage: tini [OPTIONS] PROGRAM -- [ARGS] | --version

Execute a program under the supervision of a valid init process (tini)

Command line options:

  --version: Show version and exit.
  -h: Show this help message and exit.
  -s: Register as a process subreaper (requires Linux >= 3.4).
  -p SIGNAL: Trigger SIGNAL when parent dies, e.g. "-p SIGKILL".
  -v: Generate more verbose output. Repeat up to 3 times.
  -w: Print a warning when processes are getting reaped.
  -g: Send signals to the child's process group.
  -e EXIT_CODE: Remap EXIT_CODE (from 0 to 255) to 0.
  -l: Show license and exit.

Environment variables:

  TINI_SUBREAPER: Register as a process subreaper (requires Linux >= 3.4).
  TINI_VERBOSITY: Set the verbosity level (default: 1).
  TINI_KILL_PROCESS_GROUP: Send signals to the child's process group.

`;
const LICENSE = `The MIT License (MIT)

Copyright (c) 2015 Thomas Orozco <thomas@orozco.fr>

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
`;
const DUMB_INIT_HELP = `dumb-init v1.2.5
Usage: dumb-init [option] command [[arg] ...]

dumb-init is a simple process supervisor that forwards signals to children.
It is designed to run as PID1 in minimal container environments.

Optional arguments:
   -c, --single-child   Run in single-child mode.
                        In this mode, signals are only proxied to the
                        direct child and not any of its descendants.
   -r, --rewrite s:r    Rewrite received signal s to new signal r before proxying.
                        To ignore (not proxy) a signal, rewrite it to 0.
                        This option can be specified multiple times.
   -v, --verbose        Print debugging information to stderr.
   -h, --help           Print this help message and exit.
   -V, --version        Print the current version and exit.

Full help is available online at https://github.com/Yelp/dumb-init
`;

const run = (args: string) => `docker run --rm lab ${args}`;

describe('tini', () => {
  labCases([
    { line: run("tini -- sh -c 'exit 7'"), status: 7 },
    { line: run("tini -- sh -c 'kill -TERM $$'"), status: 143 },
    { line: run("tini -- sh -c 'kill -KILL $$'"), status: 137 },
    { line: run("tini -e 3 -- sh -c 'exit 3'"), status: 0 },
    { line: run('tini -s -- true'), status: 0 },
    { line: run('tini -g -- true'), status: 0 },
    {
      line: run('tini -v -- true'),
      stdout:
        "[INFO  tini (1)] Spawned child process 'true' with pid '2'\n[INFO  tini (1)] Main child exited normally (with status '0')\n",
      status: 0,
    },
    {
      line: run("tini -v -- sh -c 'kill -TERM $$'"),
      stdout:
        "[INFO  tini (1)] Spawned child process 'sh' with pid '2'\n" +
        "[INFO  tini (1)] Main child exited with signal (with signal 'Terminated')\n",
      status: 143,
    },
    {
      line: run("tini -vv -- sh -c 'exit 3'"),
      stdout:
        "[INFO  tini (1)] Spawned child process 'sh' with pid '2'\n[DEBUG tini (1)] Received SIGCHLD\n" +
        "[DEBUG tini (1)] Reaped child with pid: '2'\n[INFO  tini (1)] Main child exited normally (with status '3')\n",
      status: 3,
    },
    {
      line: run('tini -vvv -- true'),
      stdout:
        "[INFO  tini (1)] Spawned child process 'true' with pid '2'\n[DEBUG tini (1)] Received SIGCHLD\n" +
        "[DEBUG tini (1)] Reaped child with pid: '2'\n[INFO  tini (1)] Main child exited normally (with status '0')\n" +
        '[TRACE tini (1)] No child to wait\n[TRACE tini (1)] Exiting: child has exited\n',
      status: 0,
    },
    {
      line: run("tini -w -- sh -c 'sleep 0.1 & exec sleep 0.3'"),
      stderr: '[WARN  tini (1)] Reaped zombie process with pid=3\n',
      status: 0,
    },
    {
      line: run('tini -- nosuchcmd'),
      stderr: '[FATAL tini (2)] exec nosuchcmd failed: No such file or directory\n',
      status: 127,
    },
    {
      line: run('tini -- /etc/passwd'),
      stderr: '[FATAL tini (2)] exec /etc/passwd failed: Permission denied\n',
      status: 126,
    },
    {
      line: run('tini -e 300 -- true'),
      stderr: '[FATAL tini (1)] Not a valid option for -e: 300\n',
      status: 1,
    },
    {
      line: run('tini -e x -- true'),
      stderr: '[FATAL tini (1)] Not a valid option for -e: x\n',
      status: 1,
    },
    {
      line: run('tini -p FOO -- true'),
      stderr: '[FATAL tini (1)] Not a valid option for -p: FOO\n',
      status: 1,
    },
    { line: run('tini'), stderr: USAGE, status: 1 },
    { line: run('tini --'), stderr: USAGE, status: 1 },
    { line: run('tini -x'), stderr: `tini: invalid option -- 'x'\n${USAGE}`, status: 1 },
    { line: run('tini -h'), stdout: USAGE, status: 0 },
    { line: run('tini -l'), stdout: LICENSE, status: 0 },
    { line: run('tini --version'), stdout: 'tini version 0.19.0\n', status: 0 },
    {
      line: run("sh -c 'tini -- true; echo $?'"),
      stdout: '0\n',
      stderr:
        "[WARN  tini (2)] Tini is not running as PID 1 and isn't registered as a child subreaper.\n" +
        "Zombie processes will not be re-parented to Tini, so zombie reaping won't work.\n" +
        'To fix the problem, use the -s option or set the environment variable TINI_SUBREAPER to register Tini as a child subreaper, or run Tini as PID 1.\n',
      status: 0,
    },
  ]);

  /**
   * -s and -p (prctl PR_SET_CHILD_SUBREAPER and PR_SET_PDEATHSIG). Recorded with
   * Debian 12's tini 0.19.0 under `unshare -fp --mount-proc sh -c …` (sh as PID 1,
   * tini as PID 2), 2026-11-28: an orphaned grandchild goes to the subreaper tini,
   * which reaps it (-w says so); without -s it goes to PID 1.
   */
  const NOT_PID1 =
    "[WARN  tini (2)] Tini is not running as PID 1 and isn't registered as a child subreaper.\n" +
    "Zombie processes will not be re-parented to Tini, so zombie reaping won't work.\n" +
    'To fix the problem, use the -s option or set the environment variable TINI_SUBREAPER to register Tini as a child subreaper, or run Tini as PID 1.\n';
  labCases([
    {
      line: run(`sh -c 'tini -s -w -- sh -c "(sleep 0.1 &); sleep 0.5"; echo "status $?"'`),
      stdout: 'status 0\n',
      stderr: '[WARN  tini (2)] Reaped zombie process with pid=5\n',
      status: 0,
    },
    {
      line: run(`sh -c 'tini -w -- sh -c "(sleep 0.1 &); sleep 0.5"; echo "status $?"'`),
      stdout: 'status 0\n',
      stderr: NOT_PID1,
      status: 0,
    },
    {
      line: run(`sh -c 'tini -p SIGTERM -- sleep 0.1; echo "status $?"'`),
      stdout: 'status 0\n',
      stderr: NOT_PID1,
      status: 0,
    },
    {
      line: run(`sh -c 'tini -p TERM -- true; echo "status $?"'`),
      stdout: 'status 1\n',
      stderr: '[FATAL tini (2)] Not a valid option for -p: TERM\n',
      status: 0,
    },
    {
      line: run(`sh -c 'tini -vvv -s -- true; echo "status $?"'`),
      stdout:
        "[TRACE tini (2)] Registered as child subreaper\n[INFO  tini (2)] Spawned child process 'true' with pid '3'\n" +
        "[DEBUG tini (2)] Received SIGCHLD\n[DEBUG tini (2)] Reaped child with pid: '3'\n" +
        "[INFO  tini (2)] Main child exited normally (with status '0')\n[TRACE tini (2)] No child to wait\n" +
        '[TRACE tini (2)] Exiting: child has exited\nstatus 0\n',
      status: 0,
    },
  ]);

  it("golden 33: tini relays docker stop's SIGTERM, redis shuts down, tini exits 0 (all but the process fates)", () => {
    const file = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../golden/scenarios/33-tini-redis-server-stop.json'),
        'utf8',
      ),
    ) as ScenarioFile & { observed: { stdout: string; stderr: string; exit: unknown } };
    const observed = replay(createHost(), file);
    expect({
      stdout: normaliseOutput(observed.stdout),
      stderr: observed.stderr,
      exit: observed.exit,
    }).toEqual({
      stdout: normaliseOutput(file.observed.stdout),
      stderr: file.observed.stderr,
      exit: file.observed.exit,
    });
  });
});

describe('dumb-init', () => {
  labCases([
    { line: run("dumb-init sh -c 'exit 7'"), status: 7 },
    { line: run("dumb-init sh -c 'kill -TERM $$'"), status: 143 },
    {
      line: run("dumb-init sh -c 'ps -o pid,ppid,pgid,sid,stat,args'"),
      stdout:
        '    PID    PPID    PGID     SID STAT COMMAND\n' +
        '      1       0       1       1 Ss   dumb-init sh -c ps -o pid,ppid,pgid,sid,stat,args\n' +
        '      2       1       2       2 Ss   sh -c ps -o pid,ppid,pgid,sid,stat,args\n' +
        '      3       2       2       2 R    ps -o pid,ppid,pgid,sid,stat,args\n',
      status: 0,
    },
    {
      line: run("dumb-init -v sh -c 'exit 3'"),
      stderr:
        '[dumb-init] Unable to detach from controlling tty (errno=25 Inappropriate ioctl for device).\n' +
        '[dumb-init] Child spawned with PID 2.\n' +
        '[dumb-init] Unable to attach to controlling tty (errno=25 Inappropriate ioctl for device).\n' +
        '[dumb-init] setsid complete.\n[dumb-init] Received signal 17.\n' +
        '[dumb-init] A child with PID 2 exited with exit status 3.\n' +
        '[dumb-init] Forwarded signal 15 to children.\n[dumb-init] Child exited with status 3. Goodbye.\n',
      status: 3,
    },
    {
      line: run('dumb-init nosuchcmd'),
      stderr: '[dumb-init] nosuchcmd: No such file or directory\n',
      status: 2,
    },
    {
      line: run('dumb-init /etc/passwd'),
      stderr: '[dumb-init] /etc/passwd: Permission denied\n',
      status: 2,
    },
    {
      line: run('dumb-init'),
      stderr: 'Usage: dumb-init [option] program [args]\nTry dumb-init --help for full usage.\n',
      status: 1,
    },
    {
      line: run('dumb-init -c'),
      stderr: 'Usage: dumb-init [option] program [args]\nTry dumb-init --help for full usage.\n',
      status: 1,
    },
    { line: run('dumb-init -x'), stderr: "dumb-init: invalid option -- 'x'\n", status: 1 },
    { line: run('dumb-init --version'), stderr: 'dumb-init v1.2.5\n', status: 0 },
    { line: run('dumb-init --help'), stderr: DUMB_INIT_HELP, status: 0 },
  ]);
});
