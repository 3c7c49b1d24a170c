import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charWidth } from '../../../src/sim/tty/char-width.ts';
import { KeyDecoder } from '../../../src/sim/tty/escape-sequences.ts';
import { LineEditor, type EditorEvent } from '../../../src/sim/tty/line-editor.ts';

// ---------------------------------------------------------------------------
// Helpers

const out = (data: string): EditorEvent => ({ kind: 'output', data });
const line = (text: string): EditorEvent => ({ kind: 'line', line: text });
const INTERRUPT: EditorEvent = { kind: 'interrupt' };
const EOF: EditorEvent = { kind: 'eof' };

/** An editor that has printed the prompt "$ " and the given input. */
function editing(input = '', cols = 80): LineEditor {
  const editor = new LineEditor({ cols });
  editor.begin('$ ');
  editor.feed(input);
  return editor;
}

/** The right half of a wide character on the model screen. */
const TAIL = '';

/**
 * A tiny model of a VT100 screen with xterm's auto-wrap (pending wrap at the
 * margin, wide characters wrapped whole), for the sequences the editor may
 * write. Anything else throws, so tests also check that no stray control
 * character ever reaches the screen. Rows are unbounded: nothing scrolls.
 */
class Screen {
  readonly cols: number;
  rows: (string | undefined)[][] = [[]];
  x = 0;
  y = 0;

  constructor(cols: number) {
    this.cols = cols;
  }

  write(data: string): void {
    for (const [token, params, final] of data.matchAll(/\x1b\[([0-9;]*)([A-Za-z])|[^]/gu)) {
      if (final !== undefined) this.#csi(params ?? '', final);
      else if (token === '\r') this.x = 0;
      else if (token === '\n') [this.y, this.x] = [this.y + 1, this.#col()];
      else if (token === '\b') this.x = Math.max(0, this.#col() - 1);
      else if (/^[\x00-\x1f\x7f-\x9f]$/.test(token))
        throw new Error(`control ${JSON.stringify(token)}`);
      else this.#print(token);
    }
  }

  /** Printed characters in reading order with their positions. */
  cells(): { ch: string; row: number; col: number }[] {
    return this.rows.flatMap((row, r) =>
      row.flatMap((ch, c) => (ch === undefined || ch === TAIL ? [] : [{ ch, row: r, col: c }])),
    );
  }

  snapshot(): string {
    return JSON.stringify({ rows: this.rows, x: this.x, y: this.y });
  }

  #col(): number {
    return Math.min(this.x, this.cols - 1);
  }

  #row(): (string | undefined)[] {
    while (this.rows.length <= this.y) this.rows.push([]);
    return this.rows[this.y] ?? [];
  }

  #csi(params: string, final: string): void {
    const n = Number(params || '1');
    if (final === 'A') [this.y, this.x] = [Math.max(0, this.y - n), this.#col()];
    else if (final === 'B') [this.y, this.x] = [this.y + n, this.#col()];
    else if (final === 'C') this.x = Math.min(this.cols - 1, this.#col() + n);
    else if (final === 'D') this.x = Math.max(0, this.#col() - n);
    else if (final === 'H' && params === '') [this.x, this.y] = [0, 0];
    else if (final === 'J' && params === '2') this.rows = [[]];
    else if (final === 'J' && params === '') {
      this.#row().length = Math.min(this.#row().length, this.#col());
      this.rows.length = Math.min(this.rows.length, this.y + 1);
    } else throw new Error(`CSI ${params}${final}`);
  }

  #print(ch: string): void {
    const width = charWidth(ch.codePointAt(0) ?? 0);
    if (width === 0) {
      this.#combine(ch);
      return;
    }
    if (this.x + width > this.cols) {
      const row = this.#row();
      for (let c = this.x; c < this.cols; c++) row[c] = undefined;
      [this.x, this.y] = [0, this.y + 1];
    }
    const row = this.#row();
    if (row[this.x] === TAIL) row[this.x - 1] = undefined;
    if (row[this.x + width] === TAIL) row[this.x + width] = undefined;
    row[this.x] = ch;
    if (width === 2) row[this.x + 1] = TAIL;
    this.x += width;
  }

  #combine(ch: string): void {
    const row = this.#row();
    let c = this.x - 1;
    if (row[c] === TAIL) c--;
    const base = row[c];
    if (base !== undefined) row[c] = base + ch;
  }
}

interface Session {
  events: EditorEvent[];
  output: string;
  editor: LineEditor;
}

/**
 * Feeds chunks like the terminal device does: begin() again whenever a line
 * ends. After end of file it writes a newline as bash does ("exit"), so each
 * prompt starts at column 0 as begin() requires.
 */
function session(chunks: readonly string[], cols = 80, prompt = '$ '): Session {
  const editor = new LineEditor({ cols });
  const events: EditorEvent[] = [];
  const restart = (): void => {
    while (!editor.active) {
      if (events.at(-1)?.kind === 'eof') events.push(out('\r\n'));
      events.push(...editor.begin(prompt));
    }
  };
  restart();
  for (const chunk of chunks) {
    events.push(...editor.feed(chunk));
    restart();
  }
  const output = events.map((e) => (e.kind === 'output' ? e.data : '')).join('');
  return { events, output, editor };
}

const notOutput = (events: readonly EditorEvent[]): EditorEvent[] =>
  events.filter((e) => e.kind !== 'output');

function screenOf(output: string, cols: number): Screen {
  const screen = new Screen(cols);
  screen.write(output);
  return screen;
}

/** Cuts a string at the given code unit indices. */
function cut(input: string, points: readonly number[]): string[] {
  const sorted = [...new Set(points.map((p) => p % (input.length + 1)))].sort((a, b) => a - b);
  return [...sorted, input.length].map((end, i) => input.slice(i === 0 ? 0 : sorted[i - 1], end));
}

// ---------------------------------------------------------------------------
// Behaviour

describe('LineEditor: a line', () => {
  it('prints the prompt on begin() and is active until the line ends', () => {
    const editor = new LineEditor({ cols: 80 });
    expect(editor.active).toBe(false);
    expect(editor.begin('$ ')).toEqual([out('$ ')]);
    expect(editor.active).toBe(true);
    expect(editor.feed('ls -l')).toEqual([out('ls -l')]);
    expect(editor.feed('\r')).toEqual([out('\r\n'), line('ls -l')]);
    expect(editor.active).toBe(false);
  });

  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CR LF', '\r\n'],
    ['keypad Enter', '\x1bOM'],
  ])('Enter as %s gives one line', (_name, enter) => {
    const { events } = session([`echo hi${enter}`]);
    expect(events).toEqual([out('$ '), out('echo hi\r\n'), line('echo hi'), out('$ ')]);
  });

  it('inserts in the middle of the line and redraws the rest', () => {
    const editor = editing('ac');
    expect(editor.feed('\x1b[D')).toEqual([out('\b')]);
    expect(editor.feed('b')).toEqual([out('bc\b')]);
    expect(editor.feed('\r')).toEqual([out('\x1b[1C\r\n'), line('abc')]);
  });

  it('submits an empty line', () => {
    expect(editing().feed('\r')).toEqual([out('\r\n'), line('')]);
  });
});

