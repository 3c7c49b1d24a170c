import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { loadFixture, RECORDING, saveFixture, type Fixture } from './fixtures.ts';
import { runRealText, textSession, type ToolCase } from './text-world.ts';

const canRunReal = (name: string) => process.platform === 'linux' && existsSync(`/usr/bin/${name}`);

/**
 * One table of cases, run three ways: against the fixture recorded from
 * the real tool (always), against the real /usr/bin tool when this
 * machine has it (the differential check), and, with RECORD_FIXTURES=1,
 * to rewrite the fixture from the real tool.
 */
export function describeToolCases(
  fixtureName: string,
  cases: Readonly<Record<string, ToolCase>>,
): void {
  const fixture = loadFixture(fixtureName);
  const recorded: Fixture = {};
  describe(`${fixtureName}: as recorded from the real tool`, () => {
    for (const [name, c] of Object.entries(cases)) {
      it(name, () => {
        if (RECORDING) recorded[name] = runRealText(c);
        const expected = RECORDING ? recorded[name] : fixture[name];
        expect(expected, `no recording for "${name}": run with RECORD_FIXTURES=1`).toBeDefined();
        expect(textSession().run(c.argv, { cwd: '/w', stdin: c.stdin ?? '', env: [] })).toEqual(
          expected,
        );
      });
    }
  });
  describe(`${fixtureName}: against the real tool on this machine`, () => {
    for (const [name, c] of Object.entries(cases)) {
      it.skipIf(!canRunReal(c.argv[0] ?? ''))(name, () => {
        expect(textSession().run(c.argv, { cwd: '/w', stdin: c.stdin ?? '', env: [] })).toEqual(
          runRealText(c),
        );
      });
    }
  });
  afterAll(() => {
    if (RECORDING) saveFixture(fixtureName, recorded);
  });
}
