/**
 * The browser half of `npm run bench`: the built site (dist/, `npm run
 * build` first) in headless Chromium, driven by Playwright.
 *
 * - Time from navigation start to a terminal ready for input (the element's
 *   `stepdown:terminal-ready` mark, set once the first prompt is on screen),
 *   median of several cold loads.
 * - For each runaway command: the longest main-thread task while it runs
 *   (Long Tasks API, which reports tasks of 50 ms or more, and the largest
 *   gap in a setTimeout(0) chain, which sees shorter ones too), the
 *   slowest answer to a script call from outside (page round trip, asked
 *   every 250 ms), and the time from Ctrl-C to the next prompt in the output
 *   the page receives.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/e2e/support/chromium.ts';
import {
  promptReceivedAfterCtrlC,
  recordReceivedOutput,
} from '../test/e2e/support/received-output.ts';
import { TERMINAL_READY_MARK } from '../src/terminal/ready-mark.ts';

export interface BrowserNumbers {
  readyMs: number[];
  runaway: {
    command: string;
    longTaskMs: number;
    longestGapMs: number;
    roundTripMs: number;
    promptAfterCtrlCMs: number | undefined;
  }[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function openReady(
  browser: Browser,
  url: string,
  prepare: (page: Page) => Promise<void> = () => Promise.resolve(),
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await prepare(page);
  await page.goto(url);
  await page.waitForSelector('stepdown-terminal[data-state="ready"]', { timeout: 30_000 });
  return page;
}

async function timeToReady(browser: Browser, url: string): Promise<number> {
  const page = await openReady(browser, url);
  const ms = await page.evaluate(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
    TERMINAL_READY_MARK,
  );
  await page.context().close();
  return ms;
}

async function runaway(
  browser: Browser,
  url: string,
  command: string,
  runMs: number,
): Promise<BrowserNumbers['runaway'][number]> {
  // The prompt is looked for in the output the page receives: a fork bomb's children scroll it
  // out of xterm's buffer at once (as in test/e2e/runaway.spec.ts).
  const page = await openReady(browser, url, recordReceivedOutput);
  await page.evaluate(() => {
    const w = window as unknown as { longTask: number; gap: number; stop: boolean };
    w.longTask = 0;
    w.gap = 0;
    w.stop = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTask = Math.max(w.longTask, entry.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (): void => {
      const now = performance.now();
      w.gap = Math.max(w.gap, now - last);
      last = now;
      if (!w.stop) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  });
  await page.locator('.xterm-screen').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  let roundTripMs = 0;
  for (const end = Date.now() + runMs; Date.now() < end;) {
    const asked = Date.now();
    await page.evaluate(() => 1);
    roundTripMs = Math.max(roundTripMs, Date.now() - asked);
    await page.waitForTimeout(250);
  }
  const pressed = Date.now();
  await page.keyboard.press('Control+c');
  let promptAfterCtrlCMs: number | undefined;
  for (;;) {
    if (await promptReceivedAfterCtrlC(page)) {
      promptAfterCtrlCMs = Date.now() - pressed;
      break;
    }
    if (Date.now() - pressed > 10_000) break;
    await page.waitForTimeout(20);
  }
  const { longTask, gap } = await page.evaluate(() => {
    const w = window as unknown as { longTask: number; gap: number; stop: boolean };
    w.stop = true;
    return { longTask: w.longTask, gap: w.gap };
  });
  await page.context().close();
  return { command, longTaskMs: longTask, longestGapMs: gap, roundTripMs, promptAfterCtrlCMs };
}

export const RUNAWAY_COMMANDS = [
  'while :; do :; done',
  // The classic `:(){ :|:& };:` spelled with a plain name.
  'f(){ f|f& }; f',
  'yes',
  'cat /dev/zero',
];

export async function measureBrowser(baseUrl: string, loads = 7): Promise<BrowserNumbers> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const url = `${baseUrl}/`;
    const readyMs: number[] = [];
    for (let i = 0; i < loads; i++) readyMs.push(await timeToReady(browser, url));
    const results: BrowserNumbers['runaway'] = [];
    for (const command of RUNAWAY_COMMANDS)
      results.push(await runaway(browser, url, command, 2000));
    return { readyMs, runaway: results };
  } finally {
    await browser.close();
  }
}

export function browserRows(numbers: BrowserNumbers): string[] {
  const fmt = (ms: number | undefined): string =>
    ms === undefined ? 'none within 10 s' : `${ms.toFixed(0)} ms`;
  const rows = [
    `navigation start → terminal ready for input (median of ${numbers.readyMs.length} cold loads): ` +
      `${fmt(median(numbers.readyMs))} (min ${fmt(Math.min(...numbers.readyMs))}, max ${fmt(Math.max(...numbers.readyMs))})`,
  ];
  for (const r of numbers.runaway) {
    rows.push(
      `${JSON.stringify(r.command)}: longest main-thread task ${r.longTaskMs === 0 ? 'none ≥ 50 ms' : fmt(r.longTaskMs)}, ` +
        `largest setTimeout(0) gap ${fmt(r.longestGapMs)}, page round trip ${fmt(r.roundTripMs)}, ` +
        `Ctrl-C → prompt ${fmt(r.promptAfterCtrlCMs)}`,
    );
  }
  return rows;
}
