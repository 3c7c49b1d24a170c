/**
 * A stop-gap word splitter for the first host shell: quotes and backslashes
 * as POSIX describes them (XCU 2.2), nothing else. The real lexer, parser and
 * expansions come with the POSIX shell; until then anything beyond simple
 * commands is refused, never guessed.
 */
export type SplitResult =
  | { readonly words: string[] }
  | { readonly unsupported: string }
  | { readonly unterminated: string };

const OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')', '`', '$']);

export function splitWords(line: string): SplitResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (ch === '#' && !inWord) {
      break;
    } else if (ch === '\\') {
      if (i + 1 < line.length) word += line.charAt(++i);
      inWord = true;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { unterminated: "'" };
      word += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      const closed = readDoubleQuoted(line, i + 1);
      if ('unsupported' in closed || 'unterminated' in closed) return closed;
      word += closed.text;
      i = closed.end;
      inWord = true;
    } else if (OPERATORS.has(ch)) {
      return { unsupported: ch };
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return { words };
}

function readDoubleQuoted(
  line: string,
  start: number,
): { text: string; end: number } | { unsupported: string } | { unterminated: string } {
  let text = '';
  for (let i = start; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === '"') return { text, end: i };
    if (ch === '$' || ch === '`') return { unsupported: ch };
    if (ch === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string))
      text += line.charAt(++i);
    else text += ch;
  }
  return { unterminated: '"' };
}
