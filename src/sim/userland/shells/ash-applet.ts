import type { ProgramContext } from '../../kernel/exec.ts';
import type { ProcessGen } from '../../kernel/syscall-api.ts';
import { ASH } from '../../shell/dialect.ts';
import { runShell } from '../../shell/run-shell.ts';
import { ashPrompt } from './prompts.ts';

/** BusyBox ash as the `sh` and `ash` applets: execs the last command of -c (golden scenario 11). */
export function ashApplet(context: ProgramContext): ProcessGen {
  return runShell(ASH, context, { prompt: ashPrompt });
}
