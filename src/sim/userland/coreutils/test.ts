import { compareFiles, fileTest } from '../../shell/builtins/test.ts';
import { COREUTILS_TEST_BINARY } from '../../shell/test-operators.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { Errno } from '../../kernel/errno.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { TEST_HELP } from './test-help.ts';
import { versionText } from './version-texts.ts';

/** A syntax error: test(1) prints `PROGRAM: message` and exits 2. */
class Syntax extends Error {}

const UNARY = new Set('bcdefgGhkLNOprsStuwxnz');

/** quote(3) of gnulib in the C locale: 'text', with ' written as '\''. */
const quote = (text: string): string => `'${text.replace(/'/g, "'\\''")}'`;

/**
 * GNU coreutils test and [ (9.1, src/test.c), the programs /usr/bin/test and
 * /usr/bin/[ that `setpriv … test -r FILE` in redis 8's entrypoint runs (the
 * shells have their own builtins). Up to four arguments are decided by their
 * count as POSIX asks; longer ones go through the -o/-a grammar. Only `[`
 * knows --help and --version, and only as its single argument.
 */
export const test = program('coreutils/test', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'test');
  let args = ctx.argv.slice(1);
  if ((ctx.argv[0] ?? '').split('/').at(-1) === '[') {
    if (args.length === 1 && args[0] === '--help') {
      yield* out(TEST_HELP);
      return 0;
    }
    if (args.length === 1 && args[0] === '--version') {
      yield* out(versionText('['));
      return 0;
    }
    if (args.at(-1) !== ']') {
      yield* err(`${ctx.argv[0] ?? '['}: missing ${quote(']')}\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  if (args.length === 0) return 1;
  try {
    const parser = new Parser(args);
    const value = yield* parser.posix(args.length);
    if (parser.pos !== args.length)
      throw new Syntax(`extra argument ${quote(args[parser.pos] ?? '')}`);
    return value ? 0 : 1;
  } catch (e) {
    if (!(e instanceof Syntax)) throw e;
    yield* err(`${ctx.argv[0] ?? prog}: ${e.message}\n`);
    return 2;
  }
});

/** find_int: optional blanks, an optional sign, digits, optional blanks. */
function integer(text: string): bigint {
  const m = /^[ \t\n\v\f\r]*([-+]?[0-9]+)[ \t\n\v\f\r]*$/.exec(text);
  if (!m) throw new Syntax(`invalid integer ${quote(text)}`);
  return BigInt(m[1] as string);
}

class Parser {
  pos = 0;
  private readonly args: readonly string[];
  constructor(args: readonly string[]) {
    this.args = args;
  }

  private at(offset = 0): string | undefined {
    return this.args[this.pos + offset];
  }

  private advance(mustHaveMore: boolean): void {
    this.pos++;
    if (mustHaveMore && this.pos >= this.args.length) this.beyond();
  }

  private beyond(): never {
    throw new Syntax(`missing argument after ${quote(this.args.at(-1) ?? '')}`);
  }

  *posix(count: number): Gen<boolean> {
    switch (count) {
      case 1:
        return this.one();
      case 2:
        return yield* this.two();
      case 3:
        return yield* this.three();
      case 4:
        if (this.at() === '!') {
          this.advance(true);
          return !(yield* this.three());
        }
        if (this.at() === '(' && this.at(3) === ')') {
          this.advance(false);
          const value = yield* this.two();
          this.advance(false);
          return value;
        }
        return yield* this.expr();
      default:
        return yield* this.expr();
    }
  }

  private one(): boolean {
    const word = this.at() ?? '';
    this.pos++;
    return word !== '';
  }

  private *two(): Gen<boolean> {
    const word = this.at() ?? '';
    if (word === '!') {
      this.advance(false);
      return !this.one();
    }
    if (word.length === 2 && word[0] === '-') return yield* this.unary();
    return this.beyond();
  }

  private *three(): Gen<boolean> {
    const op = this.at(1) ?? '';
    if (COREUTILS_TEST_BINARY.has(op)) return yield* this.binary(false);
    if (this.at() === '!') {
      this.advance(true);
      return !(yield* this.two());
    }
    if (this.at() === '(' && this.at(2) === ')') {
      this.advance(false);
      const value = this.one();
      this.advance(false);
      return value;
    }
    if (op === '-a' || op === '-o') return yield* this.expr();
    throw new Syntax(`${quote(op)}: binary operator expected`);
  }

  private *expr(): Gen<boolean> {
    if (this.pos >= this.args.length) this.beyond();
    return yield* this.or();
  }

  private *or(): Gen<boolean> {
    let value = false;
    for (;;) {
      value = (yield* this.and()) || value;
      if (this.at() !== '-o') return value;
      this.advance(false);
    }
  }

  private *and(): Gen<boolean> {
    let value = true;
    for (;;) {
      value = (yield* this.term()) && value;
      if (this.at() !== '-a') return value;
      this.advance(false);
    }
  }

  private *term(): Gen<boolean> {
    let negated = false;
    while (this.at() === '!') {
      this.advance(true);
      negated = !negated;
    }
    if (this.pos >= this.args.length) this.beyond();
    let value: boolean;
    const word = this.at() as string;
    if (word === '(') {
      this.advance(true);
      let count = 1;
      while (this.pos + count < this.args.length && this.at(count) !== ')') {
        if (count === 4) {
          count = this.args.length - this.pos;
          break;
        }
        count++;
      }
      value = yield* this.posix(count);
      const close = this.at();
      if (close === undefined) throw new Syntax(`${quote(')')} expected`);
      if (close !== ')') throw new Syntax(`${quote(')')} expected, found ${quote(close)}`);
      this.advance(false);
    } else if (
      this.args.length - this.pos >= 4 &&
      word === '-l' &&
      COREUTILS_TEST_BINARY.has(this.at(2) ?? '')
    ) {
      value = yield* this.binary(true);
    } else if (this.args.length - this.pos >= 3 && COREUTILS_TEST_BINARY.has(this.at(1) ?? '')) {
      value = yield* this.binary(false);
    } else if (word.length === 2 && word[0] === '-') {
      value = yield* this.unary();
    } else {
      value = word !== '';
      this.advance(false);
    }
    return negated !== value;
  }

  private *binary(leftIsLength: boolean): Gen<boolean> {
    if (leftIsLength) this.advance(false);
    const op = this.pos + 1;
    const rightIsLength = op < this.args.length - 2 && this.args[op + 1] === '-l';
    if (rightIsLength) this.advance(false);
    this.pos += 3;
    const operator = this.args[op] as string;
    const left = this.args[op - 1] as string;
    const right = this.args[rightIsLength ? op + 2 : op + 1] as string;
    const number = (text: string, isLength: boolean) =>
      isLength ? BigInt(text.length) : integer(text);
    switch (operator) {
      case '=':
      case '==':
        return left === right;
      case '!=':
        return left !== right;
      case '-nt':
      case '-ot':
      case '-ef': {
        if (leftIsLength || rightIsLength) throw new Syntax(`${operator} does not accept -l`);
        return yield* compareFiles(left, operator, right, true);
      }
      default: {
        const l = number(left, leftIsLength);
        const r = number(right, rightIsLength);
        const compare = { '-eq': l === r, '-ne': l !== r, '-lt': l < r, '-le': l <= r };
        return (
          (compare as Record<string, boolean>)[operator] ?? (operator === '-gt' ? l > r : l >= r)
        );
      }
    }
  }

  private *unary(): Gen<boolean> {
    const op = this.at() as string;
    if (!UNARY.has(op[1] ?? '')) throw new Syntax(`${quote(op)}: unary operator expected`);
    this.advance(true);
    const operand = this.at() as string;
    this.pos++;
    if (op === '-t') {
      integer(operand);
      return yield* fileTest('-t', operand.trim().replace(/^\+/, ''));
    }
    if (op === '-N') {
      const st = yield* sys.stat(operand);
      return !(st instanceof Errno) && st.mtime > st.atime;
    }
    return yield* fileTest(op, operand);
  }
}
