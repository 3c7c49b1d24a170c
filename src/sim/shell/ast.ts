/**
 * The shell's syntax tree (POSIX XCU 2.9 "Shell Commands", 2.6 "Word
 * Expansions"). Every node carries a span, so a walkthrough can highlight the
 * exact word being expanded and the line being executed.
 */

/** A place in the source: 1-based line and column, 0-based offset. */
export interface Pos {
  readonly line: number;
  readonly col: number;
  readonly offset: number;
}

export interface Span {
  readonly start: Pos;
  readonly end: Pos;
}

/** Literal text; `quoted` when it came from quotes or a backslash (no splitting, no globbing). */
export interface Lit {
  readonly type: 'lit';
  readonly value: string;
  readonly quoted: boolean;
  readonly span: Span;
}

export interface DoubleQuoted {
  readonly type: 'dq';
  readonly parts: readonly WordPart[];
  readonly span: Span;
}

/** `${name op arg}`; op '' is a plain `$name`, '#len' is `${#name}`. */
export interface ParamExp {
  readonly type: 'param';
  readonly name: string;
  readonly op: ParamOp;
  readonly colon: boolean;
  readonly arg: Word | undefined;
  readonly span: Span;
}

export type ParamOp = '' | '#len' | '-' | '=' | '?' | '+' | '#' | '##' | '%' | '%%';

/** `$(…)` or backquotes: runs in a forked subshell. */
export interface CmdSubst {
  readonly type: 'cmdsub';
  readonly body: Script;
  readonly backquote: boolean;
  readonly span: Span;
}

/** `$((…))`: the expression text is expanded first, then evaluated. */
export interface Arith {
  readonly type: 'arith';
  readonly expr: Word;
  readonly span: Span;
}

export type WordPart = Lit | DoubleQuoted | ParamExp | CmdSubst | Arith;

export interface Word {
  readonly parts: readonly WordPart[];
  readonly span: Span;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-';

export interface Redirect {
  readonly fd: number | undefined;
  readonly op: RedirOp;
  /** The file, descriptor or here-document delimiter. */
  readonly target: Word;
  /** A here-document's body; `quotedDelimiter` bodies are not expanded. */
  heredoc?: Word;
  readonly span: Span;
}

export interface Assign {
  readonly name: string;
  readonly value: Word;
  readonly span: Span;
}

export interface SimpleCommand {
  readonly type: 'simple';
  readonly assigns: readonly Assign[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  readonly span: Span;
}

interface Compound {
  redirects: Redirect[];
  readonly span: Span;
}

export interface Subshell extends Compound {
  readonly type: 'subshell';
  readonly body: Script;
}
export interface Group extends Compound {
  readonly type: 'group';
  readonly body: Script;
}
export interface If extends Compound {
  readonly type: 'if';
  readonly clauses: readonly { readonly cond: Script; readonly body: Script }[];
  readonly elseBody: Script | undefined;
}
export interface Loop extends Compound {
  readonly type: 'while' | 'until';
  readonly cond: Script;
  readonly body: Script;
}
export interface For extends Compound {
  readonly type: 'for';
  readonly name: string;
  /** undefined: `for x do` iterates over "$@". */
  readonly items: readonly Word[] | undefined;
  readonly body: Script;
}
export interface CaseItem {
  readonly patterns: readonly Word[];
  readonly body: Script;
  readonly span: Span;
}
export interface Case extends Compound {
  readonly type: 'case';
  readonly word: Word;
  readonly items: readonly CaseItem[];
}
export interface FunctionDef {
  readonly type: 'function';
  readonly name: string;
  readonly body: Command;
  readonly span: Span;
}

/** A `[[ … ]]` expression (bash): words are expanded without splitting or globbing. */
export type CondExpr =
  | { readonly kind: 'and' | 'or'; readonly left: CondExpr; readonly right: CondExpr }
  | { readonly kind: 'not'; readonly operand: CondExpr }
  | { readonly kind: 'unary'; readonly op: string; readonly arg: Word }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Word; readonly right: Word }
  | { readonly kind: 'word'; readonly word: Word };

/** `[[ expression ]]` (bash). */
export interface CondCommand extends Compound {
  readonly type: 'cond';
  readonly expr: CondExpr;
}

/** `(( expression ))` (bash): status 0 when the value is not zero. */
export interface ArithCommand extends Compound {
  readonly type: 'arith-command';
  readonly expr: Word;
}

export type Command =
  | SimpleCommand
  | Subshell
  | Group
  | If
  | Loop
  | For
  | Case
  | FunctionDef
  | CondCommand
  | ArithCommand;

export interface Pipeline {
  readonly type: 'pipeline';
  readonly bang: boolean;
  readonly commands: readonly Command[];
  readonly span: Span;
}

/** `a && b || c`: the first pipeline, then each operator with its pipeline. */
export interface AndOr {
  readonly type: 'andor';
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
  readonly background: boolean;
  readonly span: Span;
}

/** A list of and-or lists (a script, a compound command's body). */
export interface Script {
  readonly type: 'script';
  readonly items: readonly AndOr[];
  readonly span: Span;
}
