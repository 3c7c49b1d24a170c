/**
 * How coreutils 9.1 quotes file names in messages (gnulib quotearg.c, the
 * shell-escape styles), in the POSIX locale containers run in: names that a
 * shell would misread go in single quotes, a name with a single quote in
 * double quotes, control and non-ASCII bytes as $'\t' or $'\303\251'.
 * Checked with /usr/bin/cat on Debian 12 (`env -i cat 'a b'` and friends).
 */

/** Shell metacharacters quotearg quotes anywhere in a name. */
const SPECIAL = new Set(Array.from(' !"$&()*;<=>?[\\^`|\''));
const ESCAPES: Record<string, string> = {
  '\x07': 'a',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\v': 'v',
};

/** quote(): always quoted, as in "cannot access 'x'". */
export function quote(name: string): string {
  return shellEscape(name, true, false);
}

/** quotef(): quoted only when needed, with ":" also needing it (cat: a~: …, cat: 'a:b': …). */
export function quoteFileColon(name: string): string {
  return shellEscape(name, false, true);
}

/** quotearg shell-escape style: quoted only when needed. */
export function quoteIfNeeded(name: string): string {
  return shellEscape(name, false, false);
}

function shellEscape(name: string, always: boolean, colon: boolean): string {
  const bytes = utf8Bytes(name);
  const unprintable = bytes.some((b) => b < 0x20 || b >= 0x7f);
  if (!always && !unprintable && !needsQuotes(name, colon)) return name;
  if (!unprintable) return quotePrintable(name);
  return escapeRuns(bytes);
}

function needsQuotes(name: string, colon: boolean): boolean {
  if (name === '' || name === '{' || name === '}') return true;
  if (name.startsWith('#') || name.startsWith('~')) return true;
  return Array.from(name).some((ch) => SPECIAL.has(ch) || (colon && ch === ':'));
}

function quotePrintable(name: string): string {
  if (!name.includes("'")) return `'${name}'`;
  if (!/["$`\\!]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, "'\\''")}'`;
}

/** Printable runs in '…', the others as $'…' with C escapes or octal bytes. */
function escapeRuns(bytes: number[]): string {
  let result = '';
  let run = '';
  let inEscape = false;
  const flush = () => {
    if (run !== '') result += inEscape ? `$'${run}'` : `'${run.replace(/'/g, "'\\''")}'`;
    run = '';
  };
  for (const b of bytes) {
    const printable = b >= 0x20 && b < 0x7f;
    if (printable === inEscape) {
      flush();
      inEscape = !printable;
    }
    const ch = String.fromCharCode(b);
    run += printable
      ? ch
      : ESCAPES[ch]
        ? `\\${ESCAPES[ch]}`
        : `\\${b.toString(8).padStart(3, '0')}`;
  }
  flush();
  return result;
}

/** The UTF-8 encoding of a string (no TextEncoder: src/sim has no DOM or Node types). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      bytes.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  return bytes;
}
