import { describe, expect, it } from 'vitest';
import { runPlain } from '../../support/plain.ts';

/**
 * The host side of `-v "$PWD/data:/data"` with redis:5.0 (issue 5, "Host
 * side"): the entrypoint's `find . \! -user redis -exec chown redis '{}' +`
 * runs as root in /data (facts.md §6.5, 5.0 step 1), so the host directory's
 * owner becomes uid 999 and keeps the learner's group; redis, as 999:999
 * with umask 0022, writes dump.rdb on `docker stop` (facts.md §7). No host
 * user has uid 999, so the host's `ls -l` shows numbers (architecture.md,
 * "The simulated world"). The RDB's size is the model's (src/sim/LIMITATIONS.md).
 */
describe('a bind mount seen from the host', () => {
  it('ls -ln and ls -l on the host show the owners the container gave the files', () => {
    const { stdout, stderr, status } = runPlain(
      [
        'mkdir data',
        'ls -lnd data',
        'docker run -d --name bound -v "$PWD/data:/data" redis:5.0 >/dev/null',
        'docker stop bound',
        'ls -lnd data',
        'ls -ln data',
        'ls -l data',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(stdout).toBe(
      'drwxr-xr-x 2 1000 1000 4096 Nov 28 17:01 data\n' +
        'bound\n' +
        'drwxr-xr-x 2 999 1000 4096 Nov 28 17:01 data\n' +
        'total 4\n' +
        '-rw-r--r-- 1 999 999 106 Nov 28 17:01 dump.rdb\n' +
        'total 4\n' +
        '-rw-r--r-- 1 999 999 106 Nov 28 17:01 dump.rdb\n',
    );
    expect(status).toBe(0);
  });
});
