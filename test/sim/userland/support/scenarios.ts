import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { loadFixture, RECORDING, saveFixture, type Fixture } from './fixtures.ts';
import {
  realWorld,
  runReal,
  runSim,
  simWorld,
  sortedLines,
  type Step,
  type TreeEntry,
} from './file-world.ts';
import type { ToolRun } from './lab-session.ts';

export interface Scenario {
  readonly tree: readonly TreeEntry[];
  readonly steps: readonly Step[];
}

/** The real run needs root (to build trees with any owner) and setpriv (to act as nobody). */
const canRunReal = () =>
  process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/setpriv');

function simulate(scenario: Scenario): ToolRun[] {
  const session = simWorld(scenario.tree);
  return scenario.steps.map((step) => normalise(step, runSim(session, step)));
}

function reality(scenario: Scenario): ToolRun[] {
  const root = realWorld(scenario.tree);
  return scenario.steps.map((step) => normalise(step, runReal(root, step)));
}

function normalise(step: Step, run: ToolRun): ToolRun {
  return step.unordered ? sortedLines(run) : run;
}

/**
 * Scenarios of file tools: a tree made alike in the simulator and on a
 * real ext4 disk, then commands run in order. Each step's whole output is
 * compared with the recording from the real tools (fixtures/NAME.json,
 * rewritten with RECORD_FIXTURES=1 as root) and, when this machine can,
 * with a live run of the real tools.
 */
export function describeScenarios(
  fixtureName: string,
  scenarios: Readonly<Record<string, Scenario>>,
): void {
  const fixture = loadFixture(fixtureName);
  const recorded: Fixture = {};
  describe(`${fixtureName}: as recorded from the real tools`, () => {
    for (const [name, scenario] of Object.entries(scenarios)) {
      it(name, () => {
        if (RECORDING) reality(scenario).forEach((run, i) => (recorded[`${name} #${i + 1}`] = run));
        const expected = scenario.steps.map(
          (_, i) => (RECORDING ? recorded : fixture)[`${name} #${i + 1}`],
        );
        expect(simulate(scenario)).toEqual(expected);
      });
    }
  });
  describe(`${fixtureName}: against the real tools on this machine`, () => {
    for (const [name, scenario] of Object.entries(scenarios)) {
      it.skipIf(!canRunReal())(name, () => {
        expect(simulate(scenario)).toEqual(reality(scenario));
      });
    }
  });
  afterAll(() => {
    if (RECORDING) saveFixture(fixtureName, recorded);
  });
}
