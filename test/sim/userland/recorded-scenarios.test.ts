import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost, replay, type ScenarioFile } from '../../../src/sim/index.ts';
import { normaliseOutput, rankProcNames } from '../../golden/normalise.ts';

/**
 * The scenarios recorded for the process tools (test/golden/recorded/README.md),
 * replayed and compared under the golden README's rules: outputs with
 * volatile parts masked, exit code and signal, docker exec outputs, each
 * process's fate. (The listings after the run are not compared: replay does
 * not take them yet.)
 * Where the simulator still differs, the reason is listed; the test fails if
 * such a scenario starts matching unnoticed.
 */
const DIFFERS: Readonly<Record<string, string>> = {
  'p04-dumb-init-redis-stop':
    'dumb-init takes signals with sigwait, so strace shows none delivered to it; the simulated kernel has no sigwait and runs a handler',
};

interface Recorded {
  stdout: string;
  stderr: string;
  exit: unknown;
  execs?: readonly { argv: readonly string[]; stdout: string; stderr: string; exit: unknown }[];
  process_fates?: readonly {
    proc: string;
    argv: readonly string[];
    signals_received: readonly string[];
    end: string;
  }[];
}

function comparable(o: Recorded) {
  // Golden rule 2: PIDs after the first two depend on thread counts (gosu's Go runtime); compare by rank.
  const names = rankProcNames((o.process_fates ?? []).map((f) => f.proc));
  return {
    stdout: normaliseOutput(o.stdout),
    stderr: o.stderr,
    exit: o.exit,
    execs: (o.execs ?? []).map((e) => ({
      argv: e.argv,
      stdout: normaliseOutput(e.stdout),
      stderr: e.stderr,
      exit: e.exit,
    })),
    fates: [...(o.process_fates ?? [])]
      .map((f) => ({ ...f, proc: names.get(f.proc) ?? f.proc }))
      .sort((a, b) => a.proc.localeCompare(b.proc))
      .map((f) => ({
        proc: f.proc,
        argv: f.argv,
        signals_received: f.signals_received,
        end: f.end,
      })),
  };
}

const DIR = join(import.meta.dirname, '../../golden/recorded');

describe('scenarios recorded for the process tools, replayed', () => {
  for (const name of readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as ScenarioFile & {
      id: string;
      what_it_shows?: string;
      title: string;
      observed: Recorded;
    };
    const run = () => comparable(replay(createHost(), file));
    const reason = DIFFERS[file.id];
    if (reason) {
      it(`${file.id} still differs: ${reason}`, () => {
        expect(run()).not.toEqual(comparable(file.observed));
      });
      continue;
    }
    it(`${file.id}: ${file.title}`, () => {
      expect(run()).toEqual(comparable(file.observed));
    });
  }
});
