import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fields of a golden scenario (../shared/golden/README.md, "JSON format") that the tests use. */
export interface Scenario {
  readonly id: string;
  readonly what_it_shows: string;
  readonly container: { readonly pid1_argv: string[]; readonly user: string; readonly workdir: string };
  readonly steps: unknown[];
  readonly observed: {
    readonly stdout: string;
    readonly stderr: string;
    readonly exit: { readonly code: number; readonly signal: string | null };
    readonly ps: { user: string; uid: number; pid: number; ppid: number; stat: string | null; command: string; rank: number; parent_rank: number }[];
    readonly ps_source: string;
  };
}

const DIR = join(import.meta.dirname, 'scenarios');

export function loadScenarios(): Scenario[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Scenario);
}