// 'hello world' after the prompt '$ ': the cursor is at column 13.
const HOME = '\x1b[11D';
describe.each([
  ['Left', '\x1b[D', '\b', 'hello worlXd'],
  ['Left (SS3)', '\x1bOD', '\b', 'hello worlXd'],
  ['C-b', '\x02', '\b', 'hello worlXd'],
  ['Right at the end', '\x1b[C', '', 'hello worldX'],
  ['Right', '\x01\x1b[C', `${HOME}\x1b[1C`, 'hXello world'],
  ['Right (SS3)', '\x01\x1bOC', `${HOME}\x1b[1C`, 'hXello world'],
  ['C-f', '\x01\x06', `${HOME}\x1b[1C`, 'hXello world'],
  ['Home', '\x1b[H', HOME, 'Xhello world'],
  ['Home (vt220)', '\x1b[1~', HOME, 'Xhello world'],
  ['Home (rxvt)', '\x1b[7~', HOME, 'Xhello world'],
  ['Home (SS3)', '\x1bOH', HOME, 'Xhello world'],
  ['C-a', '\x01', HOME, 'Xhello world'],
  ['End', '\x01\x1b[F', `${HOME}\x1b[11C`, 'hello worldX'],
  ['End (vt220)', '\x01\x1b[4~', `${HOME}\x1b[11C`, 'hello worldX'],
  ['End (rxvt)', '\x01\x1b[8~', `${HOME}\x1b[11C`, 'hello worldX'],
  ['End (SS3)', '\x01\x1bOF', `${HOME}\x1b[11C`, 'hello worldX'],
  ['C-e', '\x01\x05', `${HOME}\x1b[11C`, 'hello worldX'],
  ['M-b', '\x1bb', '\x1b[5D', 'hello Xworld'],
  ['C-Left', '\x1b[1;5D', '\x1b[5D', 'hello Xworld'],
  ['M-Left', '\x1b[1;3D', '\x1b[5D', 'hello Xworld'],
  ['M-b twice', '\x1bb\x1bb', '\x1b[5D\x1b[6D', 'Xhello world'],
  ['M-f', '\x01\x1bf', `${HOME}\x1b[5C`, 'helloX world'],
  ['C-Right', '\x01\x1b[1;5C', `${HOME}\x1b[5C`, 'helloX world'],
  ['M-Right', '\x01\x1b[1;3C', `${HOME}\x1b[5C`, 'helloX world'],
  ['M-f twice', '\x01\x1bf\x1bf', `${HOME}\x1b[5C\x1b[6C`, 'hello worldX'],
])('moving with %s', (_name, keys, output, result) => {
  it('writes the cursor move, then inserts there', () => {
    const editor = editing('hello world');
    expect(editor.feed(keys)).toEqual(output === '' ? [] : [out(output)]);
    expect(editor.feed('X\r').at(-1)).toEqual(line(result));
  });
});

