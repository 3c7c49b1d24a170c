import { expect, test } from '@playwright/test';
import { traceMainThread } from './support/main-thread-trace.ts';
import { readyTerminal } from './support/terminal.ts';

/**
 * Mounting the terminal keeps the page responsive and still (issue 6's
 * Lighthouse targets: total blocking time and layout shift). xterm's setup
 * is about 100 ms of script on a desktop; src/terminal/mount.ts splits it
 * into tasks (create, open, fit, log in) and reads sizes only from a
 * ResizeObserver, after layout. The screen's box is sized by CSS before
 * xterm arrives (Terminal.astro).
 */

/** A phone, as Lighthouse's mobile run emulates one. */
test.use({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });

test('mounting the terminal forces no layout but xterm’s own font measurement, and no task runs 50 ms of CPU', async ({
  page,
  browser,
}) => {
  const mainThread = await traceMainThread(browser, page, async () => {
    await page.goto('/');
    await readyTerminal(page);
  });
  // xterm measures its font with a hidden element (CharSizeService and the DOM renderer's
  // WidthCache, both `_measure`): that layout is the only one script may force. Reading
  // clientWidth or fitting outside a ResizeObserver callback would force the page's.
  expect(mainThread.forcedLayouts.filter((line) => !/ forced by _measure\b/.test(line))).toEqual(
    [],
  );
  // The Long Tasks API's threshold (50 ms), in CPU time so other work on the machine
  // does not count. One task for the whole mount took 55-65 ms; split, the largest
  // (xterm's open) takes 20-30 ms.
  expect(Math.max(...mainThread.taskCpuMs)).toBeLessThan(50);
});

for (const viewport of [
  { width: 412, height: 823 },
  { width: 1280, height: 800 },
]) {
  test(`at ${viewport.width}×${viewport.height} the terminal's rows and columns fit inside the screen's padding: none is cut off`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const terminal = await readyTerminal(page);
    const overflow = await terminal.evaluate((element) => {
      const screen = element.querySelector<HTMLElement>('[data-screen]');
      const grid = element.querySelector('.xterm-screen');
      if (!screen || !grid) throw new Error('no screen or no xterm grid');
      const style = getComputedStyle(screen);
      const outer = screen.getBoundingClientRect();
      const inner = {
        right: outer.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
        bottom:
          outer.bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom),
      };
      const rows = grid.getBoundingClientRect();
      return {
        right: Math.max(0, Math.round(rows.right - inner.right)),
        bottom: Math.max(0, Math.round(rows.bottom - inner.bottom)),
      };
    });
    // Before: FitAddon sized the grid to the padded border box: 11-18 px too tall, up to 4 px too wide.
    expect(overflow).toEqual({ right: 0, bottom: 0 });
  });
}

test('the terminal replaces its placeholder without shifting the page (CLS 0)', async ({
  page,
}) => {
  await page.goto('/');
  const screen = page.locator('stepdown-terminal [data-screen]').first();
  const before = await screen.boundingBox();
  await readyTerminal(page);
  // Two frames after ready, so a shift from the first prompt's render is reported too.
  const shifts = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const entries = performance.getEntriesByType('layout-shift') as (PerformanceEntry & {
              value: number;
            })[];
            resolve(entries.map((entry) => entry.value));
          }),
        );
      }),
  );
  expect({ shifts, box: await screen.boundingBox() }).toEqual({ shifts: [], box: before });
});
