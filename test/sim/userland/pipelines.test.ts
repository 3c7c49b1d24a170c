import { describe, expect, it } from 'vitest';
import { runPlain } from '../../support/plain.ts';

/**
 * cat, head and grep read only as far as they need, so a pipeline from an
 * endless writer ends when they do (the writer then dies of SIGPIPE), as
 * with the real tools: `while :; do echo y; done | head -n 1` prints "y"
 * and the pipeline's status is head's, 0 (dash on Debian 12).
 */
describe('tools that stop reading early', () => {
  const cases: [string, string][] = [
    [`docker run --rm lab sh -c 'while :; do echo y; done | head -n 1'`, 'y\n'],
    [`docker run --rm lab sh -c 'while :; do echo y; done | cat | head -c 3'`, 'y\ny'],
    [`docker run --rm lab sh -c 'while :; do echo y; done | grep -q y && echo found'`, 'found\n'],
    [`docker run --rm lab sh -c 'cat /etc/passwd | grep -c nologin'`, '16\n'],
  ];
  for (const [line, stdout] of cases) {
    it(line, () => {
      const run = runPlain(line);
      expect({ stdout: run.stdout, stderr: run.stderr, status: run.status }).toEqual({
        stdout,
        stderr: '',
        status: 0,
      });
    });
  }
});
