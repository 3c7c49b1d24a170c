import type { UserDb } from '../lib/user-db.ts';
import {
  FindError,
  isUnimplemented,
  parseDepth,
  parseGroup,
  parseNumber,
  parsePerm,
  parseTypes,
  parseUser,
} from './arguments.ts';

export { FindError } from './arguments.ts';
import type { ExecAction, Expr, FindOptions, Test } from './expression.ts';

const BINARY: Record<string, 'and' | 'or'> = {
  '-a': 'and',
  '-and': 'and',
  '-o': 'or',
  '-or': 'or',
};
const NOT = new Set(['!', '-not']);
const SIMPLE = new Set([
  'empty',
  'true',
  'false',
  'print',
  'print0',
  'prune',
  'quit',
  'delete',
  'executable',
]);

/**
 * findutils' parser: OR of ANDs of unary terms, "-a" optional between
 * terms, "!" / "-not", "( … )". Global options (-maxdepth, -mindepth,
 * -depth) set `options` and are true where they stand.
 */
export class Parser {
  private at = 0;
  private readonly args: readonly string[];
  private readonly db: UserDb;
  readonly options: FindOptions = { maxdepth: Infinity, mindepth: 0, depthFirst: false };
  /** mtimes of -newer's reference files, looked up before parsing. */
  private readonly mtimes: ReadonlyMap<string, number>;

  constructor(args: readonly string[], db: UserDb, mtimes: ReadonlyMap<string, number>) {
    this.args = args;
    this.db = db;
    this.mtimes = mtimes;
  }

  parse(): Expr | null {
    if (this.args.length === 0) return null;
    const expr = this.or();
    const extra = this.args[this.at];
    if (extra === ')') throw new FindError(`invalid expression; you have too many ')'`);
    if (extra !== undefined) throw new FindError(`paths must precede expression: \`${extra}'`);
    return expr;
  }

  private or(): Expr {
    let left = this.and();
    while (BINARY[this.peek() ?? ''] === 'or') {
      const op = this.next();
      if (this.peek() === undefined) throw new FindError(`expected an expression after '${op}'`);
      left = { op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      if (token === undefined || token === ')' || BINARY[token] === 'or') return left;
      if (BINARY[token] === 'and') {
        this.next();
        if (this.peek() === undefined)
          throw new FindError(`expected an expression after '${token}'`);
      }
      left = { op: 'and', left, right: this.unary() };
    }
  }

  private unary(): Expr {
    const token = this.next();
    if (token === undefined) throw new FindError('expected an expression');
    if (BINARY[token])
      throw new FindError(
        `invalid expression; you have used a binary operator '${token}' with nothing before it.`,
      );
    if (NOT.has(token)) {
      if (this.peek() === undefined) throw new FindError(`expected an expression after '${token}'`);
      return { op: 'not', operand: this.unary() };
    }
    if (token === '(') {
      const inner = this.or();
      if (this.next() !== ')')
        throw new FindError(
          `invalid expression; I was expecting to find a ')' somewhere but did not see one.`,
        );
      return inner;
    }
    if (!token.startsWith('-') || token === '-')
      throw new FindError(`paths must precede expression: \`${token}'`);
    return { op: 'test', test: this.primary(token) };
  }

  private primary(token: string): Test {
    const name = token.slice(1);
    if (SIMPLE.has(name)) {
      if (name === 'delete') this.options.depthFirst = true;
      return { kind: name as 'print' };
    }
    switch (name) {
      case 'name':
      case 'iname':
        return { kind: 'name', pattern: this.argument(token), fold: name === 'iname' };
      case 'path':
      case 'wholename':
        return { kind: 'path', pattern: this.argument(token) };
      case 'type':
        return { kind: 'type', types: parseTypes(this.argument(token)) };
      case 'user':
        return { kind: 'uid', id: parseUser(this.db, this.argument(token)) };
      case 'group':
        return { kind: 'gid', id: parseGroup(this.db, this.argument(token)) };
      case 'uid':
      case 'gid':
        return { kind: name, id: parseNumber(token, this.argument(token)) };
      case 'nouser':
      case 'nogroup':
        return { kind: name === 'nouser' ? 'uid' : 'gid', id: null };
      case 'perm':
        return parsePerm(this.argument(token));
      case 'newer':
        return this.newer(this.argument(token));
      case 'maxdepth':
      case 'mindepth':
        this.options[name] = parseDepth(token, this.argument(token));
        return { kind: 'true' };
      case 'depth':
        this.options.depthFirst = true;
        return { kind: 'true' };
      case 'exec':
        return { kind: 'exec', exec: this.exec(token) };
      default:
        if (isUnimplemented(token))
          throw new FindError(`${token}: not implemented in this simulator`);
        throw new FindError(`unknown predicate \`${token}'`);
    }
  }

  private argument(token: string): string {
    const value = this.next();
    if (value === undefined) throw new FindError(`missing argument to \`${token}'`);
    return value;
  }

  private newer(file: string): Test {
    const mtime = this.mtimes.get(file);
    if (mtime === undefined) throw new FindError(`'${file}': No such file or directory`);
    return { kind: 'newer', mtime };
  }

  private exec(token: string): ExecAction {
    const argv: string[] = [];
    for (;;) {
      const arg = this.next();
      if (arg === undefined || (arg === ';' && argv.length === 0))
        throw new FindError(`missing argument to \`${token}'`);
      if (arg === ';') return { argv, batch: false, pending: [] };
      if (arg === '+' && argv.at(-1) === '{}') {
        if (argv.slice(0, -1).some((a) => a.includes('{}')))
          throw new FindError('Only one instance of {} is supported with -exec ... +');
        return { argv: argv.slice(0, -1), batch: true, pending: [] };
      }
      argv.push(arg);
    }
  }

  private peek(): string | undefined {
    return this.args[this.at];
  }

  private next(): string | undefined {
    return this.args[this.at++];
  }
}
