import { describe, expect, it } from 'vitest';
import { maskPsTable } from '../support/ps-table.ts';
import { runPlain, shellQuote } from '../support/plain.ts';
import { loadScenarios, type Scenario } from './scenario.ts';

/**
 * Replays every public golden scenario that starts a container and prints,
 * through the same path a learner types: `docker run --rm lab ARGV…`.
 * Scenarios the simulator cannot run yet are listed with the issue that
 * brings them; the test fails if one of them starts passing unnoticed.
 */
const PENDING: Readonly<Record<string, string>> = {
};

/** Scenarios with steps (signals, docker exec, stop) need the replay command of issue 3. */
const needsReplay = (s: Scenario) => s.steps.length > 0 || s.container.user !== 'root' || s.container.workdir !== '/';

const scenarios = loadScenarios();

describe('golden scenarios replayed with docker run --rm lab', () => {
  for (const scenario of scenarios.filter((s) => !needsReplay(s))) {
    const pending = PENDING[scenario.id];
    const run = () => runPlain(`docker run --rm lab ${shellQuote(scenario.container.pid1_argv)}`);
    if (pending) {
      it(`${scenario.id} is not reproduced yet: needs ${pending}`, () => {
        const { stdout, stderr } = run();
        expect(maskPsTable(stdout) === maskPsTable(scenario.observed.stdout) && stderr === scenario.observed.stderr).toBe(false);
      });
      continue;
    }
    it(`${scenario.id}: ${scenario.what_it_shows}`, () => {
      const { stdout, stderr, status, host } = runPlain(`docker run --rm lab ${shellQuote(scenario.container.pid1_argv)}`);
      expect(maskPsTable(stdout)).toBe(maskPsTable(scenario.observed.stdout));
      expect(stderr).toBe(scenario.observed.stderr);
      expect(status).toBe(scenario.observed.exit.code);
      expect(host.kernel.crashes).toEqual([]);
    });
  }
});
