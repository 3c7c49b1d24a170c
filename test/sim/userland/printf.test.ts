import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRealText, textSession } from './support/text-world.ts';
import { describeToolCases } from './support/tool-cases.ts';

/** coreutils 9.1 printf; expected outputs recorded from /usr/bin/printf on Debian 12 (fixtures/printf.json). */
describeToolCases('printf', {
  'no operand': { argv: ['printf'] },
  'a plain format': { argv: ['printf', 'hello\\n'] },
  'the format is reused': { argv: ['printf', '%s %s\\n', 'a', 'b', 'c'] },
  'flags, widths, precisions': {
    argv: [
      'printf',
      '%5.2f|%-4s|%04d|%x|%o|%c|%b|%%\\n',
      '3.14159',
      'ab',
      '7',
      '255',
      '8',
      'xyz',
      'a\\nb',
    ],
  },
  'more conversions': {
    argv: [
      'printf',
      '%i %u %X %e %g %G %E\\n',
      '1',
      '2',
      '255',
      '1.5',
      '0.0001',
      '1e20',
      '12345.678',
    ],
  },
  '%g trims zeros': {
    argv: ['printf', '%g %g %g %g %#g\\n', '100000', '1000000', '0.5', '123.456', '1'],
  },
  'star width and precision': {
    argv: ['printf', '[%*d] [%.*s] [%-*s]\\n', '5', '42', '2', 'abcdef', '4', 'x'],
  },
  'sign flags': { argv: ['printf', '%+d % d %+.1f %#o %#x\\n', '5', '5', '2.25', '8', '255'] },
  'character constants': { argv: ['printf', '%d %d\\n', "'A", '"b'] },
  'not a number': { argv: ['printf', '%d\\n', 'abc'] },
  'partly a number': { argv: ['printf', '%d\\n', '3x'] },
  'out of range': { argv: ['printf', '%d\\n', '99999999999999999999'] },
  'negative as unsigned': { argv: ['printf', '%u %x\\n', '-1', '-1'] },
  'hex and octal arguments': { argv: ['printf', '%d %d\\n', '0x1f', '017'] },
  'a bad conversion': { argv: ['printf', '%z'] },
  'a lone percent': { argv: ['printf', 'abc%'] },
  'missing arguments': { argv: ['printf', '[%s] [%d] [%5s]\\n'] },
  'excess arguments': { argv: ['printf', 'x\\n', 'extra'] },
  'a bad hex escape': { argv: ['printf', 'a\\x'] },
  'escapes in the format': { argv: ['printf', '\\101\\x42\\u0043\\t\\"\\q\\\\\\n'] },
  '\\c in the format stops': { argv: ['printf', 'a\\cb'] },
  '%b with \\c stops': { argv: ['printf', '%b|%s\\n', 'x\\cy', 'z'] },
  '%b octal takes \\0NNN': { argv: ['printf', '%b\\n', '\\0101\\101'] },
  '%q quotes for the shell': { argv: ['printf', '%q %q %q\\n', 'a b', "it's", 'plain'] },
  '%c of nothing': { argv: ['printf', '[%c]\\n', ''] },
  'leading --': { argv: ['printf', '--', '%s\\n', 'x'] },
  '--version': { argv: ['printf', '--version'] },
  'float words': { argv: ['printf', '%f %f %.3e\\n', 'inf', '-nan', '-0'] },
});

const hasPrintf = process.platform === 'linux' && existsSync('/usr/bin/printf');

describe('printf on generated formats, against /usr/bin/printf', () => {
  const conversion = fc.tuple(
    fc.constantFrom('', '-', '0', '+', ' ', '#', '-0'),
    fc.constantFrom('', '1', '5', '12'),
    fc.constantFrom('', '.0', '.2', '.7'),
    fc.constantFrom('d', 'i', 'x', 'X', 'o', 'u', 's', 'f', 'e', 'g', 'E', 'G'),
  );
  const argument = fc.oneof(
    fc.integer({ min: -100000, max: 100000 }).map(String),
    // Doubles, not long doubles: subnormals are left out (src/sim/LIMITATIONS.md).
    fc
      .double({ min: -1e6, max: 1e6, noNaN: true })
      .filter((n) => n === 0 || Math.abs(n) > 1e-300)
      .map((n) => n.toPrecision(6)),
    fc.constantFrom('0', '-0', '', 'abc', '1e3', '0.0001234', '123456789'),
  );
  it.skipIf(!hasPrintf)('matches for any conversion and argument', () => {
    fc.assert(
      fc.property(conversion, argument, ([flags, width, precision, c], arg) => {
        const argv = ['printf', `[%${flags}${width}${precision}${c}]`, arg];
        expect(textSession().run(argv, { cwd: '/w', env: [] })).toEqual(runRealText({ argv }));
      }),
      { numRuns: 300 },
    );
  });
});
