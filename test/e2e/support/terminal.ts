import { expect, type Locator, type Page } from '@playwright/test';
import type { StepdownTerminal } from '../../../src/terminal/element.ts';

export const PROMPT = 'learner@host:~$ ';

/** The first terminal on the page, once xterm has replaced the placeholder. */
export async function readyTerminal(page: Page): Promise<Locator> {
  const terminal = page.locator('stepdown-terminal[data-state="ready"]').first();
  await expect(terminal.locator('.xterm-screen')).toBeVisible();
  return terminal;
}

/** The terminal's buffer as text lines (the element's bufferText(), from translateToString(true)). */
export async function bufferLines(terminal: Locator): Promise<string[]> {
  const text = await terminal.evaluate((element) => (element as StepdownTerminal).bufferText());
  return text.split('\n');
}

/**
 * Types `command` as a user would, presses Enter and returns the transcript
 * from the command's line up to and including the next prompt.
 */
export async function run(page: Page, terminal: Locator, command: string): Promise<string[]> {
  await terminal.locator('.xterm-screen').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  // The screen must hold the command's line, then later a fresh prompt. On a
  // timeout the report shows the whole screen.
  const finished = new RegExp(`^${escape(PROMPT + command)}$[\\s\\S]*^${escape(PROMPT)}`, 'm');
  await expect
    .poll(async () => (await bufferLines(terminal)).join('\n'), {
      message: `waiting for the prompt after ${JSON.stringify(command)}`,
    })
    .toMatch(finished);
  const transcript = commandTranscript(await bufferLines(terminal), command);
  if (!transcript) throw new Error('the transcript vanished from the screen');
  return transcript;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function commandTranscript(lines: string[], command: string): string[] | undefined {
  const start = lines.lastIndexOf(PROMPT + command);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith(PROMPT));
  return end < 0 ? undefined : lines.slice(start, end + 1);
}
