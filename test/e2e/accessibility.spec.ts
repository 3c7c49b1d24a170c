import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from './support/built-pages.ts';
import { bufferLines, PROMPT, readyTerminal, run } from './support/terminal.ts';

/** axe's findings as readable lines: rule, impact, and the nodes it names. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

// Four axe passes and two page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

for (const path of builtPages()) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe: ${path} in ${colorScheme}, before the terminal loads, with it open, after output and in screen reader mode`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      // The placeholder, before anything triggers the terminal: block its chunk.
      await page.route(/\/mount\.[^/]*\.js$/, (route) => route.abort());
      await page.goto(path);
      await expect(page.locator('stepdown-terminal .placeholder').first()).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);

      await page.unroute(/\/mount\.[^/]*\.js$/);
      await page.goto(path);
      const terminal = await readyTerminal(page);
      expect(await axeViolations(page)).toEqual([]);

      await run(page, terminal, 'echo "<b>bold</b> text"; ls /nonexistent');
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('checkbox').first().check();
      await expect(terminal.locator('.xterm-accessibility-tree')).toHaveCount(1);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('keyboard only: Tab reaches the terminal, a command runs, Esc then Tab leaves', async ({
  page,
}) => {
  await page.goto('/');
  await readyTerminal(page);
  const input = page.locator('.xterm-helper-textarea').first();
  // From the top of the page, Tab until the terminal's input has focus.
  let presses = 0;
  while (!(await input.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    presses += 1;
    expect(presses, 'Tab presses before the terminal input').toBeLessThan(30);
  }
  await page.keyboard.type('echo typed with keys');
  await page.keyboard.press('Enter');
  const terminal = page.locator('stepdown-terminal').first();
  await expect
    .poll(async () => (await bufferLines(terminal)).filter((line) => line !== '').slice(-3))
    .toEqual([PROMPT + 'echo typed with keys', 'typed with keys', PROMPT]);
  // Tab alone stays in the shell (completion) …
  await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  // … Esc then Tab moves on, and Shift+Tab comes back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(input).toBeFocused();
});
