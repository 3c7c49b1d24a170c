import { describe, expect, it } from 'vitest';
import { runPlain } from '../../support/plain.ts';

/**
 * Plain mode types each line only once what the previous one started has
 * run until it waits, as a learner's typing would allow. Without that, the
 * next command would arrive at the same instant as the container's start.
 */
describe('plain mode types the next line once the host is quiet', () => {
  it('docker stop reaches redis-server after the entrypoint has exec-ed it: exit 0, not 137', () => {
    // facts.md §5–7 and golden 38: redis as PID 1 handles SIGTERM, saves and exits 0.
    const { stdout, stderr, status } = runPlain(
      [
        'docker run -d --name stop-me redis:5.0 >/dev/null',
        'docker stop stop-me',
        "docker inspect -f '{{.State.ExitCode}}' stop-me",
        'docker logs stop-me 2>&1 | tail -n 1 | cut -c 32-',
      ].join('\n'),
    );
    expect(stderr).toBe('');
    expect(stdout).toBe('stop-me\n0\nRedis is now ready to exit, bye bye...\n');
    expect(status).toBe(0);
  });

  it('a runaway background job does not keep the next line from being typed', () => {
    const { stdout, status } = runPlain('while :; do :; done &\necho typed\nkill %1\n');
    expect(stdout).toBe('typed\n');
    expect(status).toBe(0);
  });
});
