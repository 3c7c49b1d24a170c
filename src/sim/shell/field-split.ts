/**
 * The pieces a word expands to before field splitting: literal text (never
 * split), results of unquoted expansions (split with IFS, XCU 2.6.5), and
 * quoted text. FIELD_BREAK separates the fields of "$@".
 */
export interface Piece {
  readonly text: string;
  /** From quotes: neither split nor globbed. */
  readonly quoted: boolean;
  /** The result of an unquoted expansion: split on IFS. */
  readonly split: boolean;
}

export const FIELD_BREAK = 'break' as const;
export type Expanded = (Piece | typeof FIELD_BREAK)[];

/** One field: its pieces (quoting kept for pathname expansion). */
export type Field = Piece[];

/** Splits expanded pieces into fields with IFS (unset IFS: space, tab, newline). */
export function splitFields(pieces: Expanded, ifs: string): Field[] {
  const fields: Field[] = [];
  let current: Field = [];
  let started = false;
  /** The last separator seen: white space after a field absorbs one other IFS character. */
  let delimiter: 'none' | 'white' | 'other' = 'none';
  const end = () => {
    if (started) fields.push(current);
    current = [];
    started = false;
  };
  for (const piece of pieces) {
    if (piece === FIELD_BREAK) {
      started = true;
      end();
      continue;
    }
    if (!piece.split || ifs === '') {
      current.push(piece);
      if (piece.text !== '' || piece.quoted) started = true;
      if (piece.text !== '') delimiter = 'none';
      continue;
    }
    let text = '';
    for (const ch of piece.text) {
      if (!ifs.includes(ch)) {
        text += ch;
        delimiter = 'none';
        continue;
      }
      if (text !== '') {
        current.push({ ...piece, text });
        started = true;
        text = '';
      }
      if (ch === ' ' || ch === '\t' || ch === '\n') {
        if (started) end();
        if (delimiter === 'none') delimiter = 'white';
      } else {
        if (started || delimiter !== 'white') {
          started = true;
          end();
        }
        delimiter = 'other';
      }
    }
    if (text !== '') {
      current.push({ ...piece, text });
      started = true;
    }
  }
  end();
  return fields;
}

/** The field's text after quote removal. */
export const fieldText = (field: Field): string => field.map((p) => p.text).join('');
