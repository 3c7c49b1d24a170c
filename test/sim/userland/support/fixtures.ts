import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ToolRun } from './lab-session.ts';

/**
 * Fixtures recorded from the real tools: `RECORD_FIXTURES=1 npx vitest run
 * test/sim/userland` on a Debian 12 machine (coreutils 9.1, findutils
 * 4.9.0, grep 3.8, shadow 4.13) rewrites them from the real binaries; a
 * normal run compares the simulator with the recorded outputs.
 */
export const RECORDING = process.env.RECORD_FIXTURES === '1';

export type Fixture = Record<string, ToolRun>;

export function loadFixture(name: string): Fixture {
  const path = fixturePath(name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Fixture) : {};
}

export function saveFixture(name: string, fixture: Fixture): void {
  writeFileSync(fixturePath(name), JSON.stringify(fixture, null, 2) + '\n');
}

function fixturePath(name: string): string {
  return new URL(`../fixtures/${name}.json`, import.meta.url).pathname;
}
