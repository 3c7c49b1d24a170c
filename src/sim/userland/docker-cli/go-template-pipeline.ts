/**
 * The inside of a Go template action (Go text/template/parse's lexer and
 * pipeline parser): declarations ($x := …, $x = …, range's $i, $e := …),
 * commands of field chains, $variables, literals and functions joined by `|`,
 * up to the closing `}}` or ` -}}`. Errors carry the engine's words.
 */
import { FUNCTIONS, type GoValue } from './go-template-value.ts';

export type Operand =
  | { readonly kind: 'field'; readonly path: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly path: readonly string[] }
  | { readonly kind: 'literal'; readonly value: GoValue }
  | { readonly kind: 'func'; readonly name: string };
export type Command = readonly Operand[];
export interface Pipeline {
  readonly decl: readonly string[];
  readonly assign: boolean;
  readonly commands: readonly Command[];
}
/** A parse error at a source offset (its line goes into "template: :LINE: …"). */
export class ParseError extends Error {
  readonly at: number;
  constructor(message: string, at: number) {
    super(message);
    this.at = at;
  }
}

export const SPACE = /[ \t\r\n]/;
const KEYWORDS = new Set(['define', 'template', 'block']);

/** A cursor over the source, the variables in scope and whether the next text is trimmed. */
export class PipelineReader {
  protected readonly source: string;
  protected at = 0;
  protected trimNext = false;
  protected vars = ['$'];

  constructor(source: string) {
    this.source = source;
  }

  protected skipSpace(): void {
    while (this.at < this.source.length && SPACE.test(this.source[this.at] as string)) this.at++;
  }

  /** A pipeline up to the closing delimiter, with its leading declarations. */
  protected pipeline(context: string): Pipeline {
    const src = this.source;
    this.skipSpace();
    const decl: string[] = [];
    let assign = false;
    const declaration =
      /^(\$[A-Za-z0-9_]*)[ \t]*(?:,[ \t]*(\$[A-Za-z0-9_]*)[ \t]*)?(:=|=(?!=))/.exec(
        src.slice(this.at),
      );
    if (declaration) {
      decl.push(declaration[1] as string);
      if (declaration[2] !== undefined) {
        if (context !== 'range')
          throw new ParseError(`too many declarations in ${context}`, this.at);
        decl.push(declaration[2]);
      }
      assign = declaration[3] === '=';
      if (assign && decl.length > 1)
        throw new ParseError(`too many declarations in ${context}`, this.at);
      this.at += declaration[0].length;
      if (!assign) this.vars.push(...decl);
    } else if (
      context === 'range' &&
      /^\$[A-Za-z0-9_]*[ \t]*,[ \t]*\$[A-Za-z0-9_]*[ \t]*,/.test(src.slice(this.at))
    ) {
      throw new ParseError('too many declarations in range', this.at);
    }
    const commands: Command[] = [];
    let command: Operand[] = [];
    const finish = (): void => {
      if (command.length === 0) throw new ParseError('missing value for command', this.at);
      commands.push(command);
      command = [];
    };
    for (;;) {
      this.skipSpace();
      const i = this.at;
      if (i >= src.length) throw new ParseError('unclosed action', i);
      if (src.startsWith('-}}', i) || src.startsWith('}}', i)) {
        if (command.length === 0 && commands.length === 0 && context !== 'command')
          throw new ParseError(`missing value for ${context}`, i);
        finish();
        this.at = i + (src[i] === '-' ? 3 : 2);
        this.trimNext = src[i] === '-';
        return { decl, assign, commands };
      }
      command.push(...this.operand(i, () => finish()));
    }
  }

  /** The operand at i (none for a `|`, which ends the command). */
  private operand(i: number, endCommand: () => void): Operand[] {
    const src = this.source;
    const rest = src.slice(i);
    const c = src[i] as string;
    if (c === '|') {
      endCommand();
      this.at = i + 1;
      return [];
    }
    const chain = /^(?:\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(rest)?.[0];
    if (c === '.') {
      const text = chain ?? '.';
      this.at = i + text.length;
      return [{ kind: 'field', path: text === '.' ? [] : text.slice(1).split('.') }];
    }
    const variable = /^\$[A-Za-z0-9_]*/.exec(rest)?.[0];
    if (variable !== undefined) {
      if (!this.vars.includes(variable))
        throw new ParseError(`undefined variable "${variable}"`, i);
      const fields =
        /^(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i + variable.length))?.[0] ?? '';
      this.at = i + variable.length + fields.length;
      return [{ kind: 'variable', name: variable, path: fields ? fields.slice(1).split('.') : [] }];
    }
    if (c === '"' || c === '`') {
      const close = c === '`' ? src.indexOf('`', i + 1) : findQuote(src, i + 1);
      if (close < 0) throw new ParseError('unterminated quoted string', i);
      const raw = src.slice(i, close + 1);
      this.at = close + 1;
      return [
        { kind: 'literal', value: c === '`' ? raw.slice(1, -1) : (JSON.parse(raw) as string) },
      ];
    }
    const number = /^-?\d+/.exec(rest)?.[0];
    if (number !== undefined) {
      this.at = i + number.length;
      return [{ kind: 'literal', value: Number(number) }];
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0];
    if (name !== undefined) {
      this.at = i + name.length;
      if (name === 'true' || name === 'false') return [{ kind: 'literal', value: name === 'true' }];
      if (KEYWORDS.has(name))
        throw new ParseError(`{{${name}}} is not available in Stepdown's templates yet`, i);
      if (!(name in FUNCTIONS)) throw new ParseError(`function "${name}" not defined`, i);
      return [{ kind: 'func', name }];
    }
    const code = c.codePointAt(0) ?? 0;
    throw new ParseError(
      `bad character U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
      i,
    );
  }
}

function findQuote(source: string, from: number): number {
  for (let i = from; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') return i;
    else if (source[i] === '\n') return -1;
  }
  return -1;
}
