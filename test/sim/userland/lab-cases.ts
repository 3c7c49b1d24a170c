import { expect, it } from 'vitest';
import { createHost, replay, type ScenarioFile } from '../../../src/sim/index.ts';
import { runPlain } from '../../support/plain.ts';

/** A command typed at the host prompt and everything it printed, as recorded from the real tool. */
export interface LabCase {
  readonly line: string;
  readonly stdout?: string;
  readonly stderr?: string;
  readonly status: number;
}

/** One test per case: the whole stdout, stderr and status must match, and nothing may crash. */
export function labCases(cases: readonly LabCase[]): void {
  for (const c of cases) {
    it(c.line, () => {
      const run = runPlain(c.line);
      expect({ stdout: run.stdout, stderr: run.stderr, status: run.status }).toEqual({
        stdout: c.stdout ?? '',
        stderr: c.stderr ?? '',
        status: c.status,
      });
      expect(run.host.kernel.crashes).toEqual([]);
    });
  }
}

/** A container started with ARGV, then the steps (signals, waits, docker exec) of a golden-style scenario. */
export function replayLab(
  pid1Argv: readonly string[],
  steps: ScenarioFile['steps'],
  container: Partial<ScenarioFile['container']> = {},
) {
  return replay(createHost(), { container: { pid1_argv: pid1Argv, ...container }, steps });
}

/** docker stop as the golden recorder does it: SIGTERM, then SIGKILL after the timeout. */
export const dockerStop = (timeoutMs = 2000, afterMs = 100): ScenarioFile['steps'] => [
  { action: 'signal', signal: 'TERM', after_ms: afterMs },
  { action: 'wait', timeout_ms: timeoutMs, on_timeout: 'KILL' },
];

/** Masks redis's log dates and signal-handler seconds (golden README rule 4). */
export const maskRedisLog = (text: string): string =>
  text
    .replace(/\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}/g, 'DATE')
    .replace(/signal-handler \(\d+\)/g, 'signal-handler (T)');
