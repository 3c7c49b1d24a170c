import { expect, test, type Page } from '@playwright/test';
import type { StepdownTerminal } from '../../src/terminal/element.ts';
import { traceMainThread } from './support/main-thread-trace.ts';
import {
  PROMPT_LINE,
  promptReceivedAfterCtrlC,
  recordReceivedOutput,
} from './support/received-output.ts';
import { readyTerminal } from './support/terminal.ts';

/**
 * Runaway input never freezes the page (the simulator runs in a Web Worker,
 * ADR 0007) and Ctrl-C gives the prompt back within a second. `npm run bench`
 * prints the exact numbers; the bounds here are what "never freezes" means
 * on a busy 2-core CI machine.
 */

// One at a time: each runaway keeps a core busy.
test.describe.configure({ mode: 'serial' });
/**
 * No main-thread task may take this much CPU time while the runaway runs (Chromium's trace,
 * CPU not wall time: on a shared 2-core machine the worker and other tests preempt the main
 * thread, and a task's wall time once reached 515 ms there during cat /dev/zero). The bench's
 * goal is 50 ms of wall time on a quiet machine; this bound catches real freezes.
 */
const FREEZE_MS = 500;

/** How long the page may take to answer a script call while a runaway runs (see below). */
const ROUND_TRIP_MS = 2000;

/** Each runaway, how long Ctrl-C may take to give the prompt back, and the longest task allowed. */
const RUNAWAYS = [
  { command: 'while :; do :; done', ctrlCMs: 1000, taskMs: FREEZE_MS },
  // The classic :(){ :|:& };: with a plain name. It runs in a background job, so Ctrl-C
  // reaches only the shell, which prints ^C, `[1]+  Done  f | f` and the prompt while the bomb
  // goes on at the learner's process limit, as in real bash (test/fixtures/fork-bomb/).
  // Once the bomb is at its process limit, each wave of retries prints thousands of lines and
  // scrolls the ^C and the prompt out of xterm's buffer within moments: its prompt is looked
  // for in the output the page received from the worker instead of on the screen.
  { command: 'f(){ f|f& }; f', ctrlCMs: 1000, taskMs: FREEZE_MS, promptIn: 'stream' as const },
  // yes floods the screen: PortAttachAddon paces its output (at most 20 pieces a second, each
  // sized to parse within 4 ms) and Ctrl-C drops what is not drawn (the tty's flush).
  { command: 'yes', ctrlCMs: 1000, taskMs: FREEZE_MS },
  { command: 'cat /dev/zero', ctrlCMs: 1000, taskMs: FREEZE_MS },
];

/**
 * Whether a fresh prompt follows the last `^C` echo on the screen.
 * (Counting prompts would not do: `yes` scrolls earlier ones out of the buffer.)
 */
function promptAfterCtrlC(page: Page): Promise<boolean> {
  return page.evaluate((prompt) => {
    const lines = (document.querySelector('stepdown-terminal') as StepdownTerminal)
      .bufferText()
      .split('\n')
      .map((line) => line.trimEnd())
      .filter((line) => line !== '');
    // A fork bomb's children go on printing after the prompt: look past them. One of their
    // lines may follow the ^C echo on its line, before the shell's newline.
    const interrupted = lines.findLastIndex((line) => line.includes('^C'));
    return interrupted >= 0 && lines.slice(interrupted + 1).includes(prompt);
  }, PROMPT_LINE);
}

for (const { command, ctrlCMs, taskMs, promptIn = 'screen' } of RUNAWAYS) {
  test(`${command}: the page stays responsive and Ctrl-C gives the prompt back`, async ({
    page,
    browser,
  }) => {
    await recordReceivedOutput(page);
    await page.goto('/');
    const terminal = await readyTerminal(page);
    const mainThread = await traceMainThread(browser, page, async () => {
      await terminal.locator('.xterm-screen').click();
      await page.keyboard.type(command);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(1500);

      // The page answers: a frozen page would not answer until the runaway ends. The round trip
      // also waits for CPU on a saturated 2-core CI (the worker keeps one core busy): 671 ms there
      // during cat /dev/zero (HEAD 2b9741b), so it is held to ROUND_TRIP_MS; the main thread's own
      // tasks are held to taskMs below, and `npm run bench` measures both against the 50 ms goal.
      const asked = Date.now();
      await page.evaluate(() => 1);
      expect(Date.now() - asked, 'page round trip (ms)').toBeLessThan(ROUND_TRIP_MS);

      const pressed = Date.now();
      await page.keyboard.press('Control+c');
      const prompted = promptIn === 'screen' ? promptAfterCtrlC : promptReceivedAfterCtrlC;
      await expect.poll(() => prompted(page), { intervals: [20], timeout: 10_000 }).toBe(true);
      expect(Date.now() - pressed, 'Ctrl-C to prompt (ms)').toBeLessThan(ctrlCMs);
    });
    expect(
      Math.max(...mainThread.taskCpuMs),
      'CPU time of the longest main-thread task (ms)',
    ).toBeLessThan(taskMs);
  });
}
