import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeToolCases } from './support/tool-cases.ts';
import { runRealText, textSession } from './support/text-world.ts';
import { existsSync } from 'node:fs';

/** coreutils 9.1 echo; expected outputs recorded from /usr/bin/echo on Debian 12 (fixtures/echo.json). */
describeToolCases('echo', {
  'plain words': { argv: ['echo', 'hello', 'world'] },
  'no arguments': { argv: ['echo'] },
  '-n drops the newline': { argv: ['echo', '-n', 'a', 'b'] },
  '-e escapes': { argv: ['echo', '-e', 'a\\tb\\nc\\\\d\\x41\\0101\\e.'] },
  '-e \\c stops everything': { argv: ['echo', '-e', 'a\\cb', 'c'] },
  '-E turns escapes off again': { argv: ['echo', '-e', '-E', 'a\\tb'] },
  'combined letters are options': { argv: ['echo', '-neE', 'x'] },
  'other dashes are text': { argv: ['echo', '-x', '--', '-n-', '-'] },
  'unknown escapes stay': { argv: ['echo', '-e', '\\q\\u41\\x'] },
  'escapes without -e stay': { argv: ['echo', 'a\\tb'] },
  '--version alone': { argv: ['echo', '--version'] },
  '--version among others is text': { argv: ['echo', '--version', 'x'] },
});

const hasEcho = process.platform === 'linux' && existsSync('/usr/bin/echo');

describe('echo -e on generated text, against /usr/bin/echo', () => {
  const piece = fc.constantFrom(
    'a',
    ' ',
    '\\',
    'n',
    't',
    'c',
    'x',
    '0',
    '1',
    '7',
    '8',
    'f',
    'e',
    '-',
    'E',
  );
  it.skipIf(!hasEcho)('matches for any mix of escapes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
          { maxLength: 4 },
        ),
        (words) => {
          const argv = ['echo', '-e', ...words];
          expect(textSession().run(argv, { cwd: '/w', env: [] })).toEqual(runRealText({ argv }));
        },
      ),
      { numRuns: 150 },
    );
  });
});
