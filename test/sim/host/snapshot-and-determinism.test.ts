import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/sim/index.ts';
import { runPlain } from '../../support/plain.ts';

describe('the host snapshot', () => {
  it('shows a container PID 1 with its host PID, its namespace PID and its container', () => {
    const host = createHost();
    runPlain('docker run -d --name sleeper lab sleep 1000', host);
    const id = host.engine.find('sleeper')?.id.slice(0, 12);
    const sleeper = host.snapshot().processes.find((p) => p.comm === 'sleep');
    expect(sleeper).toMatchObject({
      pid: 1,
      ppid: 0,
      euid: 0,
      state: 'S',
      argv: ['sleep', '1000'],
      container: id,
    });
    expect(sleeper?.hostPid).toBeGreaterThan(1);
  });
});

describe('the host snapshot of containers', () => {
  it('gives each container’s state, exit code, PID 1 and times, as a panel or a check reads them', () => {
    const host = createHost();
    runPlain(
      'docker run -d --name sleeper lab sleep 1000\n' +
        'docker run -d --name myredis redis:5.0\n' +
        'docker run --name quick --user nobody lab true',
      host,
    );
    const started = host.snapshot();
    const pidOf = (comm: string) => started.processes.find((p) => p.comm === comm)?.hostPid;
    const running = (name: string) => started.containers.find((c) => c.name === name);
    expect(running('sleeper')).toMatchObject({ state: 'running', exitCode: 0, finishedAt: 0 });
    expect(running('sleeper')?.hostPid).toBe(pidOf('sleep'));
    expect(running('myredis')?.hostPid).toBe(pidOf('redis-server'));

    // One stop at a time: each container's finishing time is measured from its own stop.
    const stopped = (name: string) => {
      const before = host.snapshot().now;
      runPlain(`docker stop ${name}`, host);
      const after = host.snapshot().containers.find((c) => c.name === name);
      const { id, image, state, exitCode, hostPid, user } = after ?? running(name) ?? {};
      const finishedAfterMs = (after?.finishedAt ?? 0) - before;
      return { id: id?.length, name, image, state, exitCode, hostPid, user, finishedAfterMs };
    };
    // sleep as PID 1 has no handler for SIGTERM: the kernel drops it (the PID 1 rule), and
    // docker stop sends SIGKILL after its 10 s grace period: 128 + 9.
    expect(stopped('sleeper')).toEqual({
      id: 64,
      name: 'sleeper',
      image: 'lab',
      state: 'exited',
      exitCode: 137,
      hostPid: null,
      user: '',
      finishedAfterMs: 10_000,
    });
    // redis-server handles SIGTERM, saves and exits 0 well within the grace period.
    const myredis = stopped('myredis');
    expect(myredis).toMatchObject({
      image: 'redis:5.0',
      state: 'exited',
      exitCode: 0,
      hostPid: null,
      user: '',
    });
    expect(myredis.finishedAfterMs).toBeGreaterThanOrEqual(0);
    expect(myredis.finishedAfterMs).toBeLessThan(1000);
    const quick = host.snapshot().containers.find((c) => c.name === 'quick');
    expect(quick).toMatchObject({ image: 'lab', state: 'exited', exitCode: 0, user: 'nobody' });
    expect(quick?.finishedAt).toBeLessThanOrEqual(started.now);
    expect(host.snapshot().containers.map((c) => c.name)).toEqual(['sleeper', 'myredis', 'quick']);
  });
});

describe('determinism', () => {
  const lines = fc.constantFrom(
    'docker run --rm lab sudo ps aux',
    'docker run --rm gosu/alpine gosu root ps aux',
    'docker run -d --name nap lab sleep 5',
    'docker exec nap ps -ef',
    'docker stop nap',
    'docker run --rm lab gosu nobody id',
    'foo',
  );
  it('the same command log gives a byte-identical transcript', () => {
    fc.assert(
      fc.property(fc.array(lines, { maxLength: 6 }), (log) => {
        const script = log.join('\n');
        const first = runPlain(script);
        const second = runPlain(script);
        expect([second.stdout, second.stderr, second.status]).toEqual([
          first.stdout,
          first.stderr,
          first.status,
        ]);
        expect(second.host.snapshot()).toEqual(first.host.snapshot());
      }),
      { numRuns: 60, seed: 3 },
    );
  });
});
