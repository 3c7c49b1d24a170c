import { expect, test } from '@playwright/test';
import { maskPsRows } from '../support/ps-table.ts';
import { bufferLines, PROMPT, readyTerminal, run } from './support/terminal.ts';

/**
 * The home page's two suggested commands, each asserted as a whole transcript
 * with the volatile ps columns masked (test/support/ps-table.ts).
 */
const CASES = [
  {
    command: 'docker run --rm ubuntu:trusty sudo ps aux',
    // gosu README, "Why?" (https://github.com/tianon/gosu#why): procps 3.3 on trusty;
    // sudo stays PID 1 and ps runs as its child.
    output: [
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root         1  3.0  0.0  46020  3144 ?        Ss+  02:22   0:00 sudo ps aux',
      'root         7  0.0  0.0  15576  2172 ?        R+   02:22   0:00 ps aux',
    ],
  },
  {
    command: 'docker run --rm gosu/alpine gosu root ps aux',
    // BusyBox ps on Alpine (header and row format of procps/ps.c in BusyBox);
    // gosu execs ps, so ps is PID 1.
    output: ['PID   USER     TIME  COMMAND', '    1 root      0:00 ps aux'],
  },
];

for (const { command, output } of CASES) {
  test(`the home page terminal runs: ${command}`, async ({ page }) => {
    await page.goto('/');
    const terminal = await readyTerminal(page);
    const transcript = await run(page, terminal, command);
    expect(maskPsRows(transcript)).toEqual(maskPsRows([PROMPT + command, ...output, PROMPT]));
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
