import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Outcome, ShellName } from './case-types.ts';
import { CASES } from './cases.ts';
import { runShell } from './harness.ts';

/**
 * One table of scripts (cases.ts, recorded from the real shells), run two
 * ways as mvdan/sh's interp tests do: against our dash, bash and BusyBox ash
 * everywhere, and against the real shells again where they are installed.
 */
const SHELLS: readonly ShellName[] = ['dash', 'bash', 'ash'];
const REAL: Readonly<Record<ShellName, readonly string[]>> = {
  dash: ['dash'],
  bash: ['bash'],
  ash: ['busybox', 'sh'],
};

function installed(shell: ShellName): boolean {
  const [command = '', ...args] = REAL[shell];
  return spawnSync(command, [...args, '-c', 'exit 0']).status === 0;
}

/** Runs the real shell (all cases at once: bash takes ~150 ms to start here). */
function runReal(shell: ShellName, script: string): Promise<Outcome> {
  const [command = '', ...args] = REAL[shell];
  const options = {
    encoding: 'utf8' as const,
    env: { PATH: '/usr/bin:/bin', HOME: '/root' },
    cwd: mkdtempSync(join(tmpdir(), 'stepdown-sh-')),
    timeout: 20_000,
  };
  return new Promise((resolve) => {
    execFile(command, [...args, '-c', script], options, (error, stdout, stderr) => {
      if (!error) return resolve({ stdout, stderr, status: 0 });
      if (typeof error.code === 'number') return resolve({ stdout, stderr, status: error.code });
      // Under a loaded machine a start can fail or time out: run that one again, alone.
      const again = spawnSync(command, [...args, '-c', script], options);
      resolve({ stdout: again.stdout, stderr: again.stderr, status: again.status ?? -1 });
    });
  });
}

const isEqual = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function runRealAlone(shell: ShellName, script: string): Outcome {
  const [command = '', ...args] = REAL[shell];
  const result = spawnSync(command, [...args, '-c', script], {
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', HOME: '/root' },
    cwd: mkdtempSync(join(tmpdir(), 'stepdown-sh-')),
    timeout: 20_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

/** Runs jobs sixteen at a time (all at once, some real shells fail to start). */
async function inBatches<T>(jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < jobs.length; i += 16)
    results.push(...(await Promise.all(jobs.slice(i, i + 16).map((job) => job()))));
  return results;
}

for (const shell of SHELLS) {
  const cases = CASES.filter((c) => c[shell] !== undefined);
  describe(`our ${shell} against the recorded cases`, () => {
    for (const c of cases) {
      it(JSON.stringify(c.script), () => {
        const { stdout, stderr, status, world } = runShell(shell, ['-c', c.script]);
        expect({ stdout, stderr, status }).toEqual(c[shell]);
        expect(world.kernel.crashes).toEqual([]);
      });
    }
  });

  describe.skipIf(!installed(shell))(
    `the real ${shell} still agrees with the recorded cases`,
    () => {
      let real: Outcome[] = [];
      beforeAll(async () => {
        real = await inBatches(cases.map((c) => () => runReal(shell, c.script)));
      }, 180_000);
      for (const [index, c] of cases.entries()) {
        it(JSON.stringify(c.script), () => {
          // Runs that overlap can pick up noise from this machine (a pyenv hook was seen once): check again alone.
          const outcome = isEqual(real[index], c[shell])
            ? real[index]
            : runRealAlone(shell, c.script);
          expect(outcome).toEqual(c[shell]);
        });
      }
    },
  );
}
