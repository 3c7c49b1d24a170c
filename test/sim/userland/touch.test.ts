import { describe } from 'vitest';
import { labCases } from './lab-cases.ts';

/**
 * touch -t, -d, -r, -a/-m and --time (coreutils 9.1 src/touch.c). Dates and
 * messages recorded with /usr/bin/touch on Debian 12 in the POSIX locale and
 * UTC, 2026-11-28 (read back with `ls -l --full-time`); here `ls -l` shows
 * them, the year for dates more than six months from the simulated clock
 * (2026-11-28 17:01 UTC).
 */
const run = (script: string) => `docker run --rm -w /tmp lab sh -c '${script}'`;

describe('touch with explicit times', () => {
  labCases([
    {
      line: run(
        'touch -t 2501011200 a; touch -t 202401010000.60 b; touch -t 6901010000 c; touch -t 6801010000 d; ls -l a b c d',
      ),
      // 2025-01-01 12:00:00; .60 is the next minute (2024-01-01 00:01:00); 69 is 1969, 68 is 2068.
      stdout:
        '-rw-r--r-- 1 root root 0 Jan  1  2025 a\n-rw-r--r-- 1 root root 0 Jan  1  2024 b\n' +
        '-rw-r--r-- 1 root root 0 Jan  1  1969 c\n-rw-r--r-- 1 root root 0 Jan  1  2068 d\n',
      status: 0,
    },
    {
      line: run(
        'touch -d "2024-02-03 04:05:06" a; touch -d @0 b; touch -d 2024-01-02T03:04:05.5 c; touch -d "1 day ago" e; touch -d yesterday f; ls -l a b c e f',
      ),
      stdout:
        '-rw-r--r-- 1 root root 0 Feb  3  2024 a\n-rw-r--r-- 1 root root 0 Jan  1  1970 b\n' +
        '-rw-r--r-- 1 root root 0 Jan  2  2024 c\n-rw-r--r-- 1 root root 0 Nov 27 17:01 e\n' +
        '-rw-r--r-- 1 root root 0 Nov 27 17:01 f\n',
      status: 0,
    },
    {
      // -r copies the other file's times; -d then shifts them.
      line: run('touch -d 2020-05-05 ref; touch -r ref a; touch -r ref -d "+1 day" b; ls -l a b'),
      stdout: '-rw-r--r-- 1 root root 0 May  5  2020 a\n-rw-r--r-- 1 root root 0 May  6  2020 b\n',
      status: 0,
    },
    {
      // -a changes only the access time: ls -l (modification time) still shows now.
      line: run(
        'touch -a -d 2020-01-01 a; touch --time=access -d 2020-01-01 b; touch -m -d 2020-01-01 c; ls -l a b c',
      ),
      stdout:
        '-rw-r--r-- 1 root root 0 Nov 28 17:01 a\n-rw-r--r-- 1 root root 0 Nov 28 17:01 b\n' +
        '-rw-r--r-- 1 root root 0 Jan  1  2020 c\n',
      status: 0,
    },
    { line: run('touch -d foo a'), stderr: "touch: invalid date format 'foo'\n", status: 1 },
    { line: run('touch -t 99 a'), stderr: "touch: invalid date format '99'\n", status: 1 },
    {
      line: run('touch -t 2401011200.5 a'),
      stderr: "touch: invalid date format '2401011200.5'\n",
      status: 1,
    },
    {
      line: run('touch -t 202402300000 a'),
      stderr: "touch: invalid date format '202402300000'\n",
      status: 1,
    },
    {
      line: run('touch -d "2024-01-02 25:00" a'),
      stderr: "touch: invalid date format '2024-01-02 25:00'\n",
      status: 1,
    },
    {
      line: run('touch -d 2024-13-01 a'),
      stderr: "touch: invalid date format '2024-13-01'\n",
      status: 1,
    },
    {
      line: run('touch -r /nonexist a'),
      stderr: "touch: failed to get attributes of '/nonexist': No such file or directory\n",
      status: 1,
    },
    {
      line: run('touch -d 2024-01-01 -t 202401010000 a'),
      stderr:
        "touch: cannot specify times from more than one source\nTry 'touch --help' for more information.\n",
      status: 1,
    },
    {
      line: run('touch --time=foo a'),
      stderr:
        "touch: invalid argument 'foo' for '--time'\nValid arguments are:\n  - 'atime', 'access', 'use'\n" +
        "  - 'mtime', 'modify'\nTry 'touch --help' for more information.\n",
      status: 1,
    },
    {
      // Explicit times need the owner (EPERM); "now" is allowed to anyone who may write.
      line: run(
        'touch /tmp/f; chmod 666 /tmp/f; gosu nobody touch /tmp/f; echo $?; gosu nobody touch -d 2020-01-01 /tmp/f',
      ),
      stdout: '0\n',
      stderr: "touch: setting times of '/tmp/f': Operation not permitted\n",
      status: 1,
    },
  ]);
});
