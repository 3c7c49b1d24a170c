import { describe, expect, it } from 'vitest';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import type { ProcessGen } from '../../../src/sim/kernel/syscall-api.ts';
import { Credentials } from '../../../src/sim/kernel/credentials.ts';
import { NullFile } from '../../../src/sim/kernel/files.ts';
import { Kernel } from '../../../src/sim/kernel/kernel.ts';
import { MountNamespace } from '../../../src/sim/kernel/vfs/mount-namespace.ts';
import { TreeBuilder } from '../../../src/sim/kernel/vfs/tree-builder.ts';
import { testKernel } from './harness.ts';

const EVENT = {
  type: 'shell-command',
  origin: { kind: 'command-string' },
  span: { start: { line: 1, col: 1 }, end: { line: 1, col: 5 } },
  text: 'work',
  argv: ['work'],
} as const;

const BUILD_STEP = {
  type: 'build-step',
  tags: ['lab:latest'],
  step: 1,
  total: 1,
  keyword: 'FROM',
  text: 'FROM lab',
  span: EVENT.span,
} as const;

/** A busy process that notes each of its turns, probing before each when asked. */
function* busy(log: string[], name: string, probing: boolean): ProcessGen {
  for (let i = 0; i < 3; i++) {
    if (probing) yield* sys.probe('shell-command', () => EVENT);
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

  it('builds its event only when a listener takes that type', () => {
    const kernel = new Kernel({ startMs: 0, loader: () => undefined });
    const built: string[] = [];
    kernel.events.subscribe((event) => built.push(`heard ${event.type}`), ['shell-command']);
    kernel.spawn({
      parent: null,
      pidns: kernel.rootNs,
      creds: new Credentials(0, 0),
      mnt: new MountNamespace(new TreeBuilder(0).root),
      cwd: '/',
      hostname: 'test',
      stdio: [new NullFile(), new NullFile(), new NullFile()],
      main: function* () {
        yield* sys.probe('build-step', () => {
          built.push('built build-step');
          return { ...BUILD_STEP };
        });
        yield* sys.probe('shell-command', () => {
          built.push('built shell-command');
          return EVENT;
        });
        return 0;
      },
      comm: 'test',
      argv: ['test'],
    });
    kernel.run(100);
    expect(built).toEqual(['built shell-command', 'heard shell-command']);
  });
});
