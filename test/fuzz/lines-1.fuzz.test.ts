// Half of the batched command lines of the resilience fuzz (shell-grammar.ts); two files so
// that vitest runs the halves on both cores.
import { it } from 'vitest';
import { BATCH, BATCHED_RUNS, fuzzBatchedLines, SEED } from './shell-grammar.ts';

it(`fuzz: ${BATCHED_RUNS * BATCH} generated command lines, ${BATCH} to a shell: a status, no exception, no crash, bounded memory`, () => {
  fuzzBatchedLines(SEED + 0);
}, 600_000);
