/**
 * Turns the bytes a terminal emulator sends into text and named keys.
 *
 * The decoder is a state machine fed one code point at a time, so an escape
 * sequence (or a surrogate pair, or a CR LF pair) split across two decode()
 * calls is recognised exactly as if it had come in one piece: the token
 * sequence depends only on the concatenated input, never on how it was cut.
 * Only runs of text may be cut differently (one "text" token per run per call).
 *
 * Recognised: CSI sequences (ESC [ params final), SS3 (ESC O final), X10
 * mouse reports (ESC [ M + 3 bytes), Meta keys (ESC + character), C0 control
 * characters. Sequences with no key name are swallowed whole.
 *
 * CR, LF and CR LF each give one "Enter" (xterm sends CR for Enter; a paste
 * may hold LF or CR LF line ends). As a consequence a LF right after a CR is
 * never a key of its own.
 *
 * Bracketed paste (ESC [200~ ... ESC [201~): the markers are dropped and the
 * content is taken literally: printable characters are text, line ends are
 * "Enter" (each pasted line is submitted, as in bash without bracketed-paste
 * mode), Tab becomes a space and every other control character or escape
 * sequence inside the paste is dropped, so pasted bytes never run editing
 * commands.
 */
import {
  controlKeyName,
  isPrintable,
  LETTER_KEYS,
  metaKeyName,
  modifierPrefix,
  TILDE_KEYS,
} from './key-names.ts';

export type KeyToken =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'key'; readonly key: string };

type State = 'ground' | 'esc' | 'csi' | 'ss3' | 'mouse';

const ESC = 0x1b;
const MAX_PARAMS = 32;

export class KeyDecoder {
  #state: State = 'ground';
  #params = '';
  #overflow = false;
  #mouseBytes = 0;
  #paste = false;
  #afterCR = false;
  #highSurrogate = -1;
  #text = '';
  #tokens: KeyToken[] = [];

  /** Decodes a chunk; incomplete sequences at its end wait for the next chunk. */
  decode(data: string): KeyToken[] {
    for (let i = 0; i < data.length; i++) this.#unit(data.charCodeAt(i));
    this.#flushText();
    const tokens = this.#tokens;
    this.#tokens = [];
    return tokens;
  }

  #unit(unit: number): void {
    const high = this.#highSurrogate;
    this.#highSurrogate = -1;
    if (unit >= 0xdc00 && unit <= 0xdfff && high >= 0) {
      this.#step(0x10000 + ((high - 0xd800) << 10) + (unit - 0xdc00));
      return;
    }
    if (high >= 0) this.#step(high); // a lone high surrogate
    if (unit >= 0xd800 && unit <= 0xdbff) this.#highSurrogate = unit;
    else this.#step(unit);
  }

  #step(cp: number): void {
    switch (this.#state) {
      case 'ground':
        this.#ground(cp);
        break;
      case 'esc':
        this.#escape(cp);
        break;
      case 'csi':
        this.#csi(cp);
        break;
      case 'ss3':
        this.#ss3(cp);
        break;
      case 'mouse':
        if (--this.#mouseBytes === 0) this.#state = 'ground';
        break;
    }
  }

  #ground(cp: number): void {
    const afterCR = this.#afterCR;
    this.#afterCR = cp === 0x0d;
    if (cp === ESC) this.#state = 'esc';
    else if (isPrintable(cp)) this.#text += String.fromCodePoint(cp);
    else if (cp === 0x0a && afterCR) return;
    else if (this.#paste && cp === 0x09) this.#text += ' ';
    else this.#key(controlKeyName(cp));
  }

  #escape(cp: number): void {
    if (cp === ESC) return; // ESC ESC: the first one is dropped
    this.#params = '';
    this.#overflow = false;
    if (cp === 0x5b) this.#state = 'csi';
    else if (cp === 0x4f) this.#state = 'ss3';
    else {
      this.#state = 'ground';
      this.#key(metaKeyName(cp));
    }
  }

  #csi(cp: number): void {
    if (cp >= 0x20 && cp <= 0x3f) this.#param(cp);
    else if (this.#ended(cp)) this.#csiFinal(String.fromCharCode(cp));
  }

  #ss3(cp: number): void {
    if (cp >= 0x30 && cp <= 0x3b) this.#param(cp);
    else if (this.#ended(cp)) this.#ss3Final(String.fromCharCode(cp));
  }

  /** Back to ground. True for a final byte; any other byte drops the sequence and is taken on its own. */
  #ended(cp: number): boolean {
    this.#state = 'ground';
    if (cp >= 0x40 && cp <= 0x7e) return true;
    this.#ground(cp);
    return false;
  }

  #param(cp: number): void {
    if (this.#params.length < MAX_PARAMS) this.#params += String.fromCharCode(cp);
    else this.#overflow = true;
  }

  #csiFinal(final: string): void {
    if (this.#overflow) return;
    if (final === 'M' && this.#params === '') {
      this.#state = 'mouse'; // X10 mouse report: three more bytes follow
      this.#mouseBytes = 3;
    } else if (final === '~') {
      this.#tilde(this.#params);
    } else {
      this.#modified(LETTER_KEYS[final], this.#params);
    }
  }

  #ss3Final(final: string): void {
    if (this.#overflow) return;
    // ESC O M is the keypad's Enter in application keypad mode.
    if (final === 'M') this.#key('Enter');
    else this.#modified(LETTER_KEYS[final], this.#params);
  }

  #tilde(params: string): void {
    const [code = '', ...rest] = params.split(';');
    const key = TILDE_KEYS[code];
    if (key === 'PasteStart' || key === 'PasteEnd') {
      if (rest.length === 0) this.#paste = key === 'PasteStart';
      return;
    }
    this.#modified(key, rest.length === 0 ? '' : rest.join(';'));
  }

  #modified(key: string | undefined, params: string): void {
    const prefix = modifierPrefix(params);
    if (key !== undefined && prefix !== null) this.#key(prefix + key);
  }

  #key(name: string | null): void {
    if (name === null || (this.#paste && name !== 'Enter')) return;
    this.#flushText();
    this.#tokens.push({ kind: 'key', key: name });
  }

  #flushText(): void {
    if (this.#text === '') return;
    this.#tokens.push({ kind: 'text', text: this.#text });
    this.#text = '';
  }
}
