/** A parsed find expression (findutils 4.9.0): tests, actions and the operators joining them. */
export type Test =
  | { readonly kind: 'name'; readonly pattern: string; readonly fold: boolean }
  | { readonly kind: 'path'; readonly pattern: string }
  | { readonly kind: 'type'; readonly types: string }
  | { readonly kind: 'uid'; readonly id: number | null }
  | { readonly kind: 'gid'; readonly id: number | null }
  | { readonly kind: 'perm'; readonly match: 'exact' | 'all' | 'any'; readonly mode: number }
  | { readonly kind: 'newer'; readonly mtime: number }
  | {
      readonly kind:
        | 'empty'
        | 'true'
        | 'false'
        | 'print'
        | 'print0'
        | 'prune'
        | 'quit'
        | 'delete'
        | 'executable';
    }
  | { readonly kind: 'exec'; readonly exec: ExecAction };

/** -exec COMMAND ; (once per file, "{}" replaced anywhere) or -exec COMMAND {} + (batched). */
export interface ExecAction {
  readonly argv: readonly string[];
  readonly batch: boolean;
  /** Paths waiting for the batched command. */
  readonly pending: string[];
}

export type Expr =
  | { readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr }
  | { readonly op: 'not'; readonly operand: Expr }
  | { readonly op: 'test'; readonly test: Test };

export interface FindOptions {
  maxdepth: number;
  mindepth: number;
  /** -depth or -delete: a directory after its contents. */
  depthFirst: boolean;
}

export const ACTIONS = new Set(['print', 'print0', 'exec', 'delete', 'quit', 'prune']);

/** True when the expression holds an action other than -prune; otherwise find adds -print. */
export function hasAction(expr: Expr): boolean {
  if (expr.op === 'test') return ACTIONS.has(expr.test.kind) && expr.test.kind !== 'prune';
  if (expr.op === 'not') return hasAction(expr.operand);
  return hasAction(expr.left) || hasAction(expr.right);
}

export function execActions(expr: Expr): ExecAction[] {
  if (expr.op === 'test') return expr.test.kind === 'exec' ? [expr.test.exec] : [];
  if (expr.op === 'not') return execActions(expr.operand);
  return [...execActions(expr.left), ...execActions(expr.right)];
}