describe.each([
  ['Backspace (DEL)', '\x7f', '\b\x1b[J', 'hello worl'],
  ['Backspace (C-h)', '\b', '\b\x1b[J', 'hello worl'],
  ['Backspace at the start', '\x01\x7f', HOME, 'hello world'],
  ['Backspace in the middle', '\x1bb\x7f', '\x1b[5D\b\x1b[Jworld\x1b[5D', 'helloworld'],
  ['Delete at the end', '\x1b[3~', '', 'hello world'],
  ['Delete', '\x01\x1b[3~', `${HOME}\x1b[Jello world\x1b[10D`, 'ello world'],
  ['C-d', '\x01\x04', `${HOME}\x1b[Jello world\x1b[10D`, 'ello world'],
  ['C-d at the end', '\x04', '', 'hello world'],
  ['C-u', '\x15', `${HOME}\x1b[J`, ''],
  ['C-u in the middle', '\x1bb\x15', '\x1b[5D\x1b[6D\x1b[Jworld\x1b[5D', 'world'],
  ['C-k', '\x1bb\x0b', '\x1b[5D\x1b[J', 'hello '],
  ['C-k at the end', '\x0b', '', 'hello world'],
  ['C-w', '\x17', '\x1b[5D\x1b[J', 'hello '],
  ['C-w twice', '\x17\x17', '\x1b[5D\x1b[J\x1b[6D\x1b[J', ''],
  ['M-Backspace', '\x1b\x7f', '\x1b[5D\x1b[J', 'hello '],
  ['M-d', '\x01\x1bd', `${HOME}\x1b[J world\x1b[6D`, ' world'],
  ['C-w then C-y', '\x17\x19', '\x1b[5D\x1b[Jworld', 'hello world'],
  [
    'C-u then C-y twice',
    '\x15\x19\x19',
    `${HOME}\x1b[Jhello worldhello world`,
    'hello worldhello world',
  ],
  ['C-y with nothing killed', '\x19', '', 'hello world'],
])('deleting with %s', (_name, keys, output, result) => {
  it('redraws what follows and clears what is left', () => {
    const editor = editing('hello world');
    expect(editor.feed(keys)).toEqual(output === '' ? [] : [out(output)]);
    expect(editor.feed('\x05\r').at(-1)).toEqual(line(result));
  });
});

describe('LineEditor: words', () => {
  it.each([
    ['C-w kills back to whitespace', '\x17', 'ls -la '],
    ['M-Backspace kills back to a non-alphanumeric', '\x1b\x7f', 'ls -la /tmp/'],
    ['M-b stops at the start of an alphanumeric word', '\x1bbX', 'ls -la /tmp/Xfoo'],
    ['C-w skips trailing spaces', ' \x17', 'ls -la '],
  ])('%s', (_name, keys, result) => {
    const editor = editing('ls -la /tmp/foo');
    expect(editor.feed(`${keys}\r`).at(-1)).toEqual(line(result));
  });

  it('treats letters of any script as word characters', () => {
    expect(editing('echo héllo wörld').feed('\x1bb\x1bbX\r').at(-1)).toEqual(
      line('echo Xhéllo wörld'),
    );
  });
});

describe('LineEditor: C-d, C-c, C-l', () => {
  it('C-d on an empty line is end of file, without output', () => {
    const editor = editing();
    expect(editor.feed('\x04')).toEqual([EOF]);
    expect(editor.active).toBe(false);
  });

  it('C-c abandons the line: ^C, a new line, interrupt', () => {
    const editor = editing('sleep 100');
    expect(editor.feed('\x03')).toEqual([out('^C\r\n'), INTERRUPT]);
    expect(editor.active).toBe(false);
    expect(editor.history).toEqual([]);
  });

  it('C-c in the middle of a line first moves to its end', () => {
    expect(editing('abc').feed('\x01\x03')).toEqual([out('\x1b[3D\x1b[3C^C\r\n'), INTERRUPT]);
  });

  it('C-l clears the screen and redraws prompt and line, cursor in place', () => {
    const editor = editing('hello');
    editor.feed('\x1b[D\x1b[D');
    expect(editor.feed('\x0c')).toEqual([out('\x1b[H\x1b[2J$ hello\x1b[2D')]);
    expect(editor.feed('X\r').at(-1)).toEqual(line('helXlo'));
  });
});

