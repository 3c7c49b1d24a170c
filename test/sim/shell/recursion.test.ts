import { describe, expect, it } from 'vitest';
import { runShell } from './harness.ts';

// Real shells on the recording machine, `SHELL -c 'f() { f; }; f; echo after'`:
// dash prints `dash: 1: Maximum function recursion depth (1000) reached` and exits 2;
// bash and BusyBox sh die of SIGSEGV (status 139) with nothing on stderr.
// The simulator stops at a lower depth (200): see src/sim/shell/functions.ts.
describe('endless recursion ends the shell the way each real shell ends', () => {
  const script = 'f() { f; }; f; echo after';

  it('dash: its recursion limit message, status 2', () => {
    const { stdout, stderr, status, world } = runShell('dash', ['-c', script]);
    expect({ stdout, stderr, status }).toEqual({
      stdout: '',
      stderr: 'dash: 1: Maximum function recursion depth (1000) reached\n',
      status: 2,
    });
    expect(world.kernel.crashes).toEqual([]);
  });

  for (const shell of ['bash', 'ash'] as const) {
    it(`${shell}: killed by SIGSEGV (139), not a simulator crash`, () => {
      const { stdout, stderr, status, world } = runShell(shell, ['-c', script]);
      expect({ stdout, stderr, status }).toEqual({ stdout: '', stderr: '', status: 139 });
      expect(world.kernel.crashes).toEqual([]);
    });
  }
});
