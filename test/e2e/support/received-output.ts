import type { Page } from '@playwright/test';

/** The prompt without its trailing space (a line of xterm's buffer is trimmed). */
export const PROMPT_LINE = 'learner@host:~$';

/**
 * Keeps every piece of output the simulator's worker posts to the page in
 * `window.received`. Call before navigating. The screen cannot tell whether a
 * prompt came: a fork bomb's children scroll it out of xterm's buffer at once.
 */
export async function recordReceivedOutput(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { received: string };
    w.received = '';
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (event: MessageEvent<{ type: string; data: string }>) => {
          if (event.data.type === 'output') w.received += event.data.data;
        });
      }
    };
  });
}

/** Whether the output received after the last `^C` echo holds a fresh prompt. */
export function promptReceivedAfterCtrlC(page: Page): Promise<boolean> {
  return page.evaluate((prompt) => {
    const received = (window as unknown as { received: string }).received;
    const interrupted = received.lastIndexOf('^C');
    return interrupted >= 0 && received.slice(interrupted).includes(`\n${prompt}`);
  }, PROMPT_LINE);
}
