/**
 * Proves the layering rules bite: fixtures under ./fixtures break each rule
 * once, and the same rules `npm run lint` uses must report exactly those.
 */
import { cruise, type IViolation } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import config from '../../.dependency-cruiser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));

function summarise(violation: IViolation): string {
  const to = violation.to.replace(/^.*node_modules\/(@xterm\/xterm|astro)\/.*$/, '$1');
  return `${violation.rule.name}: ${violation.from} -> ${to}`;
}

describe('dependency-cruiser layering rules', () => {
  it('reports every fixture that breaks a rule, and nothing else', async () => {
    // How `npm run lint` resolves modules; not its exclusion of these very fixtures.
    const { doNotFollow, tsPreCompilationDeps, enhancedResolveOptions } = config.options ?? {};
    const result = await cruise(['src'], {
      doNotFollow,
      tsPreCompilationDeps,
      enhancedResolveOptions,
      baseDir: fixtures,
      ruleSet: { forbidden: config.forbidden ?? [] },
      validate: true,
    });
    if (typeof result.output === 'string') throw new Error('expected a cruise result object');
    const found = result.output.summary.violations.map(summarise).sort();
    expect(found).toEqual([
      'shell-parts-are-paged: src/sim/shell/expand.ts -> src/sim/shell/arith.ts',
      'sim-is-pure: src/sim/kernel/leaves-sim.ts -> src/i18n/strings.ts',
      'sim-is-pure: src/sim/kernel/uses-astro.ts -> astro',
      'sim-is-pure: src/sim/kernel/uses-node.ts -> fs',
      'sim-is-pure: src/sim/kernel/uses-xterm.ts -> @xterm/xterm',
      'sim-only-through-index: src/terminal/reaches-in.ts -> src/sim/kernel/pure.ts',
      'xterm-only-in-terminal: src/components/uses-xterm.ts -> @xterm/xterm',
      'xterm-only-in-terminal: src/sim/kernel/uses-xterm.ts -> @xterm/xterm',
    ]);
  });
});

describe('ESLint layering rules for .astro files', () => {
  const eslint = new ESLint({ cwd: root, ignore: false });

  it('rejects a component that reaches into src/sim or imports @xterm', async () => {
    const [result] = await eslint.lintFiles([`${fixtures}/src/components/ReachesIn.astro`]);
    const messages = (result?.messages ?? []).map((m) => `${String(m.ruleId)}: line ${m.line}`);
    expect(messages).toEqual(['no-restricted-imports: line 2', 'no-restricted-imports: line 4']);
  });

  it('accepts a component that goes through src/sim/index.ts', async () => {
    const [result] = await eslint.lintFiles([`${fixtures}/src/components/ThroughIndex.astro`]);
    expect(result?.messages).toEqual([]);
  });
});

describe('src/sim/tsconfig.json', () => {
  it('has no DOM: a simulator file that touches document does not compile', () => {
    const configPath = `${root}src/sim/tsconfig.json`;
    const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path)) as {
      config: unknown;
    };
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, `${root}src/sim`);
    const program = ts.createProgram([`${fixtures}/src/sim/kernel/uses-dom.ts`], options);
    const errors = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([
      "Cannot find name 'document'. Do you need to change your target library? Try changing the 'lib' compiler option to include 'dom'.",
    ]);
  });
});
