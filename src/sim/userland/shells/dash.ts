import { DASH } from '../../shell/dialect.ts';
import { runShell } from '../../shell/run-shell.ts';
import { program } from '../lib/program.ts';
import { dashPrompt } from './prompts.ts';

/**
 * dash 0.5.12 (Debian 12's /bin/sh). Its `sh -c 'cmd'` forks even a single
 * command, so sh stays PID 1 (golden scenarios 07, 08; facts.md §5).
 * VSZ and RSS from golden scenario 07's `ps aux` row for `sh -c ps aux`.
 */
export const dash = program('dash-0.5.12/dash', { vszKb: 2592, rssKb: 1724 }, (context) =>
  runShell(DASH, context, { prompt: dashPrompt }),
);
