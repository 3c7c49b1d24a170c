import { expect, test } from '@playwright/test';
import { maskPsTable } from '../support/ps-table.ts';
import { bufferLines, PROMPT, readyTerminal, run } from './support/terminal.ts';

/**
 * The home page's two suggested commands, each asserted as a whole transcript:
 * the command line, the whole table with the volatile ps columns masked
 * (test/support/ps-table.ts), and the next prompt.
 */
const CASES = [
  {
    command: 'docker run --rm ubuntu:trusty sudo ps aux',
    // The seed article's table (../shared/seed/gosu-in-docker.zh.txt) in procps 3.3's
    // layout, as test/sim/docker/article-images.test.ts has it: sudo stays PID 1, ps
    // is its child at PID 6. (The gosu README's run of the same command used -it,
    // hence its "Ss+"/"R+" and PID 7; without a tty there is no "+".)
    output: [
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root         1  0.0  0.0  46012  1772 ?        Ss   12:05   0:00 sudo ps aux',
      'root         6  0.0  0.0  15568  1140 ?        R    12:05   0:00 ps aux',
    ],
  },
  {
    command: 'docker run --rm gosu/alpine gosu root ps aux',
    // BusyBox ps as real Alpine containers print it, as in
    // test/sim/docker/article-images.test.ts: gosu execs ps, so ps is PID 1 and alone.
    output: ['PID   USER     TIME  COMMAND', '    1 root      0:00 ps aux'],
  },
];

for (const { command, output } of CASES) {
  test(`the home page terminal runs: ${command}`, async ({ page }) => {
    await page.goto('/');
    const terminal = await readyTerminal(page);
    const [commandLine, ...rest] = await run(page, terminal, command);
    const table = rest.slice(0, -1).join('\n');
    expect({ commandLine, table: maskPsTable(table), next: rest.at(-1) }).toEqual({
      commandLine: PROMPT + command,
      table: maskPsTable(output.join('\n')),
      next: PROMPT,
    });
  });
}

test('a suggested command button types its command without running it', async ({ page }) => {
  await page.goto('/');
  const command = 'docker run --rm gosu/alpine gosu root ps aux';
  await page.getByRole('button', { name: command }).click();
  const terminal = await readyTerminal(page);
  await expect
    .poll(async () => (await bufferLines(terminal)).includes(PROMPT + command))
    .toBe(true);
  await expect(terminal.locator('.xterm-helper-textarea')).toBeFocused();
  expect((await bufferLines(terminal)).filter((line) => line.startsWith(PROMPT))).toEqual([
    PROMPT + command,
  ]);
});

test('the terminal is reachable and leavable with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  const input = page.locator('.xterm-helper-textarea');
  await expect(input).toHaveAttribute('aria-label', 'Terminal input');
  await input.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
  await expect(page.getByRole('checkbox', { name: 'Screen reader mode' })).toBeFocused();
});

test('virtual time follows real time: sleep 1 holds the prompt for a second', async ({ page }) => {
  await page.goto('/');
  const terminal = await readyTerminal(page);
  const started = Date.now();
  const transcript = await run(page, terminal, 'sleep 1');
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  expect(transcript).toEqual([PROMPT + 'sleep 1', PROMPT]);
});

test('the screen reader mode checkbox turns on xterm’s accessibility tree', async ({ page }) => {
  await page.goto('/');
  const terminal = await readyTerminal(page);
  await expect(terminal.locator('.xterm-accessibility-tree')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Screen reader mode' }).check();
  await expect(terminal.locator('.xterm-accessibility-tree')).toHaveCount(1);
});
