import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { complain, type Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import { TEST_BINARY } from '../test-operators.ts';
import type { Builtin } from './types.ts';

const UNARY = new Set([
  '-n',
  '-z',
  '-e',
  '-f',
  '-d',
  '-r',
  '-w',
  '-x',
  '-s',
  '-L',
  '-h',
  '-b',
  '-c',
  '-p',
  '-S',
  '-t',
  '-g',
  '-u',
  '-k',
  '-O',
  '-G',
]);
const ACCESS: Readonly<Record<string, number>> = { '-r': 4, '-w': 2, '-x': 1 };

/** A syntax or number problem: the words each shell uses, and status 2. */
class TestError extends Error {
  readonly text: string;
  constructor(text: string) {
    super(text);
    this.text = text;
  }
}

/**
 * test and [ (XCU test): `!`, `-a`, `-o`, parentheses, string, integer and
 * file primaries; file checks go through stat(2) and access(2).
 */
export const test: Builtin = function* (sh, argv) {
  let args = argv.slice(1);
  const closing = argv[0] === '[' ? ']' : argv[0] === '[[' ? ']]' : undefined;
  if (closing !== undefined) {
    if (args.at(-1) !== closing) {
      yield* complain(
        sh,
        sh.dialect.name === 'bash'
          ? "[: missing `]'"
          : sh.dialect.name === 'dash'
            ? '[: missing ]'
            : `missing ${closing}`,
      );
      return 2;
    }
    args = args.slice(0, -1);
  }
  const name = argv[0] ?? 'test';
  try {
    if (sh.dialect.name === 'bash' && args.length <= 3) {
      const counted = yield* byCount(sh, name, args);
      return counted ? 0 : 1;
    }
    const parser = new TestParser(sh, args, name);
    const result = yield* parser.or();
    if (parser.pos < args.length) throw leftover(sh, name, args, parser.pos);
    return result ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    yield* complain(sh, e.text);
    return 2;
  }
};

/**
 * Words left after a whole expression, in each shell's words (recorded):
 * dash names the word before them, BusyBox the first of them, bash has too many.
 */
function leftover(sh: ShellState, name: string, args: readonly string[], pos: number): TestError {
  if (sh.dialect.name === 'bash') return new TestError(`${name}: too many arguments`);
  if (sh.dialect.name === 'ash') return new TestError(`${args[pos] ?? ''}: unknown operand`);
  return new TestError(`${name}: ${args[pos - 1] ?? ''}: unexpected operator`);
}

/**
 * bash decides up to three arguments by their count (XCU test, "Application
 * usage"), with its own errors: `test 1 -eq` → `1: unary operator expected`,
 * `test a b c` → `b: binary operator expected`.
 */
function* byCount(sh: ShellState, name: string, args: readonly string[]): Gen<boolean> {
  const [a = '', b = '', c = ''] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return a !== '';
    case 2:
      if (a === '!') return b === '';
      if (UNARY.has(a)) return yield* fileTest(a, b);
      throw new TestError(`${name}: ${a}: unary operator expected`);
    default:
      if (TEST_BINARY.has(b)) return yield* testBinary(sh, a, b, c);
      if (b === '-a') return a !== '' && c !== '';
      if (b === '-o') return a !== '' || c !== '';
      if (a === '!') return !(yield* byCount(sh, name, args.slice(1)));
      if (a === '(' && c === ')') return b !== '';
      throw new TestError(`${name}: ${b}: binary operator expected`);
  }
}

class TestParser {
  pos = 0;
  private readonly sh: ShellState;
  private readonly args: readonly string[];
  private readonly name: string;
  constructor(sh: ShellState, args: readonly string[], name: string) {
    this.sh = sh;
    this.args = args;
    this.name = name;
  }
  *or(): Gen<boolean> {
    let value = yield* this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      const right = yield* this.and();
      value = value || right;
    }
    return value;
  }
  private *and(): Gen<boolean> {
    let value = yield* this.not();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      const right = yield* this.not();
      value = value && right;
    }
    return value;
  }
  private *not(): Gen<boolean> {
    const remaining = this.args.length - this.pos;
    if (
      this.args[this.pos] === '!' &&
      remaining > 1 &&
      !TEST_BINARY.has(this.args[this.pos + 1] ?? '')
    ) {
      this.pos++;
      return !(yield* this.not());
    }
    return yield* this.primary();
  }
  private *primary(): Gen<boolean> {
    const a = this.args[this.pos];
    if (a === undefined)
      throw new TestError(`${this.sh.dialect.name === 'bash' ? 'test: ' : ''}argument expected`);
    const op = this.args[this.pos + 1];
    if (
      op !== undefined &&
      TEST_BINARY.has(op) &&
      this.pos + 2 >= this.args.length &&
      !UNARY.has(a)
    )
      // `test 1 -eq`: dash and BusyBox want the operator's second operand.
      throw new TestError(
        `${this.sh.dialect.name === 'dash' ? `${this.name}: ` : ''}${op}: argument expected`,
      );
    if (op !== undefined && TEST_BINARY.has(op) && this.pos + 2 < this.args.length) {
      const b = this.args[this.pos + 2] as string;
      this.pos += 3;
      return yield* testBinary(this.sh, a, op, b);
    }
    if (a === '(' && this.args.length - this.pos > 2) {
      this.pos++;
      const value = yield* this.or();
      if (this.args[this.pos] !== ')') throw new TestError('test: closing paren expected');
      this.pos++;
      return value;
    }
    if (UNARY.has(a) && op !== undefined) {
      this.pos += 2;
      return yield* fileTest(a, op);
    }
    this.pos++;
    return a !== '';
  }
}