describe('LineEditor: input that is not text', () => {
  it.each([
    ['Tab (no completion yet)', '\t'],
    ['C-z', '\x1a'],
    ['C-\\', '\x1c'],
    ['NUL', '\x00'],
    ['C-g', '\x07'],
    ['C-_', '\x1f'],
    ['a C1 control', '\x9b'],
    ['F1', '\x1bOP'],
    ['F5', '\x1b[15~'],
    ['F12 with Shift', '\x1b[24;2~'],
    ['Insert', '\x1b[2~'],
    ['Page Up', '\x1b[5~'],
    ['Shift-Left', '\x1b[1;2D'],
    ['an SGR mouse report', '\x1b[<0;3;4M'],
    ['an X10 mouse report', '\x1b[M !!'],
    ['a device attributes reply', '\x1b[?1;2c'],
    ['a cursor position report', '\x1b[12;40R'],
    ['an unbound Meta key', '\x1bx'],
    ['an unbound Meta control key', '\x1b\x01'],
    ['a huge parameter list', `\x1b[${'1;'.repeat(5000)}D`],
    ['a lone surrogate', '\udc00'],
  ])('%s is swallowed without output', (_name, input) => {
    const editor = editing('hello');
    expect(editor.feed(input)).toEqual([]);
    expect(editor.feed('Z\r').at(-1)).toEqual(line('helloZ'));
  });

  it.each([
    ['ESC [ D', '\x1b[D'],
    ['ESC O D', '\x1bOD'],
    ['ESC [ 1 ; 5 D', '\x1b[1;5D'],
    ['ESC [ 3 ~', '\x1b[3~'],
    ['ESC [ 15 ~', '\x1b[15~'],
    ['ESC [ M + 3 bytes', '\x1b[Mabc'],
    ['ESC b', '\x1bb'],
    ['a surrogate pair', '😀'],
    ['CR LF', '\r\n'],
  ])('%s split across two feeds is recognised', (_name, sequence) => {
    const whole = editing('hello world\x1bb').feed(sequence);
    for (let k = 1; k < sequence.length; k++) {
      const editor = editing('hello world\x1bb');
      const events = [...editor.feed(sequence.slice(0, k)), ...editor.feed(sequence.slice(k))];
      expect(events).toEqual(whole);
    }
  });

  it('a sequence interrupted by another byte is dropped, the byte is used', () => {
    expect(editing('hello').feed('\x1b[1\x7f')).toEqual([out('\b\x1b[J')]);
  });

  it('ESC ESC [ D is Left (the first ESC is dropped)', () => {
    expect(editing('hello').feed('\x1b\x1b[D')).toEqual([out('\b')]);
  });
});

describe('KeyDecoder', () => {
  it.each([
    ['\x1b[A', 'Up'],
    ['\x1bOB', 'Down'],
    ['\x1b[1;5C', 'C-Right'],
    ['\x1b[1;3D', 'M-Left'],
    ['\x1b[1;6D', 'C-S-Left'],
    ['\x1b[3;5~', 'C-Delete'],
    ['\x1b\x7f', 'M-Backspace'],
    ['\x1bé', 'M-é'],
    ['\x1b\r', 'M-Enter'],
    ['\x7f', 'Backspace'],
    ['\x08', 'Backspace'],
    ['\x01', 'C-a'],
    ['\x1d', 'C-]'],
    ['\x00', 'C-@'],
    ['\x1bOM', 'Enter'],
  ])('%j is the key %s', (input, key) => {
    expect(new KeyDecoder().decode(input)).toEqual([{ kind: 'key', key }]);
  });

  it('groups text into runs between keys', () => {
    expect(new KeyDecoder().decode('ab\x1b[Dc\u0301d')).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'key', key: 'Left' },
      { kind: 'text', text: 'c\u0301d' },
    ]);
  });
});

describe('LineEditor: Unicode', () => {
  it('counts CJK characters as two columns and astral characters as one code point', () => {
    const editor = editing();
    expect(editor.feed('中文')).toEqual([out('中文')]);
    expect(editor.feed('\x1b[D')).toEqual([out('\x1b[2D')]);
    expect(editor.feed('😀')).toEqual([out('😀文\x1b[2D')]);
    expect(editor.feed('\r')).toEqual([out('\x1b[2C\r\n'), line('中😀文')]);
  });

  it('moves over a wide character outside the BMP in one step', () => {
    const editor = editing('a𠀀b');
    expect(editor.feed('\x1b[D\x1b[D')).toEqual([out('\b\x1b[2D')]);
    expect(editor.feed('\x7f')).toEqual([out('\b\x1b[J𠀀b\x1b[3D')]);
  });

  it('keeps a combining mark with its base character', () => {
    const editor = editing();
    expect(editor.feed('e')).toEqual([out('e')]);
    expect(editor.feed('\u0301')).toEqual([out('\be\u0301')]);
    expect(editor.feed('\x1b[D')).toEqual([out('\b')]);
    expect(editor.feed('\x1b[3~')).toEqual([out('\x1b[J')]);
    expect(editor.feed('\r')).toEqual([out('\r\n'), line('')]);
  });
});

