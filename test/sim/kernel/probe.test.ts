import { describe, expect, it } from 'vitest';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import type { ProcessGen } from '../../../src/sim/kernel/syscall-api.ts';
import { testKernel } from './harness.ts';

const EVENT = {
  type: 'shell-command',
  origin: { kind: 'command-string' },
  span: { start: { line: 1, col: 1 }, end: { line: 1, col: 5 } },
  text: 'work',
  argv: ['work'],
} as const;

/** A busy process that notes each of its turns, probing before each when asked. */
function* busy(log: string[], name: string, probing: boolean): ProcessGen {
  for (let i = 0; i < 3; i++) {
    if (probing) yield* sys.probe(EVENT);
    yield* sys.self();
    log.push(name);
  }
  return 0;
}

describe('sys.probe', () => {
  it('puts the event on the stream with the time and the process, and costs no turn', () => {
    const turns = (probing: boolean) => {
      const t = testKernel();
      const log: string[] = [];
      t.start(() => busy(log, 'a', probing));
      t.start(() => busy(log, 'b', false));
      t.kernel.run(5);
      const probes = t.events.filter((e) => e.type === 'shell-command');
      return { log: log.join(''), probes };
    };
    const plain = turns(false);
    const probed = turns(true);
    // The same turns in the same order within the same step budget, probes or not.
    expect(probed.log).toBe(plain.log);
    expect(plain.log).toBe('aba');
    expect(probed.probes).toEqual([
      { ...EVENT, t: 0, process: { hostPid: 1, pid: 1, comm: 'test' } },
      { ...EVENT, t: 0, process: { hostPid: 1, pid: 1, comm: 'test' } },
      { ...EVENT, t: 0, process: { hostPid: 1, pid: 1, comm: 'test' } },
    ]);
  });
});
