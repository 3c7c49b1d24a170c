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