describe('LineEditor: zero-width characters', () => {
  it.each([
    ['a combining mark', '\u0301'],
    ['a byte order mark', '\ufeff'],
    ['a zero-width joiner', '\u200d'],
  ])('drops %s with nothing before it to combine with', (_name, mark) => {
    const editor = editing();
    expect(editor.feed(mark)).toEqual([]);
    expect(editor.feed(`${mark}ab\x01${mark}\r`)).toEqual([
      out('ab\x1b[2D\x1b[2C\r\n'),
      line('ab'),
    ]);
  });

  it('a zero-width character after another character joins it', () => {
    expect(editing('a\u200db').feed('\x1b[D\x1b[D')).toEqual([out('\b\b')]);
  });
});

describe('LineEditor: long lines wrap at cols', () => {
  it('goes to the next row after the last column, and moves the cursor across rows', () => {
    const editor = editing('', 10);
    expect(editor.feed('abcdefgh')).toEqual([out('abcdefgh \r')]);
    expect(editor.feed('i')).toEqual([out('i')]);
    expect(editor.feed('\x1b[D')).toEqual([out('\r')]);
    expect(editor.feed('\x1b[D')).toEqual([out('\x1b[1A\x1b[9C')]);
    expect(editor.feed('\x1b[C')).toEqual([out('\x1b[1B\r')]);
    expect(editor.feed('\x01')).toEqual([out('\x1b[1A\x1b[2C')]);
    expect(editor.feed('\x05')).toEqual([out('\x1b[1B\b')]);
  });

  it('Enter moves to the end of a wrapped line first', () => {
    expect(editing('abcdefghijk\x01', 10).feed('\r')).toEqual([
      out('\x1b[1B\x1b[1C\r\n'),
      line('abcdefghijk'),
    ]);
  });

  it('Enter writes no newline when the line ends at the margin: the cursor is already below', () => {
    expect(editing('abcdefgh', 10).feed('\r')).toEqual([line('abcdefgh')]);
  });

  it('inserting on the first row redraws the following rows', () => {
    const editor = editing('abcdefghij', 10);
    expect(editor.feed('\x01')).toEqual([out('\x1b[1A')]);
    expect(editor.feed('X')).toEqual([out('Xabcdefg \rhij\x1b[1A')]);
    expect(editor.feed('\r').at(-1)).toEqual(line('Xabcdefghij'));
  });

  it('Backspace goes back to the row above', () => {
    const editor = editing('abcdefghi', 10);
    // Not "\r\x1b[J": clearing from column 0 would make xterm.js forget that the row continues the line.
    expect(editor.feed('\x7f')).toEqual([out('\x1b[1A\x1b[8C\x1b[Jh \r')]);
    expect(editor.feed('\x7f')).toEqual([out('\x1b[1A\x1b[9C\x1b[J')]);
  });

  it('a wide character that does not fit in the last column goes to the next row', () => {
    const screen = new Screen(10);
    screen.write('$ abcdefg');
    const editor = editing('abcdefg', 10);
    const feed = (input: string): EditorEvent[] => {
      const events = editor.feed(input);
      for (const e of events) if (e.kind === 'output') screen.write(e.data);
      return events;
    };
    expect(feed('中')).toEqual([out('中')]);
    expect(feed('\x1b[D')).toEqual([out('\r')]);
    expect(feed('\x1b[D')).toEqual([out('\x1b[1A\x1b[8C')]);
    expect(screen.rows.map((row) => row.map((c) => c ?? '_').join(''))).toEqual([
      '$ abcdefg_',
      '中',
    ]);
    expect(feed('\x1b[3~')).toEqual([out('\x1b[J中 \r\x1b[1A\x1b[8C')]);
    expect(screen.rows.map((row) => row.map((c) => c ?? '_').join(''))).toEqual([
      '$ abcdef中',
      ' ',
    ]);
    expect([screen.y, screen.x]).toEqual([0, 8]);
  });

  it.each([
    ['a plain prompt', '$ '],
    ['a coloured prompt', '\x1b[1;32m$\x1b[0m '],
    ['a prompt with a title and an earlier line', '\x1b]0;host\x07info\r\n$ '],
  ])('measures %s by its visible last line', (_name, prompt) => {
    const editor = new LineEditor({ cols: 10 });
    expect(editor.begin(prompt)).toEqual([out(prompt)]);
    expect(editor.feed('abcdefgh')).toEqual([out('abcdefgh \r')]);
  });

  it('a prompt that fills the row is followed by the wrap fix', () => {
    expect(new LineEditor({ cols: 10 }).begin('$ 12345678')).toEqual([out('$ 12345678 \r')]);
  });

  it('resize() redraws the line from the prompt row with the new width', () => {
    const editor = editing('abcdefghij');
    expect(editor.resize(10)).toEqual([out('\r\x1b[J$ abcdefgh \rij')]);
    expect(editor.resize(5)).toEqual([out('\x1b[1A\r\x1b[J$ abc \rdefgh \rij')]);
    expect(editor.feed('\x01')).toEqual([out('\x1b[2A')]);
    expect(editor.resize(80)).toEqual([out('\r\x1b[J$ abcdefghij\x1b[10D')]);
  });

  it('resize() redraws only the last line of the prompt', () => {
    const editor = new LineEditor({ cols: 80 });
    editor.begin('\x1b[1mhost\x1b[0m\r\n\x1b[32m$\x1b[0m ');
    editor.feed('ls');
    expect(editor.resize(40)).toEqual([out('\r\x1b[J\x1b[32m$\x1b[0m ls')]);
  });

  it('resize() writes nothing when the width does not change or no line is edited', () => {
    expect(editing('abc').resize(80)).toEqual([]);
    const editor = new LineEditor({ cols: 80 });
    expect(editor.resize(10)).toEqual([]);
    expect(editor.begin('$ ')).toEqual([out('$ ')]);
    expect(editor.feed('abcdefgh')).toEqual([out('abcdefgh \r')]);
  });
});

