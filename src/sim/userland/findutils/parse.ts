import { compileMode, adjustMode } from '../lib/mode-change.ts';
import { groupByName, userByName, type UserDb } from '../lib/user-db.ts';
import type { ExecAction, Expr, FindOptions, Test } from './expression.ts';

/** A find usage error: the message find prints after "find: ", then status 1. */
export class FindError extends Error {}

const BINARY: Record<string, 'and' | 'or'> = {
  '-a': 'and',
  '-and': 'and',
  '-o': 'or',
  '-or': 'or',
};
const NOT = new Set(['!', '-not']);
const SIMPLE = new Set(['empty', 'true', 'false', 'print', 'print0', 'prune', 'quit', 'delete']);

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
        return { kind: 'type', types: this.types(this.argument(token)) };
      case 'user':
        return { kind: 'uid', id: this.user(this.argument(token)) };
      case 'group':
        return { kind: 'gid', id: this.group(this.argument(token)) };
      case 'uid':
      case 'gid':
        return { kind: name, id: this.number(token, this.argument(token)) };
      case 'nouser':
      case 'nogroup':
        return { kind: name === 'nouser' ? 'uid' : 'gid', id: null };
      case 'perm':
        return this.perm(this.argument(token));
      case 'newer':
        return this.newer(this.argument(token));
      case 'maxdepth':
      case 'mindepth':
        this.options[name] = this.depth(token, this.argument(token));
        return { kind: 'true' };
      case 'depth':
        this.options.depthFirst = true;
        return { kind: 'true' };
      case 'exec':
        return { kind: 'exec', exec: this.exec(token) };
      default:
        throw new FindError(`unknown predicate \`${token}'`);
    }
  }

  private argument(token: string): string {
    const value = this.next();
    if (value === undefined) throw new FindError(`missing argument to \`${token}'`);
    return value;
  }

  private types(text: string): string {
    const types = text.split(',');
    for (const t of types)
      if (!/^[bcdpflsD]$/.test(t)) throw new FindError(`Unknown argument to -type: ${t}`);
    return types.join('');
  }

  private user(text: string): number {
    const user = userByName(this.db, text);
    if (user) return user.uid;
    if (/^\d+$/.test(text)) return Number(text);
    throw new FindError(`'${text}' is not the name of a known user`);
  }

  private group(text: string): number {
    const group = groupByName(this.db, text);
    if (group) return group.gid;
    if (/^\d+$/.test(text)) return Number(text);
    throw new FindError(`'${text}' is not the name of an existing group`);
  }

  private number(token: string, text: string): number {
    if (!/^\d+$/.test(text)) throw new FindError(`invalid argument \`${text}' to \`${token}'`);
    return Number(text);
  }

  private depth(token: string, text: string): number {
    if (!/^\d+$/.test(text))
      throw new FindError(
        `Expected a positive decimal integer argument to ${token}, but got '${text}'`,
      );
    return Number(text);
  }

  private perm(text: string): Test {
    const match = text.startsWith('-') ? 'all' : text.startsWith('/') ? 'any' : 'exact';
    const changes = compileMode(match === 'exact' ? text : text.slice(1));
    if (!changes) throw new FindError(`invalid mode '${text}'`);
    return { kind: 'perm', match, mode: adjustMode(0, false, 0, changes) };
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
