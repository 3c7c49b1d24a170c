import type { Word, WordPart } from './ast.ts';

/** The word's text when it is one plain unquoted literal (how reserved words are recognised, XCU 2.4). */
export function plainText(word: Word): string | undefined {
  const [only, ...rest] = word.parts;
  return only?.type === 'lit' && !only.quoted && rest.length === 0 ? only.value : undefined;
}

/** A here-document delimiter: the word after quote removal, and whether any part was quoted. */
export function delimiterOf(word: Word): { text: string; quoted: boolean } {
  let text = '';
  let quoted = false;
  const visit = (parts: readonly WordPart[]) => {
    for (const part of parts) {
      if (part.type === 'lit') {
        text += part.value;
        quoted ||= part.quoted;
      } else if (part.type === 'dq') {
        quoted = true;
        visit(part.parts);
      } else {
        text += '$';
      }
    }
  };
  visit(word.parts);
  return { text, quoted };
}

export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `NAME=value` at the start of a word: the name and the word that remains after `=`. */
export function splitAssignment(word: Word): { name: string; value: Word } | undefined {
  const first = word.parts[0];
  if (first?.type !== 'lit' || first.quoted) return undefined;
  const eq = first.value.indexOf('=');
  if (eq <= 0 || !NAME.test(first.value.slice(0, eq))) return undefined;
  const rest = first.value.slice(eq + 1);
  const parts: WordPart[] = rest === '' ? [] : [{ ...first, value: rest }];
  return {
    name: first.value.slice(0, eq),
    value: { parts: [...parts, ...word.parts.slice(1)], span: word.span },
  };
}
