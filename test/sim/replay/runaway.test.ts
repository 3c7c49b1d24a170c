import { describe, expect, it } from 'vitest';
import { createHost, replay } from '../../../src/sim/index.ts';

/**
 * The replay runs under the same step limit as plain mode (Host.runUntil):
 * a PID 1 that computes forever cannot hang it; the wait step times out
 * and escalates as the recorder's does.
 */
describe('replay of a PID 1 that never waits', () => {
  it('ends: the wait gives up at the step limit and the escalation kills PID 1', () => {
    const host = createHost({ plainStepLimit: 20_000 });
    const observed = replay(host, {
      container: { pid1_argv: ['sh', '-c', 'while :; do :; done'] },
      steps: [
        { action: 'signal', signal: 'TERM', after_ms: 100 },
        { action: 'wait', timeout_ms: 2000, on_timeout: 'KILL' },
      ],
    });
    expect(observed.exit).toEqual({ code: 137, signal: 'KILL' });
    expect(observed.timeline.map((e) => e.event)).toEqual([
      'container created: PID 1 = sh -c while :; do :; done',
      'host sent SIGTERM to PID 1',
      'timeout: host sent SIGKILL to PID 1',
      'PID 1 killed by SIGKILL',
    ]);
  }, 30_000);
});
