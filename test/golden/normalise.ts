import { maskPsTable } from '../support/ps-table.ts';

/**
 * The golden README's normalisation rules for comparing a simulator's output
 * with a recording: ps tables with volatile columns masked (rule 1), redis
 * log timestamps and the signal handler's unix time masked, and the two
 * host-dependent redis lines treated as optional (rule 4).
 */
const REDIS_TIME = /\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}/g;
const HANDLER_TIME = /signal-handler \(\d+\)/g;
const OPTIONAL_REDIS_LINES = [/# WARNING Memory overcommit must be enabled!/, /\* Increased maximum number of open files/];

export function normaliseOutput(text: string): string {
  const lines = text
    .replace(REDIS_TIME, '<time>')
    .replace(HANDLER_TIME, 'signal-handler (<unix>)')
    .split('\n')
    .filter((line) => !OPTIONAL_REDIS_LINES.some((optional) => optional.test(line)));
  return maskPsTable(lines.join('\n'));
}
