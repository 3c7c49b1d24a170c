/**
 * A syntax error, as data: each dialect words it its own way
 * (dash `Syntax error: "fi" unexpected`, bash `syntax error near unexpected
 * token \`fi'`, BusyBox `syntax error: unexpected "fi"`).
 */
export type SyntaxProblem =
  /** A token where it cannot stand. */
  | {
      readonly kind: 'unexpected';
      readonly token: string;
      /** A plain word, not a reserved word: dash and ash call it `word`. */
      readonly word?: boolean;
      /** What would have been right there (dash and ash add `(expecting ")")`). */
      readonly expecting?: string;
    }
  /** bash's `((` left open at the end of input. */
  | { readonly kind: 'unterminated-arith' }
  /** The end of input inside a construct; `expecting` is the word that would close it. */
  | {
      readonly kind: 'eof';
      readonly expecting: string | undefined;
      readonly bashToken?: string | undefined;
    }
  /** A quote (', ", `) or ${ left open. */
  | { readonly kind: 'unterminated'; readonly quote: string }
  | { readonly kind: 'bad-for-variable' }
  | { readonly kind: 'bad-function-name' }
  | { readonly kind: 'missing-brace' }
  | { readonly kind: 'bad-substitution'; readonly text: string }
  /** A `[[ … ]]` problem (bash): one line, or none at all (`[[ ]]`), and the status is left as it was. */
  | { readonly kind: 'cond'; readonly message: string | undefined };

/** Thrown inside the parser only; `parse()` returns it as a value. */
export class ParseError extends Error {
  readonly problem: SyntaxProblem;
  /** The line dash and BusyBox report (where the parser stood). */
  readonly line: number;
  /** Where the construct began (bash names the line of an open quote). */
  readonly startLine: number;
  constructor(problem: SyntaxProblem, line: number, startLine = line) {
    super();
    this.problem = problem;
    this.line = line;
    this.startLine = startLine;
  }
}
