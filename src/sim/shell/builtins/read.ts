import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { complainIn, type Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import { NAME } from '../word-text.ts';
import { builtinOptions } from './options.ts';
import type { Builtin } from './types.ts';

/**
 * Reads up to the delimiter ('' for none) or `max` characters from `fd`, one
 * character per read(2) as dash and bash do on a pipe, so whatever follows
 * stays in the file for the next reader (`read x; cat`).
 */
function* readRecord(
  fd: number,
  delimiter: string,
  max: number,
): Gen<{ text: string; eof: boolean; ended: boolean }> {
  let text = '';
  while (text.length < max) {
    const ch = yield* sys.read(fd, 1);
    if (ch instanceof Errno) {
      if (ch.code === 'EINTR') continue;
      return { text, eof: true, ended: false };
    }
    if (ch === '') return { text, eof: true, ended: false };
    if (ch === delimiter) return { text, eof: false, ended: true };
    text += ch;
  }
  return { text, eof: false, ended: false };
}

/** The options each shell's read takes (dash: -p -r; bash and BusyBox more). */
const SPEC = { dash: 'p:r', bash: 'a:d:ei:n:N:p:rst:u:', ash: 'd:n:p:rst:u:' } as const;
const BASH_USAGE =
  'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]';

/**
 * read [-r] [-p prompt] name… (XCU read), with bash's and BusyBox's -d, -n,
 * -N, -s, -t and -u: one line (or record), split with IFS; the last name
 * takes the rest. Status 1 at end of input. The prompt shows only when the
 * input is a terminal; -s and -t change nothing here (no echo control, and
 * input never times out in the simulator).
 */
export const read: Builtin = function* (sh, argv) {
  const dialect = sh.dialect.name;
  const parsed = yield* builtinOptions(sh, 'read', argv.slice(1), SPEC[dialect], BASH_USAGE);
  if ('failed' in parsed) return parsed.failed;
  const { options } = parsed;
  if (options.has('a')) {
    yield* complainIn(sh, 'read', '-a: arrays are not supported by the simulator');
    return 2;
  }
  const countText = options.get('N') ?? options.get('n');
  let max = Infinity;
  if (countText !== undefined) {
    if (!/^[0-9]+$/.test(countText)) {
      yield* complainIn(
        sh,
        'read',
        dialect === 'bash' ? `${countText}: invalid number` : 'invalid count',
      );
      return dialect === 'bash' ? 1 : 2;
    }
    max = Number(countText);
  }
  const timeout = options.get('t');
  if (timeout !== undefined && !/^[0-9]*\.?[0-9]+$|^[0-9]+\.$/.test(timeout)) {
    yield* complainIn(
      sh,
      'read',
      dialect === 'bash' ? `${timeout}: invalid timeout specification` : 'invalid timeout',
    );
    return dialect === 'bash' ? 1 : 2;
  }
  const fdText = options.get('u') ?? '0';
  const fd = /^[0-9]+$/.test(fdText) ? Number(fdText) : -1;
  const names = [...parsed.operands];
  if (names.length === 0) names.push('REPLY');
  for (const name of names) {
    if (!NAME.test(name)) {
      yield* complainIn(sh, 'read', `\`${name}': not a valid identifier`);
      return dialect === 'bash' ? 1 : 2;
    }
  }
  const prompt = options.get('p');
  if (prompt !== undefined && (yield* sys.isatty(fd))) yield* sys.write(2, prompt);
  if (fd !== 0 && !(yield* isOpen(fd))) return yield* badFd(sh, fdText);
  const delimiter = options.has('N') ? '' : (options.get('d') ?? '\n').charAt(0) || '\0';
  const raw = options.has('r');
  let { text, eof, ended } = yield* readRecord(fd, delimiter, max);
  if (!raw) {
    while (text.endsWith('\\') && !eof && ended && text.length < max) {
      const more = yield* readRecord(fd, delimiter, max - text.length);
      text = text.slice(0, -1) + more.text;
      eof = more.eof;
      ended = more.ended;
    }
    text = text.replace(/\\([^])/g, '$1');
  }
  if (options.has('N')) sh.set(names[0] as string, text);
  else assignFields(sh, names, text);
  return eof ? 1 : 0;
};

/** Whether a descriptor is open (fcntl F_DUPFD on it succeeds), as bash checks -u. */
function* isOpen(fd: number): Gen<boolean> {
  const copy = yield* sys.dupfd(fd, 10, true);
  if (copy instanceof Errno) return false;
  yield* sys.close(copy);
  return true;
}

/** bash's words for `read -u N` on a descriptor that is not open (recorded). */
function* badFd(sh: ShellState, fdText: string): Gen<number> {
  if (sh.dialect.name === 'bash')
    yield* complainIn(sh, 'read', `${fdText}: invalid file descriptor: Bad file descriptor`);
  return 1;
}

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
