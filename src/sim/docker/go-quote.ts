const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/**
 * Go's %q for a string (strconv.Quote, as docker and the daemon print it):
 * double quotes, a backslash before `"` and `\`, \a \b \f \n \r \t \v, other
 * control characters as \xNN; printable Unicode is kept.
 */
export function goQuote(text: string): string {
  const escaped = text.replace(
    /[\\"\x00-\x1f\x7f]/g,
    (c) => ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return `"${escaped}"`;
}
