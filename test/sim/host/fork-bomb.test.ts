import { describe, expect, it } from 'vitest';
import { slicedTerminal } from '../support/sliced-terminal.ts';

/**
 * The classic fork bomb typed at the learner's prompt, driven as the page
 * drives the host: slices run one at a time from a task queue, and virtual
 * time moves only when the test says so.
 *
 * What real Linux does, recorded from bash 5.2.15 on a pty at a 64-process
 * limit (test/fixtures/fork-bomb/ctrl-c.json, README there): the bomb runs
 * in a background job, so the prompt is back at once (`[1] 4`); its
 * subshells print `bash: fork: retry: Resource temporarily unavailable` while
 * they wait 1, 2, 4 and 8 s to try again, then `bash: fork: Resource
 * temporarily unavailable`, for as long as they live. Ctrl-C reaches only the
 * shell (the foreground group): `^C`, the job's end notice `[1]+  Done
 * f | f` (the first subshell has long ended) and the prompt, within 1 ms;
 * `$?` is 130; `kill %1` finds no job; the bomb lives on at the limit until
 * `kill -9 -1`, and then the process count is back where it started.
 */
const PROMPT = 'learner@host:~$ ';
const RETRY = 'bash: fork: retry: Resource temporarily unavailable';
const GAVE_UP = 'bash: fork: Resource temporarily unavailable';
const LEARNER_UID = 1000;
const USER_SLICE_TASKS_MAX = 10_813;

function bombTerminal() {
  const terminal = slicedTerminal();
  const learnerProcesses = () =>
    [...terminal.host.kernel.processes.values()].filter((p) => p.creds.ruid === LEARNER_UID).length;
  return { ...terminal, learnerProcesses, busy: () => terminal.pending() > 0 };
}

/** The screen with the bomb's own lines taken out, and those lines. */
function split(text: string): { rest: string; bomb: string[] } {
  const bomb: string[] = [];
  const rest = text.replace(
    /bash: fork: (?:retry: )?Resource temporarily unavailable\r\n/g,
    (m) => {
      bomb.push(m.slice(0, -2));
      return '';
    },
  );
  return { rest, bomb };
}

describe('a fork bomb at the prompt', () => {
  it('Ctrl-C gives the prompt back within one slice, and kill -9 -1 ends the bomb', () => {
    const t = bombTerminal();
    const baseline = t.host.kernel.processes.size;
    t.port.write('f(){ f|f& }; f\r');
    // The job starts and the prompt comes back in the first slice, before the bomb spreads.
    expect(t.screen()).toBe(`${PROMPT}f(){ f|f& }; f\r\n[1] 3\r\n${PROMPT}`);

    // The bomb grows: every one of its processes is runnable, none waits yet.
    while (t.learnerProcesses() < 4000) expect(t.pump(1)).toBe(1);
    const grown = t.screen();
    expect(split(grown).bomb).toEqual([]);

    // Ctrl-C: the shell, woken from its read, runs ahead of the thousands of busy processes.
    t.port.write('\x03');
    t.pump(1);
    expect(t.screen().slice(grown.length)).toBe(
      `^C\r\n[1]+  Done                    f | f\r\n${PROMPT}`,
    );
    const afterCtrlC = t.screen().length;

    // The bomb fills the learner's user-1000.slice, whose pids limit Debian 12's systemd sets
    // to TasksMax=33% (user-.slice.d/10-defaults.conf): 10,813 of 32,768 ("10813 on default
    // settings", systemd's cgroup-util.h). Its forks fail there; each subshell says so and sleeps
    // 1, 2, 4, 8 s before it tries again, and gives up at 15 s.
    // Virtual time follows the slices as it follows real time on the page (50 ms a slice), so
    // the subshells' tries spread out as on a real machine, and the bomb lives on at the limit.
    let peak = 0;
    for (let slice = 0; slice < 400; slice++) {
      t.pump(1);
      t.host.advance(50);
      peak = Math.max(peak, t.learnerProcesses());
    }
    expect(peak).toBe(USER_SLICE_TASKS_MAX);
    expect(t.learnerProcesses()).toBeGreaterThan(USER_SLICE_TASKS_MAX - 100);
    const during = split(t.screen().slice(afterCtrlC));
    expect(during.rest).toBe('');
    expect(during.bomb).toContain(RETRY);
    expect(during.bomb).toContain(GAVE_UP);
    expect(new Set(during.bomb)).toEqual(new Set([RETRY, GAVE_UP]));

    // The learner's commands, with the bomb still running beside them.
    const typed = t.screen().length;
    for (const line of ['echo $?', 'kill %1', 'kill -9 -1']) {
      t.port.write(`${line}\r`);
      t.pump(1);
    }
    while (t.pump(1) > 0) {
      /* what the kill left runnable */
    }
    expect(split(t.screen().slice(typed)).rest).toBe(
      `echo $?\r\n130\r\n${PROMPT}` +
        `kill %1\r\nbash: kill: %1: no such job\r\n${PROMPT}` +
        `kill -9 -1\r\n${PROMPT}`,
    );

    // Every process of the bomb is gone (init reaps the orphans): back to the baseline.
    expect(t.host.kernel.processes.size).toBe(baseline);
    expect(t.learnerProcesses()).toBe(1);
    expect(t.host.nextTimerIn()).toBeUndefined();
    t.port.write('echo $?\r');
    expect(t.screen().endsWith(`${PROMPT}echo $?\r\n0\r\n${PROMPT}`)).toBe(true);
    expect(t.host.kernel.crashes).toEqual([]);
    // Bounded work: the whole session stayed within this many terminal slices (2,000 system calls each).
    expect(t.slices()).toBeLessThan(300);
  }, 120_000);
});
