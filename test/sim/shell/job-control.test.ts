import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/sim/index.ts';

/** The learner's terminal on a fresh host: type lines, read the screen (CR LF as LF). */
function terminal() {
  const host = createHost();
  const port = host.openTerminal();
  let screen = '';
  port.onOutput((d) => (screen += d));
  return {
    host,
    type: (line: string) => port.write(line + '\r'),
    screen: () => screen.replace(/\r\n/g, '\n'),
  };
}

const PROMPT = 'learner@host:~$ ';

/**
 * Job control in the interactive host bash. Expected texts from bash 5.2.15
 * on the recording machine, run interactively under script(1)
 * (`script -qfc "bash --norc -i"` fed the same lines): `[1] 25152` when a
 * job starts, `jobs` and `jobs -l` lines with the state padded to 24
 * columns, `+` on the newest job and `-` on the one before, the end notice
 * (`Terminated`, `Done`) before a later prompt, and the errors of fg, bg and
 * kill for jobs that are not there. PIDs are the simulated host's. Real bash
 * showed the Terminated notice one prompt later, as its SIGCHLD came after
 * the prompt; in the simulator the job ends before the shell prompts again.
 */
describe('job control in the interactive bash', () => {
  it('starts, lists, kills and reports background jobs in bash words', () => {
    const t = terminal();
    for (const line of [
      'sleep 100 &',
      'sleep 200 &',
      'jobs',
      'jobs -l',
      'kill %1',
      'echo next',
      'jobs',
      'bg',
      'fg %3',
      'bg %1',
      'kill %5',
    ])
      t.type(line);
    expect(t.screen()).toBe(
      `${PROMPT}sleep 100 &\n[1] 3\n` +
        `${PROMPT}sleep 200 &\n[2] 4\n` +
        `${PROMPT}jobs\n` +
        '[1]-  Running                 sleep 100 &\n' +
        '[2]+  Running                 sleep 200 &\n' +
        `${PROMPT}jobs -l\n` +
        '[1]- 3 Running                 sleep 100 &\n' +
        '[2]+ 4 Running                 sleep 200 &\n' +
        `${PROMPT}kill %1\n` +
        '[1]-  Terminated              sleep 100\n' +
        `${PROMPT}echo next\nnext\n` +
        `${PROMPT}jobs\n` +
        '[2]+  Running                 sleep 200 &\n' +
        `${PROMPT}bg\nbash: bg: job 2 already in background\n` +
        `${PROMPT}fg %3\nbash: fg: %3: no such job\n` +
        `${PROMPT}bg %1\nbash: bg: %1: no such job\n` +
        `${PROMPT}kill %5\nbash: kill: %5: no such job\n` +
        PROMPT,
    );
  });

  it('fg prints the command and waits for it; a job that ends is reported Done once', () => {
    const t = terminal();
    t.type('sleep 1 &');
    t.host.advance(1000);
    t.type('echo after');
    t.type('sleep 5 &');
    t.type('fg');
    const waiting = t.screen();
    t.host.advance(5000);
    t.type('fg');
    expect(waiting.endsWith(`${PROMPT}fg\nsleep 5\n`)).toBe(true);
    expect(t.screen()).toBe(
      `${PROMPT}sleep 1 &\n[1] 3\n` +
        `${PROMPT}echo after\nafter\n` +
        '[1]+  Done                    sleep 1\n' +
        `${PROMPT}sleep 5 &\n[1] 4\n` +
        `${PROMPT}fg\nsleep 5\n` +
        `${PROMPT}fg\nbash: fg: current: no such job\n` +
        PROMPT,
    );
  });

  // bash prints a job's command from its parse tree (print_cmd.c): bash 5.2.15 under a pty,
  // `true&&sleep 5|cat   -u &` then `jobs` → `[1]-  Running                 true && sleep 5 | cat -u &`
  // and `! true||  sleep 5 &` → `[2]+  Running                 ! true || sleep 5 &`.
  it('shows a job as bash prints it again: one space between words, | && || spaced', () => {
    const t = terminal();
    for (const line of ['true&&sleep 5|cat   -u &', '! true||  sleep 5 &', 'jobs']) t.type(line);
    expect(t.screen()).toBe(
      `${PROMPT}true&&sleep 5|cat   -u &\n[1] 3\n` +
        `${PROMPT}! true||  sleep 5 &\n[2] 6\n` +
        `${PROMPT}jobs\n` +
        '[1]-  Running                 true && sleep 5 | cat -u &\n' +
        '[2]+  Running                 ! true || sleep 5 &\n' +
        PROMPT,
    );
  });

  // Real bash 5.2.15 interactive under script(1): `alias e='echo hi'`, `e there` → hi there;
  // `unalias nope` → bash: unalias: nope: not found. (bash -c does not expand aliases: cases.ts.)
  // bash 5.2.15 under script(1), `script -qec "bash --norc --noprofile -i"` fed these lines:
  // "[1]+  Running                 sleep 5 &". The job's text is cut from the function's
  // definition, typed on an earlier line than the call.
  it('names a job a function started by the command in the function’s body', () => {
    const t = terminal();
    for (const line of ['f() { sleep 5 & }', 'f', 'jobs']) t.type(line);
    expect(t.screen()).toBe(
      `${PROMPT}f() { sleep 5 & }\n` +
        `${PROMPT}f\n[1] 3\n` +
        `${PROMPT}jobs\n[1]+  Running                 sleep 5 &\n` +
        PROMPT,
    );
  });

  it('expands aliases typed at the prompt', () => {
    const t = terminal();
    for (const line of ["alias e='echo hi'", 'e there', 'alias', 'unalias e', 'e', 'unalias nope'])
      t.type(line);
    expect(t.screen()).toBe(
      `${PROMPT}alias e='echo hi'\n` +
        `${PROMPT}e there\nhi there\n` +
        `${PROMPT}alias\nalias e='echo hi'\n` +
        `${PROMPT}unalias e\n` +
        `${PROMPT}e\nbash: e: command not found\n` +
        `${PROMPT}unalias nope\nbash: unalias: nope: not found\n` +
        PROMPT,
    );
  });
});
