/**
 * Names for the keys a terminal emulator can send, in readline's notation:
 * "C-a" for Ctrl-A, "M-b" for Alt-B (or Escape then b), "Left", "C-Left",
 * "Home", "Delete", "Enter", "Backspace", "Tab".
 */

/** Name of a single C0 control character or DEL, or null for the ones with no key. */
export function controlKeyName(cp: number): string | null {
  if (cp === 0x08 || cp === 0x7f) return 'Backspace'; // DEL and C-h
  if (cp === 0x09) return 'Tab';
  if (cp === 0x0a || cp === 0x0d) return 'Enter';
  if (cp === 0x00) return 'C-@';
  if (cp >= 0x01 && cp <= 0x1a) return `C-${String.fromCharCode(cp + 0x60)}`;
  if (cp >= 0x1c && cp <= 0x1f) return `C-${String.fromCharCode(cp + 0x40)}`;
  return null;
}

/** True for characters inserted as text: not C0, DEL, C1, nor a lone surrogate. */
export function isPrintable(cp: number): boolean {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return false;
  return cp < 0xd800 || cp > 0xdfff;
}

/** The key meant by ESC followed by the code point cp ("M-b"), or null. */
export function metaKeyName(cp: number): string | null {
  const base = isPrintable(cp) ? String.fromCodePoint(cp) : controlKeyName(cp);
  return base === null ? null : `M-${base}`;
}

/**
 * The modifier prefix coded by an xterm parameter string: "" or "1" (none),
 * "1;5" (Ctrl), "1;3" (Alt), "1;2" (Shift) and their sums. Null if malformed.
 */
export function modifierPrefix(params: string): string | null {
  if (params === '' || params === '1') return '';
  const match = /^(?:1;)?(\d{1,2})$/.exec(params);
  const code = Number(match?.[1] ?? Number.NaN) - 1;
  if (!(code >= 1 && code <= 15)) return null;
  return (code & 4 ? 'C-' : '') + (code & 2 ? 'M-' : '') + (code & 1 ? 'S-' : '');
}

/** Keys coded by the final letter of CSI and SS3 sequences. */
export const LETTER_KEYS: Readonly<Record<string, string>> = {
  A: 'Up',
  B: 'Down',
  C: 'Right',
  D: 'Left',
  H: 'Home',
  F: 'End',
};

/** Keys coded as CSI n ~ (vt220 style). 200 and 201 are the bracketed-paste markers. */
export const TILDE_KEYS: Readonly<Record<string, string>> = {
  '1': 'Home',
  '2': 'Insert',
  '3': 'Delete',
  '4': 'End',
  '5': 'PageUp',
  '6': 'PageDown',
  '7': 'Home',
  '8': 'End',
  '200': 'PasteStart',
  '201': 'PasteEnd',
};
