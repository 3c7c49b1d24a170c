import { describe, expect, it } from 'vitest';
import { runPlain } from '../../support/plain.ts';

/**
 * The file tools as a learner reaches them: `docker run --rm lab …` at the
 * host prompt. Layouts and messages are coreutils 9.1's and dpkg's (checked
 * against the real tools in ls.test.ts and small-tools.test.ts); the dates
 * are the lab image's (built 30 days before the world's clock).
 */
describe('file tools through docker run', () => {
  const cases: [string, string, string, number][] = [
    [
      'docker run --rm lab ls -l /etc/passwd',
      '-rw-r--r-- 1 root root 876 Oct 29 17:01 /etc/passwd\n',
      '',
      0,
    ],
    [
      'docker run --rm lab ls -ld /home/redis',
      'drwxr-xr-x 2 redis redis 4096 Oct 29 17:01 /home/redis\n',
      '',
      0,
    ],
    [
      'docker run --rm lab ls /nope',
      '',
      "ls: cannot access '/nope': No such file or directory\n",
      2,
    ],
    ['docker run --rm lab dpkg --print-architecture', 'amd64\n', '', 0],
    [
      'docker run --rm lab grep -c redis /etc/passwd /etc/group',
      '/etc/passwd:1\n/etc/group:1\n',
      '',
      0,
    ],
    ['docker run --rm lab head -n 1 /etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n', '', 0],
    [
      'docker run --rm -u redis lab touch /etc/x',
      '',
      "touch: cannot touch '/etc/x': Permission denied\n",
      1,
    ],
  ];
  for (const [line, stdout, stderr, status] of cases) {
    it(line, () => {
      const run = runPlain(line);
      expect({ stdout: run.stdout, stderr: run.stderr, status: run.status }).toEqual({
        stdout,
        stderr,
        status,
      });
    });
  }
});
