import { describeToolCases } from './support/tool-cases.ts';

/** coreutils 9.1 cat; expected outputs recorded from /usr/bin/cat on Debian 12 (fixtures/cat.json). */
describeToolCases('cat', {
  'one file': { argv: ['cat', 'f3'] },
  'several files and a missing one': { argv: ['cat', 'f2', 'nope', 'f3'] },
  'standard input': { argv: ['cat'], stdin: 'from stdin\n' },
  '- among files': { argv: ['cat', 'f3', '-', 'f2'], stdin: 'middle\n' },
  'a directory': { argv: ['cat', 'd'] },
  '-n numbers lines across files': { argv: ['cat', '-n', 'f2', 'f3'] },
  '-b numbers non-blank lines': { argv: ['cat', '-b', 'tabs'] },
  '-s squeezes blank lines': { argv: ['cat', '-s', 'tabs'] },
  '-A shows everything': { argv: ['cat', '-A', 'tabs'] },
  '-E and -T': { argv: ['cat', '-ET', 'tabs'] },
  'a name needing quotes': { argv: ['cat', 'a b', 'a:b', "it's"] },
  'a bad option': { argv: ['cat', '-z'] },
  'a bad long option': { argv: ['cat', '--nope'] },
  '--version': { argv: ['cat', '--version'] },
});
