/**
 * How many terminal columns a character occupies, in the spirit of wcwidth
 * and of xterm.js's default (Unicode 6) width table: East Asian wide
 * characters take two columns, combining marks and zero-width format
 * characters take none, everything else printable takes one.
 */

/** Inclusive code point ranges drawn two columns wide. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0xa4cf], // CJK radicals ... Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x20000, 0x3fffd], // CJK extension planes
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]$/u;

function isWide(cp: number): boolean {
  for (const [low, high] of WIDE_RANGES) {
    if (cp >= low && cp <= high) return true;
  }
  return false;
}

/** True for combining marks and zero-width characters that attach to the previous cell. */
export function isZeroWidth(cp: number): boolean {
  return cp >= 0x300 && ZERO_WIDTH.test(String.fromCodePoint(cp));
}

/** Columns taken by one printable code point: 0, 1 or 2. */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x300) return 1;
  if (isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
}

/**
 * Splits text into cells: a base character followed by the zero-width
 * characters that combine with it. A zero-width character with nothing
 * before it forms a cell of its own (of width 0).
 */
export function splitCells(text: string): string[] {
  const cells: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const last = cells.length - 1;
    if (last >= 0 && isZeroWidth(cp)) cells[last] = (cells[last] ?? '') + ch;
    else cells.push(ch);
  }
  return cells;
}

/** Width of a cell: the width of its first code point. */
export function cellWidth(cell: string): 0 | 1 | 2 {
  return charWidth(cell.codePointAt(0) ?? 0);
}