describe('LineEditor: history', () => {
  function withHistory(lines: readonly string[], historyLimit?: number): LineEditor {
    const editor = new LineEditor({
      cols: 80,
      ...(historyLimit === undefined ? {} : { historyLimit }),
    });
    for (const text of lines) {
      editor.begin('$ ');
      editor.feed(`${text}\r`);
    }
    editor.begin('$ ');
    return editor;
  }

  it('keeps entered lines, but not blank lines nor a repeat of the previous one', () => {
    expect(withHistory(['one', 'two', 'two', '  ', '', 'one']).history).toEqual([
      'one',
      'two',
      'one',
    ]);
  });

  it.each([
    ['Up and Down', '\x1b[A', '\x1b[B'],
    ['their SS3 forms', '\x1bOA', '\x1bOB'],
    ['C-p and C-n', '\x10', '\x0e'],
  ])('walks the history with %s', (_name, up, down) => {
    const editor = withHistory(['one', 'two']);
    expect(editor.feed(up)).toEqual([out('two')]);
    expect(editor.feed(up)).toEqual([out('\x1b[3Done')]);
    expect(editor.feed(up)).toEqual([]);
    expect(editor.feed(down)).toEqual([out('\x1b[3Dtwo')]);
    expect(editor.feed(down)).toEqual([out('\x1b[3D\x1b[J')]);
    expect(editor.feed(down)).toEqual([]);
  });

  it('Down at the end brings back the line being typed', () => {
    const editor = withHistory(['one']);
    editor.feed('dra');
    expect(editor.feed('\x1b[A')).toEqual([out('\x1b[3Done')]);
    expect(editor.feed('\x1b[B')).toEqual([out('\x1b[3Ddra')]);
    expect(editor.feed('\r').at(-1)).toEqual(line('dra'));
  });

  it('an edited entry keeps its edits during the walk; the entry itself does not change', () => {
    const editor = withHistory(['one', 'two']);
    editor.feed('\x1b[A\x7f\x7f');
    expect(editor.feed('\x1b[A')).toEqual([out('\bone')]);
    expect(editor.feed('\x1b[B')).toEqual([out('\x1b[3D\x1b[Jt')]);
    expect(editor.feed('\r').at(-1)).toEqual(line('t'));
    expect(editor.history).toEqual(['one', 'two', 't']);
    editor.begin('$ ');
    expect(editor.feed('\x1b[A\x1b[A')).toEqual([out('t\btwo')]);
  });

  it('a recalled line can be submitted, and is not added twice', () => {
    const editor = withHistory(['one', 'two']);
    expect(editor.feed('\x1b[A\r')).toEqual([out('two\r\n'), line('two')]);
    expect(editor.history).toEqual(['one', 'two']);
  });

  it('an interrupted line is not added', () => {
    const editor = withHistory(['one']);
    editor.feed('two\x03');
    expect(editor.history).toEqual(['one']);
  });

  it.each([
    [2, ['b', 'c']],
    [0, []],
  ])('keeps at most historyLimit = %i entries', (limit, kept) => {
    expect(withHistory(['a', 'b', 'c'], limit).history).toEqual(kept);
  });

  it('keeps 1000 entries by default', () => {
    const lines = Array.from({ length: 1005 }, (_, i) => `cmd ${i}`);
    const history = withHistory(lines).history;
    expect(history).toHaveLength(1000);
    expect(history[0]).toBe('cmd 5');
  });
});

