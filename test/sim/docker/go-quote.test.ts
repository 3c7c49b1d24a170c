import { describe, expect, it } from 'vitest';
import { goQuote } from '../../../src/sim/docker/go-quote.ts';

/**
 * Go's strconv.Quote (src/strconv/quote.go appendEscapedRune: `\` and `"`
 * backslashed, \a \b \f \n \r \t \v named, other control characters and
 * DEL as \xNN, printable Unicode kept). The docker 28.2.2 client on this
 * machine quotes a flag value with it:
 * `docker history -H=$'a\tb\a\x01\x7f\\"é' foo` printed
 * `invalid argument "a\tb\a\x01\x7f\\\"é" for "-H, --human" flag: …`.
 */
describe('goQuote', () => {
  it('escapes as strconv.Quote does', () => {
    expect(goQuote('a\tb\x07\x01\x7f\\"é')).toBe('"a\\tb\\a\\x01\\x7f\\\\\\"é"');
    expect(goQuote('\b\f\n\r\v')).toBe('"\\b\\f\\n\\r\\v"');
    expect(goQuote('')).toBe('""');
  });
});
