/**
 * Playwright cannot download browsers on these machines; the tests drive
 * Debian's Chromium (docs: ../shared/docs/stack.md, "Browser tests").
 * STEPDOWN_CHROMIUM points elsewhere on other machines.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.STEPDOWN_CHROMIUM ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's: apt-get update && apt-get install -y chromium ` +
        '(or set STEPDOWN_CHROMIUM to a Chromium or Chrome executable).',
    );
  }
  return path;
}

/**
 * No --user-data-dir here: Playwright refuses it in launch() and gives every
 * launched browser a fresh temporary profile of its own, which is what we want.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumPath(), args: ARGS };
}