describe('LineEditor: type-ahead', () => {
  it('keeps input fed while no line is active and edits it on begin()', () => {
    const editor = new LineEditor({ cols: 80 });
    expect(editor.feed('ls\r')).toEqual([]);
    expect(editor.begin('$ ')).toEqual([out('$ ls\r\n'), line('ls')]);
    expect(editor.begin('$ ')).toEqual([out('$ ')]);
  });

  it('keeps what follows Enter in a chunk for the next line', () => {
    const editor = editing();
    expect(editor.feed('ls\rpwd')).toEqual([out('ls\r\n'), line('ls')]);
    expect(editor.active).toBe(false);
    expect(editor.feed('\x7f')).toEqual([]);
    expect(editor.begin('$ ')).toEqual([out('$ pwd\b\x1b[J')]);
    expect(editor.active).toBe(true);
  });

  it('keeps type-ahead after C-c and C-d too', () => {
    const editor = editing();
    expect(editor.feed('x\x03\x04y')).toEqual([out('x^C\r\n'), INTERRUPT]);
    expect(editor.begin('$ ')).toEqual([out('$ '), EOF]);
    expect(editor.begin('$ ')).toEqual([out('$ y')]);
  });

  it('begin() while a line is active abandons it', () => {
    const editor = editing('abc');
    expect(editor.begin('> ')).toEqual([out('> ')]);
    expect(editor.feed('\r')).toEqual([out('\r\n'), line('')]);
  });
});

describe('LineEditor: paste', () => {
  it('gives one line per pasted line; the text after the last newline stays in the editor', () => {
    expect(session(['echo a\necho b\r\necho c\rpartial']).events).toEqual([
      out('$ '),
      out('echo a\r\n'),
      line('echo a'),
      out('$ echo b\r\n'),
      line('echo b'),
      out('$ echo c\r\n'),
      line('echo c'),
      out('$ partial'),
    ]);
  });

  it('drops the bracketed paste markers and takes the content literally', () => {
    const editor = editing();
    expect(editor.feed('\x1b[200~echo\thi\x1b[A\x7f\x03\x04!\x1b[201~')).toEqual([out('echo hi!')]);
    expect(editor.feed('\x7f')).toEqual([out('\b\x1b[J')]);
  });

  it('submits each line of a bracketed paste', () => {
    const editor = editing();
    expect(editor.feed('\x1b[200~ls\r\npwd\x1b[201~')).toEqual([out('ls\r\n'), line('ls')]);
    expect(editor.begin('$ ')).toEqual([out('$ pwd')]);
  });

  it('recognises the markers split across feeds', () => {
    const editor = editing();
    expect(editor.feed('\x1b[20')).toEqual([]);
    expect(editor.feed('0~a\x7f\x1b[2')).toEqual([out('a')]);
    expect(editor.feed('01~\x7f')).toEqual([out('\b\x1b[J')]);
  });
});

describe('LineEditor: over-long input', () => {
  it('takes a 100,000 character paste in one piece', () => {
    const editor = editing();
    const events = editor.feed('x'.repeat(100_000));
    expect(events).toHaveLength(1);
    expect(editor.feed('\r')).toEqual([out('\r\n'), line('x'.repeat(100_000))]);
  });

  it('takes 100,000 characters typed one by one on an 80 column terminal', () => {
    const editor = editing();
    for (let i = 0; i < 100_000; i++) editor.feed(i % 7 === 0 ? '中' : 'x');
    expect(editor.feed('\x01\x05\x7f\r').at(-1)).toMatchObject({ kind: 'line' });
  });

  it('takes a 100,000 character paste in the middle of a line', () => {
    const editor = editing(`${'a'.repeat(1000)}\x01`);
    editor.feed('y'.repeat(100_000));
    const last = editor.feed('\r').at(-1);
    expect(last).toEqual(line('y'.repeat(100_000) + 'a'.repeat(1000)));
  });

  it('takes a paste of 20,000 lines', () => {
    const { events } = session(['ls\n'.repeat(20_000)]);
    expect(notOutput(events)).toHaveLength(20_000);
  });
});

// ---------------------------------------------------------------------------
// Properties

const CHARS = ['a', 'b', 'z', ' ', '-', 'é', 'ｱ', '中', '한', '😀', '𠀀'];

/** Editing keys with all their encodings, and what they do to a reference model. */
const KEYS: Record<string, readonly string[]> = {
  left: ['\x1b[D', '\x1bOD', '\x02'],
  right: ['\x1b[C', '\x1bOC', '\x06'],
  home: ['\x1b[H', '\x1b[1~', '\x1bOH', '\x01'],
  end: ['\x1b[F', '\x1b[4~', '\x1bOF', '\x05'],
  backspace: ['\x7f', '\b'],
  delete: ['\x1b[3~'],
  killToStart: ['\x15'],
  killToEnd: ['\x0b'],
};

interface Model {
  readonly chars: readonly string[];
  readonly cursor: number;
}
interface Action {
  readonly op: string;
  readonly chars: readonly string[];
  readonly input: string;
}

