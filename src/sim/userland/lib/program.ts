import type { Program, ProgramContext } from '../../kernel/exec.ts';
import type { ProcessGen } from '../../kernel/syscall-api.ts';

/**
 * Declares a program: its registry name, the memory ps shows for it (taken
 * from a real process table where one is cited, else the same program's
 * figures on the recording machine), and its main function.
 */
export function program(
  name: string,
  memory: { vszKb: number; rssKb: number },
  main: (context: ProgramContext) => ProcessGen,
): Program {
  return { name, vszKb: memory.vszKb, rssKb: memory.rssKb, main };
}

/** How a program names itself in messages: coreutils and friends use argv[0] as given. */
export function progName(context: ProgramContext, fallback: string): string {
  return context.argv[0] ?? fallback;
}
