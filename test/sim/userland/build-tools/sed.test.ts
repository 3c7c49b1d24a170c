import { describe, expect, it } from 'vitest';
import { textSession } from '../support/text-world.ts';
import { describeToolCases } from '../support/tool-cases.ts';

/**
 * GNU sed 4.9: expected outputs recorded from /usr/bin/sed on Debian 12
 * (fixtures/sed.json, RECORD_FIXTURES=1) and compared with it live when present.
 */
describeToolCases('sed', {
  's with & and a ! delimiter': { argv: ['sed', 's!b!&&!', 'f3'] },
  '-r groups and \\1': { argv: ['sed', '-r', 's!^(l[a-z]+) ([0-9]+)$!\\2 \\1!', 'many'] },
  '-E, global': { argv: ['sed', '-E', 's/o+/0/g', 'greet'] },
  'BRE groups': { argv: ['sed', 's/\\(hel\\)lo/\\1p/', 'greet'] },
  'the second occurrence': { argv: ['sed', 's/l/L/2', 'greet'] },
  '-n with p': { argv: ['sed', '-n', '/foo/p', 'greet', 'other'] },
  'addresses: line, $, negation': { argv: ['sed', '-e', '2d', '-e', '$!s/^/> /', 'many'] },
  'q after the third line': { argv: ['sed', '3q', 'many'] },
  'd by pattern with escaped slashes': { argv: ['sed', '/a\\/b/d'], stdin: 'a/b\nc\n' },
  'standard input without a final newline': { argv: ['sed', 's/x/y/'], stdin: 'x\nxx' },
  'unterminated s': { argv: ['sed', 's/a/b'] },
  'unknown option to s': { argv: ['sed', 's/a/b/x', 'f3'] },
  'invalid reference': { argv: ['sed', '-r', 's/(a)/\\2/', 'f3'] },
  'unknown command': { argv: ['sed', 'k', 'f3'] },
  'missing command': { argv: ['sed', '/a/', 'f3'] },
  'a missing file': { argv: ['sed', 's/a/b/', 'nope', 'f3'] },
  'no script': { argv: ['sed'] },
  'a bad option': { argv: ['sed', '--nope'] },
  '--version': { argv: ['sed', '--version'] },
});

describe('sed commands the simulator does not model', () => {
  it('says so (LIMITATIONS.md) instead of calling a real command unknown', () => {
    // GNU sed 4.9 has y (sed(1)); real `sed y/ab/cd/ f3` would transliterate.
    expect(textSession().run(['sed', 'y/ab/cd/', 'f3'], { cwd: '/w', env: [] })).toEqual({
      stdout: '',
      stderr: 'sed: y: not implemented in this simulator\n',
      status: 1,
    });
  });
});
