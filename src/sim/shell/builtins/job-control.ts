import { complainIn } from '../diagnostics.ts';
import { findJob, foreground, listJobs } from '../jobs.ts';
import { builtinOptions } from './options.ts';
import type { Builtin } from './types.ts';

/** jobs [-l] (bash): the background jobs, `+` the current one. */
export const jobs: Builtin = function* (sh, argv) {
  const parsed = yield* builtinOptions(
    sh,
    'jobs',
    argv.slice(1),
    'lnprs',
    'jobs [-lnprs] [jobspec ...] or jobs -x command [args]',
  );
  if ('failed' in parsed) return parsed.failed;
  return yield* listJobs(sh, parsed.options.has('l'));
};

/** The words bash uses for a job that is not there (`fg: %3: no such job`, `fg: current: no such job`). */
function* noSuchJob(sh: Parameters<Builtin>[0], builtin: string, spec: string | undefined) {
  yield* complainIn(sh, builtin, `${spec ?? 'current'}: no such job`);
  return 1;
}

/** fg [%job] (bash): brings the job to the foreground and waits for it. */
export const fg: Builtin = function* (sh, argv) {
  const job = findJob(sh, argv[1]);
  if (!job) return yield* noSuchJob(sh, 'fg', argv[1]);
  // No job is ever stopped here (Ctrl-Z is not modelled), so there is nothing to SIGCONT.
  return yield* foreground(sh, job);
};

/** bg [%job] (bash): a running job is already in the background (no job is ever stopped here). */
export const bg: Builtin = function* (sh, argv) {
  const job = findJob(sh, argv[1]);
  if (!job) return yield* noSuchJob(sh, 'bg', argv[1]);
  yield* complainIn(sh, 'bg', `job ${job.id} already in background`);
  return 0;
};
