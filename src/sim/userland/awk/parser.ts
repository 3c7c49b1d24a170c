import type { Expr, Item, Stmt } from './ast.ts';
import { ExprParser } from './expr-parser.ts';
import type { Token } from './lexer.ts';

/**
 * A recursive-descent parser for the POSIX awk grammar without user
 * functions, getline and output redirection (the simulator names them as not
 * implemented): the program's items and their statements; expressions are
 * ExprParser's.
 */
export function parseProgram(tokens: readonly Token[]): Item[] {
  return new Parser(tokens).program();
}

class Parser extends ExprParser {
  program(): Item[] {
    const items: Item[] = [];
    this.terminators();
    while (this.tok.kind !== 'eof') {
      items.push(this.item());
      this.terminators();
    }
    return items;
  }

  private item(): Item {
    if (this.eat('BEGIN')) return { kind: 'begin', action: this.block() };
    if (this.eat('END')) return { kind: 'end', action: this.block() };
    if (this.is('function')) throw this.unsupported('function');
    const pattern = this.is('{') ? undefined : this.expr();
    const action = this.is('{') ? this.block() : undefined;
    return { kind: 'main', ...(pattern ? { pattern } : {}), ...(action ? { action } : {}) };
  }

  private block(): Stmt {
    this.newlines();
    this.expect('{');
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is('}')) {
      if (this.tok.kind === 'eof') throw this.error();
      body.push(this.statement());
      this.terminators();
    }
    this.i++;
    return { t: 'block', body };
  }

  private simpleEnd(): void {
    if (this.is(';') || this.tok.kind === 'newline') {
      this.i++;
      return;
    }
    if (this.is('}') || this.tok.kind === 'eof') return;
    throw this.error();
  }

  private statement(): Stmt {
    if (this.is('{')) return this.block();
    if (this.eat('if')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.newlines();
      const then = this.statement();
      const save = this.i;
      this.terminators();
      if (this.eat('else')) {
        this.newlines();
        return { t: 'if', c, then, else: this.statement() };
      }
      this.i = save;
      return { t: 'if', c, then };
    }
    if (this.eat('while')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.newlines();
      return { t: 'while', c, body: this.statement() };
    }
    if (this.eat('do')) {
      this.newlines();
      const body = this.statement();
      this.terminators();
      this.expect('while');
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.simpleEnd();
      return { t: 'do', c, body };
    }
    if (this.eat('for')) return this.forStatement();
    if (this.eat(';')) return { t: 'block', body: [] };
    let stmt: Stmt;
    if (this.eat('next')) stmt = { t: 'next' };
    else if (this.eat('break')) stmt = { t: 'break' };
    else if (this.eat('continue')) stmt = { t: 'continue' };
    else if (this.eat('exit')) {
      const ends = this.is(';') || this.is('}') || this.tok.kind === 'newline';
      stmt = ends ? { t: 'exit' } : { t: 'exit', e: this.expr() };
    } else if (this.is('print') || this.is('printf')) stmt = this.print();
    else if (this.eat('delete')) {
      const name = this.name();
      if (this.eat('[')) {
        const subs = this.exprList();
        this.expect(']');
        stmt = { t: 'delete', name, subs };
      } else stmt = { t: 'delete', name };
    } else if (this.is('getline') || this.is('return')) throw this.unsupported(this.tok.text);
    else stmt = { t: 'expr', e: this.expr() };
    this.simpleEnd();
    return stmt;
  }

  private forStatement(): Stmt {
    this.expect('(');
    const save = this.i;
    if (this.tok.kind === 'name') {
      const name = this.tok.text;
      this.i++;
      if (this.eat('in')) {
        const arr = this.name();
        this.expect(')');
        this.newlines();
        return { t: 'forin', name, arr, body: this.statement() };
      }
      this.i = save;
    }
    const init = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.newlines();
    const c = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.newlines();
    const step = this.is(')') ? undefined : this.expr();
    this.expect(')');
    this.newlines();
    return {
      t: 'for',
      ...(init ? { init } : {}),
      ...(c ? { c } : {}),
      ...(step ? { step } : {}),
      body: this.statement(),
    };
  }

  private print(): Stmt {
    const printf = this.tok.text === 'printf';
    this.i++;
    let args: Expr[] = [];
    const outer = this.noGreater;
    this.noGreater = true;
    if (!(this.is(';') || this.is('}') || this.tok.kind === 'newline' || this.tok.kind === 'eof'))
      args = this.exprList();
    this.noGreater = outer;
    if (this.is('>') || this.is('>>') || this.is('|')) throw this.unsupported('output redirection');
    // print (a, b): the parenthesised list is the argument list.
    return { t: 'print', printf, args };
  }
}
