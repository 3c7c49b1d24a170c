import { AwkSyntaxError, type Token } from './lexer.ts';

/**
 * The parser's place in the token list and the checks every grammar rule
 * uses; a token that cannot stand where it is becomes mawk's syntax error.
 */
export class TokenCursor {
  protected i = 0;
  protected readonly tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  protected get tok(): Token {
    return this.tokens[this.i] as Token;
  }

  protected is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'punct' || t.kind === 'keyword') && t.text === text;
  }

  protected eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }

  protected expect(text: string): void {
    if (!this.eat(text)) throw this.error();
  }

  protected error(): AwkSyntaxError {
    const t = this.tok;
    if (t.kind === 'eof') return new AwkSyntaxError(t.line + 1, 'end of file', 'missing } near');
    return new AwkSyntaxError(t.line, t.kind === 'newline' ? 'end of line' : t.text);
  }

  protected newlines(): void {
    while (this.tok.kind === 'newline') this.i++;
  }

  protected terminators(): void {
    while (this.tok.kind === 'newline' || this.is(';')) this.i++;
  }

  protected unsupported(what: string): AwkSyntaxError {
    return new AwkSyntaxError(this.tok.line, what, `${what}: not implemented in this simulator`);
  }

  protected name(): string {
    if (this.tok.kind !== 'name') throw this.error();
    return this.tokens[this.i++]?.text as string;
  }
}
