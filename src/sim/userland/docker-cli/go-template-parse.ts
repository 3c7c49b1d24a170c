/**
 * text/template's parser (Go text/template/parse) for the subset docker's
 * -f/--format use: the tree of text, comments, the trim markers {{- and -}},
 * actions and the control structures if/else if/else, range/else,
 * with/else with/else, break and continue, with the scopes of variables.
 * The inside of an action is read by go-template-pipeline.ts. Errors carry
 * the engine's words and line ("template: :1: …").
 */
import { ParseError, PipelineReader, SPACE, type Pipeline } from './go-template-pipeline.ts';

export type { Command, Operand, Pipeline } from './go-template-pipeline.ts';

export type Control = 'if' | 'range' | 'with';
export type Node =
  | { readonly text: string }
  | { readonly action: Pipeline }
  | {
      readonly control: Control;
      readonly pipe: Pipeline;
      readonly list: readonly Node[];
      readonly elseList: readonly Node[];
    }
  | { readonly loop: 'break' | 'continue' };

export interface Template {
  readonly nodes: readonly Node[];
}

/** Parses a template; on failure returns text/template's error ("template: :1: …"). */
export function parseTemplate(source: string): Template | { readonly error: string } {
  try {
    return { nodes: new Parser(source).parseAll() };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return { error: `template: :${source.slice(0, e.at).split('\n').length}: ${e.message}` };
  }
}

/** What ended an item list: {{end}}, {{else}} (maybe followed by `if`/`with`), or the end of input. */
type Stop = { kind: 'end' | 'eof'; at: number } | { kind: 'else'; at: number; chain?: Control };

class Parser extends PipelineReader {
  private rangeDepth = 0;

  parseAll(): Node[] {
    const { nodes, stop } = this.itemList();
    if (stop.kind !== 'eof') throw new ParseError(`unexpected {{${stop.kind}}}`, stop.at);
    return nodes;
  }

  private itemList(): { nodes: Node[]; stop: Stop } {
    const nodes: Node[] = [];
    const src = this.source;
    for (;;) {
      const open = src.indexOf('{{', this.at);
      let text = src.slice(this.at, open < 0 ? undefined : open);
      if (this.trimNext) text = text.replace(/^[ \t\r\n]+/, '');
      this.trimNext = false;
      if (open < 0) {
        if (text) nodes.push({ text });
        this.at = src.length;
        return { nodes, stop: { kind: 'eof', at: src.length } };
      }
      this.at = open + 2;
      if (src[this.at] === '-' && SPACE.test(src[this.at + 1] ?? '')) {
        text = text.replace(/[ \t\r\n]+$/, '');
        this.at += 2;
      }
      if (text) nodes.push({ text });
      const node = this.action();
      if (node === undefined) continue;
      if ('kind' in node) return { nodes, stop: node };
      nodes.push(node);
    }
  }

  /** One {{…}} after its opening delimiter: a node, a Stop, or nothing (a comment). */
  private action(): Node | Stop | undefined {
    const src = this.source;
    if (src.startsWith('/*', this.at)) {
      const close = src.indexOf('*/', this.at + 2);
      if (close < 0) throw new ParseError('unclosed comment', src.length);
      this.at = close + 2;
      if (!this.closeDelim()) throw new ParseError('comment ends before closing delimiter', close);
      return undefined;
    }
    this.skipSpace();
    const start = this.at;
    const word = /^[a-z]+/.exec(src.slice(start))?.[0] ?? '';
    const after = src[start + word.length] ?? '';
    if (!word || /[A-Za-z0-9_]/.test(after)) return { action: this.pipeline('command') };
    if (word === 'if' || word === 'range' || word === 'with') {
      this.at += word.length;
      return this.control(word);
    }
    if (word === 'end' || word === 'else') {
      this.at += word.length;
      this.skipSpace();
      const chained = /^(if|with)\b/.exec(src.slice(this.at))?.[0] as Control | undefined;
      if (word === 'else' && chained) {
        this.at += chained.length;
        return { kind: 'else', at: start, chain: chained };
      }
      this.expectClose(word);
      return { kind: word, at: start };
    }
    if (word === 'break' || word === 'continue') {
      this.at += word.length;
      if (this.rangeDepth === 0) throw new ParseError(`{{${word}}} outside {{range}}`, start);
      this.expectClose(word);
      return { loop: word };
    }
    return { action: this.pipeline('command') };
  }

  private control(kind: Control): Node {
    const mark = this.vars.length;
    const pipe = this.pipeline(kind);
    if (kind === 'range') this.rangeDepth++;
    const { nodes: list, stop } = this.itemList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: Node[] = [];
    if (stop.kind === 'eof') throw new ParseError('unexpected EOF', stop.at);
    if (stop.kind === 'else') {
      if (stop.chain !== undefined && stop.chain === kind) {
        // {{else if b}} is {{else}}{{if b}}…{{end}}{{end}}: the inner control takes the {{end}}.
        elseList = [this.control(kind)];
      } else if (stop.chain !== undefined) {
        throw new ParseError(`unexpected <${stop.chain}> in input`, this.at);
      } else {
        const rest = this.itemList();
        if (rest.stop.kind === 'eof') throw new ParseError('unexpected EOF', rest.stop.at);
        if (rest.stop.kind !== 'end')
          throw new ParseError(`expected end; found {{${rest.stop.kind}}}`, rest.stop.at);
        elseList = rest.nodes;
      }
    }
    this.vars = this.vars.slice(0, mark);
    return { control: kind, pipe, list, elseList };
  }

  /** Consumes `}}` or ` -}}` (trimming what follows); false when neither is next. */
  private closeDelim(): boolean {
    const rest = this.source.slice(this.at);
    const trim = /^[ \t\r\n]*-\}\}/.exec(rest);
    if (trim && (trim[0].length > 3 || SPACE.test(this.source[this.at - 1] ?? ''))) {
      this.at += trim[0].length;
      this.trimNext = true;
      return true;
    }
    if (!rest.startsWith('}}')) return false;
    this.at += 2;
    return true;
  }

  private expectClose(word: string): void {
    if (this.closeDelim()) return;
    this.skipSpace();
    if (this.closeDelim()) return;
    throw new ParseError(`unexpected input in ${word}`, this.at);
  }
}
