import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost, replay, type ScenarioFile } from '../../src/sim/index.ts';
import { normaliseListing, normaliseOutput, rankProcNames } from './normalise.ts';
import { loadScenarios, type Scenario } from './scenario.ts';

/**
 * Every public golden scenario with steps (docker exec, host signals, waits,
 * or a container spec beyond `docker run`) replayed as `stepdown replay` does,
 * compared with the recording under the golden README's rules: outputs with
 * volatile parts masked, exit code and signal exactly, each docker exec's
 * output and status, and each process's fate (signals received, how it
 * ended). Scenarios that need programs still being written are listed with
 * what they wait for; the test fails if one starts passing unnoticed.
 */
const PENDING: Readonly<Record<string, string>> = {};

const needsReplay = (s: Scenario) => s.steps.length > 0 || s.container.user !== 'root' || s.container.workdir !== '/';

interface Comparable {
  stdout: string;
  stderr: string;
  exit: unknown;
  execs: unknown[];
  fates: unknown[];
  files?: unknown;
}

function comparable(observed: {
  stdout: string;
  stderr: string;
  exit: unknown;
  execs?: readonly { argv: readonly string[]; stdout: string; stderr: string; exit: unknown }[];
  files?: { before: Record<string, string>; after: Record<string, string> };
  process_fates?: readonly { proc: string; argv: readonly string[]; signals_received: readonly string[]; end: string }[];
}): Comparable {
  return {
    stdout: normaliseOutput(observed.stdout),
    stderr: observed.stderr,
    exit: observed.exit,
    execs: (observed.execs ?? []).map((e) => ({ argv: e.argv, stdout: normaliseOutput(e.stdout), stderr: e.stderr, exit: e.exit })),
    fates: fates(observed.process_fates ?? []),
    ...(observed.files ? { files: listings(observed.files) } : {}),
  };
}

function listings(files: { before: Record<string, string>; after: Record<string, string> }) {
  const each = (group: Record<string, string>) =>
    Object.fromEntries(Object.entries(group).map(([command, text]) => [command, normaliseListing(text)]));
  return { before: each(files.before), after: each(files.after) };
}

function fates(list: NonNullable<Parameters<typeof comparable>[0]['process_fates']>): unknown[] {
  const names = rankProcNames(list.map((f) => f.proc));
  return list
    .map((f) => ({ proc: names.get(f.proc) ?? f.proc, argv: f.argv, signals_received: f.signals_received, end: f.end }))
    .sort((a, b) => a.proc.localeCompare(b.proc));
}

const DIR = join(import.meta.dirname, 'scenarios');

describe('golden scenarios replayed step by step', () => {
  for (const scenario of loadScenarios().filter(needsReplay)) {
    const file = JSON.parse(readFileSync(join(DIR, `${scenario.id}.json`), 'utf8')) as ScenarioFile & { observed: Parameters<typeof comparable>[0] };
    const run = () => comparable(replay(createHost(), file));
    const pending = PENDING[scenario.id];
    if (pending) {
      it(`${scenario.id} is not reproduced yet: needs ${pending}`, () => {
        expect(run()).not.toEqual(comparable(file.observed));
      });
      continue;
    }
    it(`${scenario.id}: ${scenario.what_it_shows}`, () => {
      expect(run()).toEqual(comparable(file.observed));
    });
  }
});