function step({ chars, cursor }: Model, { op, chars: typed }: Action): Model {
  const before = chars.slice(0, cursor);
  const after = chars.slice(cursor);
  switch (op) {
    case 'insert':
      return { chars: [...before, ...typed, ...after], cursor: cursor + typed.length };
    case 'left':
      return { chars, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { chars, cursor: Math.min(chars.length, cursor + 1) };
    case 'home':
      return { chars, cursor: 0 };
    case 'end':
      return { chars, cursor: chars.length };
    case 'backspace':
      return cursor === 0
        ? { chars, cursor }
        : { chars: [...before.slice(0, -1), ...after], cursor: cursor - 1 };
    case 'delete':
      return { chars: [...before, ...after.slice(1)], cursor };
    case 'killToStart':
      return { chars: after, cursor: 0 };
    default:
      return { chars: before, cursor };
  }
}

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc
    .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 4 })
    .map((chars) => ({ op: 'insert', chars, input: chars.join('') })),
  fc
    .constantFrom(...Object.entries(KEYS))
    .chain(([op, inputs]) => fc.constantFrom(...inputs).map((input) => ({ op, chars: [], input }))),
);

/** The screen shows `expected` in reading order (then at most stray spaces) and the cursor on cell `at`. */
function expectScreen(screen: Screen, expected: readonly string[], at: number): void {
  const cells = screen.cells();
  expect(cells.slice(0, expected.length).map((c) => c.ch)).toEqual(expected);
  expect(cells.slice(expected.length).every((c) => c.ch === ' ')).toBe(true);
  expect(screen.x).toBeLessThan(screen.cols); // never left in the pending-wrap state
  const on = cells[at];
  const last = cells[expected.length - 1];
  if (at < expected.length && on) {
    expect([screen.y, screen.x]).toEqual([on.row, on.col]);
  } else if (last) {
    const col = last.col + charWidth(last.ch.codePointAt(0) ?? 0);
    expect([screen.y, screen.x]).toEqual(col >= screen.cols ? [last.row + 1, 0] : [last.row, col]);
  }
}

describe('LineEditor: properties', () => {
  it('edits like a string and a cursor index, on screen too, for any terminal width', () => {
    fc.assert(
      fc.property(
        fc.array(actionArb, { maxLength: 40 }),
        fc.integer({ min: 2, max: 12 }),
        (actions, cols) => {
          const editor = new LineEditor({ cols });
          const screen = new Screen(cols);
          const show = (events: readonly EditorEvent[]): EditorEvent[] => {
            for (const e of events) if (e.kind === 'output') screen.write(e.data);
            return events.filter((e) => e.kind !== 'output');
          };
          show(editor.begin('$ '));
          let model: Model = { chars: [], cursor: 0 };
          for (const action of actions) {
            model = step(model, action);
            expect(show(editor.feed(action.input))).toEqual([]);
            expectScreen(screen, ['$', ' ', ...model.chars], 2 + model.cursor);
          }
          expect(show(editor.feed('\r'))).toEqual([line(model.chars.join(''))]);
          const lastCell = screen.cells()[1 + model.chars.length];
          expect([screen.y, screen.x]).toEqual([(lastCell?.row ?? 0) + 1, 0]); // below the line
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws, and writes only known sequences, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 20 }),
        (chunks, cols) => {
          screenOf(session(chunks, cols).output, cols);
        },
      ),
      { numRuns: 500 },
    );
  });

  const pieces = fc.oneof(
    fc.constantFrom(...CHARS, '\u0301', '\u200d', 'e\u0301'),
    fc.constantFrom(...Object.values(KEYS).flat()),
    fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      '\t',
      '\x03',
      '\x04',
      '\x0c',
      '\x17',
      '\x19',
      '\x1bb',
      '\x1bf',
    ),
    fc.constantFrom(
      '\x1b[A',
      '\x1b[B',
      '\x1b[1;5D',
      '\x1b[200~',
      '\x1b[201~',
      '\x1b[15~',
      '\x1bOP',
    ),
    fc.constantFrom('\x1b', '\x1b[', '\x1bO', '\x1b[M', '\x1b[<0;1;1M', '\ud83d'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );

  it('gives the same events and the same screen however the input is cut', () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 2, max: 12 }),
        (input, points, cols) => {
          const whole = session([input], cols);
          const parts = session(cut(input, points), cols);
          expect(notOutput(parts.events)).toEqual(notOutput(whole.events));
          expect(parts.editor.history).toEqual(whole.editor.history);
          expect(screenOf(parts.output, cols).snapshot()).toBe(
            screenOf(whole.output, cols).snapshot(),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('writes the very same bytes however the input is cut, when typing at the end of the line', () => {
    const atEnd = fc.oneof(
      fc.constantFrom(...CHARS),
      fc.constantFrom('\r', '\r\n', '\x7f', '\x1b[A', '\x1b[B', '\x03', '\x04', '\x15', '\x17'),
    );
    fc.assert(
      fc.property(
        fc.array(atEnd, { maxLength: 30 }).map((p) => p.join('')),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 2, max: 12 }),
        (input, points, cols) => {
          expect(session(cut(input, points), cols).output).toBe(session([input], cols).output);
        },
      ),
    );
  });
});
