import { describeToolCases } from './support/tool-cases.ts';

/** coreutils 9.1 wc; expected outputs recorded from /usr/bin/wc on Debian 12 (fixtures/wc.json). */
describeToolCases('wc', {
  'one file': { argv: ['wc', 'f3'] },
  'two files and a total': { argv: ['wc', 'f3', 'f2'] },
  '-l of one file': { argv: ['wc', '-l', 'f3'] },
  '-c of one file': { argv: ['wc', '-c', 'greet'] },
  '-w with a missing file': { argv: ['wc', '-w', 'f3', 'nope'] },
  'a missing file first': { argv: ['wc', 'nope', 'f3'] },
  '-L longest line': { argv: ['wc', '-L', 'tabs'] },
  '-lwmcL all columns': { argv: ['wc', '-lwmcL', 'tabs', 'greet'] },
  'standard input': { argv: ['wc'], stdin: 'a b c\nd\n' },
  '-l of standard input': { argv: ['wc', '-l'], stdin: 'a\nb\n' },
  'a directory': { argv: ['wc', 'd'] },
  'an empty file': { argv: ['wc', 'empty'] },
  'a bad option': { argv: ['wc', '--nope'] },
  '--vers, an abbreviation': { argv: ['wc', '--vers'] },
});
