import { BASH } from '../../shell/dialect.ts';
import { runShell } from '../../shell/run-shell.ts';
import { program } from '../lib/program.ts';
import { bashPrompt } from './prompts.ts';

/**
 * GNU bash 5.2.15: execs the last simple command of `-c` (golden scenario
 * 09); interactive on a terminal or with -i, with Debian's PS1.
 */
export const bash = program('bash-5.2/bash', { vszKb: 8800, rssKb: 5200 }, (context) =>
  runShell(BASH, context, { prompt: bashPrompt }),
);
