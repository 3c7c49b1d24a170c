import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/sim/shell/parse-error.ts';
import { parse } from '../../../src/sim/shell/parser.ts';
import { runShell } from './harness.ts';

/** Single quotes around everything, `'\''` for a quote: the POSIX way to pass any word through. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
const word = fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).filter((w) => !w.includes('\0'));

describe('shell properties', () => {
  it('quoting round-trips: any words, quoted, reach a command unchanged (dash and bash)', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 5 }),
        fc.constantFrom('dash' as const, 'bash' as const),
        (words, shell) => {
          const script = `printf '[%s]' ${words.map(quote).join(' ')}`;
          const { stdout, status } = runShell(shell, ['-c', script]);
          expect(stdout).toBe(words.length === 0 ? '[]' : words.map((w) => `[${w}]`).join(''));
          expect(status).toBe(0);
        },
      ),
      { numRuns: 60, seed: 4 },
    );
  });

  it('the parser never throws: any text gives a script or a syntax error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (source) => {
        const result = parse(source);
        expect(result instanceof ParseError ? 'error' : result.type).toMatch(/^(error|script)$/);
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  const token = fc.constantFrom(
    'echo',
    'x=1',
    '$x',
    '"$@"',
    '${x:-a}',
    '${x#*}',
    '${x?}',
    '$((1+x))',
    '$((1/0))',
    '$(echo a)',
    '`echo b`',
    '*',
    '/*',
    '?',
    '[',
    ']',
    ';',
    '&&',
    '||',
    '|',
    '(',
    ')',
    '{',
    '}',
    'if',
    'then',
    'fi',
    'for',
    'in',
    'do',
    'done',
    'case',
    'esac',
    ';;',
    "'",
    '"',
    '\\',
    '>',
    '<',
    '2>&1',
    '<<E',
    'set',
    '-e',
    '-u',
    'shift',
    'exit',
    'return',
    'break',
    'f()',
    'local',
    'read',
    'test',
    '!',
    '\n',
    'true',
    'false',
    'nosuch',
    'cd',
    '/',
  );

  it('expansions and commands never throw out of the interpreter or crash the shell process', () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 10 }),
        fc.constantFrom('dash' as const, 'bash' as const, 'ash' as const),
        (tokens, shell) => {
          const { status, world } = runShell(shell, ['-c', tokens.join(' ')]);
          expect(Number.isInteger(status)).toBe(true);
          expect(world.kernel.crashes).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });
});