function integer(sh: ShellState, text: string): number {
  if (/^\s*[-+]?[0-9]+\s*$/.test(text)) return Number(text);
  throw new TestError(
    sh.dialect.name === 'bash'
      ? `test: ${text}: integer expression expected`
      : sh.dialect.name === 'dash'
        ? `test: Illegal number: ${text}`
        : `${text}: bad number`,
  );
}

/**
 * -ef, -nt, -ot through stat(2): the same inode, a later or earlier mtime.
 * bash (and coreutils' test) count a missing file as older than any;
 * dash and BusyBox need both files (recorded).
 */
export function* compareFiles(
  a: string,
  op: string,
  b: string,
  missingIsOlder: boolean,
): Gen<boolean> {
  const sa = yield* sys.stat(a);
  const sb = yield* sys.stat(b);
  if (sa instanceof Errno || sb instanceof Errno) {
    if (!missingIsOlder || op === '-ef') return false;
    return op === '-nt' ? !(sa instanceof Errno) : !(sb instanceof Errno);
  }
  if (op === '-ef') return sa.ino === sb.ino;
  return op === '-nt' ? sa.mtime > sb.mtime : sa.mtime < sb.mtime;
}

/** A binary test primary (also used by bash's `[[ ]]`). */
export function* testBinary(sh: ShellState, a: string, op: string, b: string): Gen<boolean> {
  switch (op) {
    case '-ef':
    case '-nt':
    case '-ot':
      return yield* compareFiles(a, op, b, sh.dialect.name === 'bash');
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '=':
      return a === b;
    case '==':
      // bash and BusyBox take == for =; dash's test does not know it.
      if (sh.dialect.name === 'dash') throw new TestError(`${a}: unexpected operator`);
      return a === b;
    case '!=':
      return a !== b;
    case '-eq':
      return integer(sh, a) === integer(sh, b);
    case '-ne':
      return integer(sh, a) !== integer(sh, b);
    case '-lt':
      return integer(sh, a) < integer(sh, b);
    case '-le':
      return integer(sh, a) <= integer(sh, b);
    case '-gt':
      return integer(sh, a) > integer(sh, b);
    case '-ge':
      return integer(sh, a) >= integer(sh, b);
    default:
      return false;
  }
}

/** A unary test primary: strings, -t, access and stat checks (also used by bash's `[[ ]]`). */
export function* fileTest(op: string, arg: string): Gen<boolean> {
  if (op === '-n') return arg !== '';
  if (op === '-z') return arg === '';
  if (op === '-t') return /^[0-9]+$/.test(arg) && (yield* sys.isatty(Number(arg)));
  const mode = ACCESS[op];
  if (mode !== undefined) return !((yield* sys.access(arg, mode)) instanceof Errno);
  const st = op === '-L' || op === '-h' ? yield* sys.lstat(arg) : yield* sys.stat(arg);
  if (st instanceof Errno) return false;
  switch (op) {
    case '-e':
    case '-a':
      return true;
    case '-f':
      return st.kind === 'file';
    case '-d':
      return st.kind === 'dir';
    case '-s':
      return st.size > 0;
    case '-L':
    case '-h':
      return st.kind === 'symlink';
    case '-c':
      return st.kind === 'chardev';
    case '-g':
      return (st.mode & 0o2000) !== 0;
    case '-u':
      return (st.mode & 0o4000) !== 0;
    case '-k':
      return (st.mode & 0o1000) !== 0;
    case '-O':
      return st.uid === (yield* sys.self()).euid;
    case '-G':
      return st.gid === (yield* sys.self()).egid;
    default:
      // -b, -p, -S: the simulated file system has no block devices, FIFOs or sockets.
      return false;
  }
}
