/** The awk program as the parser builds it and the interpreter runs it. */
export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; src: string }
  | { t: 'var'; name: string }
  | { t: 'field'; e: Expr }
  | { t: 'index'; name: string; subs: Expr[] }
  | { t: 'assign'; op: string; target: Expr; e: Expr }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr }
  | { t: 'or' | 'and'; a: Expr; b: Expr }
  | { t: 'not'; e: Expr }
  | { t: 'match'; negate: boolean; e: Expr; re: Expr }
  | { t: 'cmp'; op: string; a: Expr; b: Expr }
  | { t: 'concat'; a: Expr; b: Expr }
  | { t: 'bin'; op: string; a: Expr; b: Expr }
  | { t: 'neg' | 'plus'; e: Expr }
  | { t: 'incdec'; op: string; prefix: boolean; target: Expr }
  | { t: 'call'; name: string; args: Expr[] }
  | { t: 'in'; key: Expr; name: string };

export type Stmt =
  | { t: 'print'; printf: boolean; args: Expr[] }
  | { t: 'expr'; e: Expr }
  | { t: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { t: 'while'; c: Expr; body: Stmt }
  | { t: 'do'; c: Expr; body: Stmt }
  | { t: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { t: 'forin'; name: string; arr: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' | 'break' | 'continue' }
  | { t: 'exit'; e?: Expr }
  | { t: 'delete'; name: string; subs?: Expr[] };

export interface Item {
  readonly kind: 'begin' | 'end' | 'main';
  readonly pattern?: Expr;
  readonly action?: Stmt;
}

/** What can be assigned to: a variable, a field, an array element. */
export function isLvalue(e: Expr): boolean {
  return e.t === 'var' || e.t === 'field' || e.t === 'index';
}
