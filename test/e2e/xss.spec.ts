import { expect, test, type Page } from '@playwright/test';
import { bufferLines, PROMPT, readyTerminal, run } from './support/terminal.ts';

/**
 * What a learner types, what a command prints and what a URL carries render
 * as text: no markup, no script, no dialog, no title change, no clipboard
 * write, no element injected.
 */
function watchForScript(page: Page): string[] {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Records clipboard writes, which an OSC 52 sequence would ask for. */
async function spyOnClipboard(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const writes: string[] = [];
    (window as unknown as { clipboardWrites: string[] }).clipboardWrites = writes;
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: (text: string) => {
          writes.push(text);
          return Promise.resolve();
        },
        readText: () => Promise.resolve(''),
      },
    });
  });
}

async function injected(page: Page): Promise<number> {
  return page.locator('stepdown-terminal img, stepdown-terminal script, img[src="x"]').count();
}

const IMG = '<img src=x onerror=alert(1)>';

test('typed markup is a shell syntax error, printed as text', async ({ page }) => {
  const problems = watchForScript(page);
  await page.goto('/');
  const terminal = await readyTerminal(page);
  // Real bash 5.2.15, interactive: `<img src=x onerror=alert(1)>` fails at the `(`
  // (as test/terminal/host-session.test.ts has it).
  expect(await run(page, terminal, IMG)).toEqual([
    PROMPT + IMG,
    "bash: syntax error near unexpected token `('",
    PROMPT,
  ]);
  expect(await run(page, terminal, `echo '${IMG}'`)).toEqual([
    `${PROMPT}echo '${IMG}'`,
    IMG,
    PROMPT,
  ]);
  expect(await injected(page)).toBe(0);
  expect(problems).toEqual([]);
});

test('escape sequences in output neither set the title nor write the clipboard', async ({
  page,
}) => {
  const problems = watchForScript(page);
  await spyOnClipboard(page);
  await page.goto('/');
  const terminal = await readyTerminal(page);
  const title = await page.title();
  // OSC 0 (window title) and OSC 52 (clipboard: "hello" in base64): nothing visible.
  const osc = "printf '\\033]0;pwned\\007\\033]52;c;aGVsbG8=\\007'";
  expect(await run(page, terminal, osc)).toEqual([PROMPT + osc, PROMPT]);
  // OSC 8, a hyperlink to javascript:: its text only.
  const link = "printf '\\033]8;;javascript:alert(1)\\033\\\\link\\033]8;;\\033\\\\\\n'";
  expect(await run(page, terminal, link)).toEqual([PROMPT + link, 'link', PROMPT]);
  expect(await page.title()).toBe(title);
  expect(
    await page.evaluate(() => (window as unknown as { clipboardWrites: string[] }).clipboardWrites),
  ).toEqual([]);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('an over-long line is one unknown command, and the terminal goes on', async ({ page }) => {
  const problems = watchForScript(page);
  await page.goto('/');
  const terminal = await readyTerminal(page);
  await terminal.locator('.xterm-screen').click();
  const long = 'x'.repeat(20_000);
  await page.keyboard.insertText(long);
  await page.keyboard.press('Enter');
  // The line wraps on screen: read the rows joined, runs of x counted. Bash answers
  // "bash: x…x: command not found" (as for any unknown name).
  const summary = async () =>
    (await bufferLines(terminal)).join('').replace(/x+/g, (run) => `x*${run.length}`);
  await expect
    .poll(summary, { timeout: 15_000 })
    .toBe(`${PROMPT}x*${long.length}bash: x*${long.length}: command not found${PROMPT}`);
  expect(await run(page, terminal, 'echo still here')).toEqual([
    PROMPT + 'echo still here',
    'still here',
    PROMPT,
  ]);
  expect(problems).toEqual([]);
});

test('URL parameters and fragments are never rendered as markup', async ({ page }) => {
  const problems = watchForScript(page);
  const hostile = encodeURIComponent(`"><script>alert(1)</script>${IMG}`);
  for (const path of [`/?cmd=${hostile}&q=${hostile}`, `/zh-cn/?x=${hostile}#${hostile}`]) {
    await page.goto(path);
    await readyTerminal(page);
    expect(await injected(page)).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  }
  expect(problems).toEqual([]);
});
