import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { complainIn, type Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import { NAME } from '../word-text.ts';
import type { Builtin } from './types.ts';

/** Reads up to the delimiter from fd 0, keeping any extra input for the next read. */
function* readRecord(sh: ShellState, delimiter: string): Gen<{ text: string; eof: boolean }> {
  let buffer = sh.readBuffers.get(0) ?? '';
  for (;;) {
    const at = buffer.indexOf(delimiter);
    if (at >= 0) {
      sh.readBuffers.set(0, buffer.slice(at + 1));
      return { text: buffer.slice(0, at), eof: false };
    }
    const chunk = yield* sys.read(0);
    if (chunk instanceof Errno || chunk === '') {
      sh.readBuffers.delete(0);
      return { text: buffer, eof: true };
    }
    buffer += chunk;
  }
}

/**
 * read [-r] [-p prompt] [-d delim (bash)] name… (XCU read): one line, split
 * with IFS; the last name takes the rest. Status 1 at end of input.
 */
export const read: Builtin = function* (sh, argv) {
  let raw = false;
  let delimiter = '\n';
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-r') raw = true;
    else if (arg === '-d' && sh.dialect.name !== 'dash')
      delimiter = (argv[++i] ?? '').charAt(0) || '\0';
    else if (arg === '-p') yield* sys.write(2, argv[++i] ?? '');
    else if (arg === '--') {
      i++;
      break;
    } else break;
  }
  const names = argv.slice(i);
  if (names.length === 0) names.push('REPLY');
  for (const name of names) {
    if (!NAME.test(name)) {
      yield* complainIn(sh, 'read', `\`${name}': not a valid identifier`);
      return sh.dialect.name === 'bash' ? 1 : 2;
    }
  }
  let { text, eof } = yield* readRecord(sh, delimiter);
  if (!raw) {
    while (text.endsWith('\\') && !eof) {
      const more = yield* readRecord(sh, delimiter);
      text = text.slice(0, -1) + more.text;
      eof = more.eof;
    }
    text = text.replace(/\\([^])/g, '$1');
  }
  assignFields(sh, names, text);
  return eof ? 1 : 0;
};

function assignFields(sh: ShellState, names: readonly string[], text: string): void {
  const ifs = sh.get('IFS') ?? ' \t\n';
  const white = Array.from(ifs)
    .filter((c) => ' \t\n'.includes(c))
    .join('');
  const isWhite = (c: string) => white.includes(c);
  let rest = text;
  const trimStart = () => {
    let k = 0;
    while (k < rest.length && isWhite(rest.charAt(k))) k++;
    rest = rest.slice(k);
  };
  trimStart();
  for (const [index, name] of names.entries()) {
    if (index === names.length - 1) {
      let end = rest.length;
      while (end > 0 && isWhite(rest.charAt(end - 1))) end--;
      sh.set(name, rest.slice(0, end));
      break;
    }
    let k = 0;
    while (k < rest.length && !ifs.includes(rest.charAt(k))) k++;
    sh.set(name, rest.slice(0, k));
    rest = rest.slice(k);
    trimStart();
    if (rest !== '' && ifs.includes(rest.charAt(0)) && !isWhite(rest.charAt(0))) {
      rest = rest.slice(1);
      trimStart();
    }
  }
}
