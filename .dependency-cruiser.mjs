// The layering rules of docs/architecture.md, checked by `npm run lint`
// (`depcruise src test bin`) and proven to bite by test/layering/layering.test.ts.
// .astro files are outside dependency-cruiser's reach: eslint.config.js repeats
// the "only through index.ts" and "@xterm only in src/terminal" rules for them.

/** The modules of the shells' paged parts (src/sim/pieces/shell.ts, ADR 0011). */
const PAGED_SHELL_PARTS =
  '^src/sim/shell/(arith|arithmetic|conditional|builtins/(alias|bash-builtins|getopts|job-control|lookup|printf|process|read|test))[.]ts$';

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
export const forbidden = [
  {
    name: 'sim-is-pure',
    comment:
      'src/sim is pure TypeScript: it imports nothing outside src/sim (no DOM libraries, ' +
      'no @xterm/*, no astro, no Node built-ins, no other module of the site).',
    severity: 'error',
    from: { path: '^src/sim/' },
    to: { pathNot: '^src/sim/' },
  },
  {
    name: 'sim-only-through-index',
    comment:
      'Outside src/sim, the simulator is used through its entries only: src/sim/index.ts ' +
      '(every piece at hand) or src/sim/index-on-demand.ts (pieces fetched on demand, ADR 0010). ' +
      'test/sim mirrors src/sim and may test its internals; the scripts that generate ' +
      'src/sim modules (scripts/embed-*) write in its internal formats.',
    severity: 'error',
    from: { pathNot: ['^src/sim/', '^test/sim/', '^scripts/embed-[^/]+$'] },
    to: { path: '^src/sim/', pathNot: '^src/sim/index(-on-demand)?[.]ts$' },
  },
  {
    name: 'shell-parts-are-paged',
    comment:
      "The shells' rarer parts (ADR 0011) are reached through src/sim/shell/paged.ts, which " +
      'faults them in: imported from elsewhere in the simulator they would be back in the ' +
      "worker's first chunk. They may import each other; the pieces that carry them, and the " +
      "commands piece's coreutils, may import them.",
    severity: 'error',
    from: {
      path: '^src/sim/',
      pathNot: [PAGED_SHELL_PARTS, '^src/sim/pieces/shell[.]ts$', '^src/sim/userland/coreutils/'],
    },
    to: { path: PAGED_SHELL_PARTS, dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'xterm-only-in-terminal',
    comment: 'src/terminal is the only code that imports @xterm/* (and its tests).',
    severity: 'error',
    from: { pathNot: ['^src/terminal/', '^test/terminal/'] },
    to: { path: '(^|/)node_modules/@xterm/' },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^test/layering/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
