/**
 * A small evaluator for the Go text/template language as `docker inspect -f`
 * and `docker ps --format` use it: text and {{ }} actions holding a pipeline
 * of field chains (.State.Pid), literals and docker's template functions
 * (docker/cli templates/templates.go: json, join, split, lower, upper, title,
 * pad, truncate; and text/template's index, len, print, println). Values
 * print as Go's fmt %v prints them: a slice as [a b], a nil slice as [],
 * a map as map[k:v], a missing map key as <no value>. Parse errors carry
 * text/template's words ("unclosed action", `function "x" not defined`).
 * Control structures ({{if}}, {{range}}, {{with}}) are not modelled.
 */

/** A Go nil of a given kind: a nil slice prints [], a nil map map[], a nil pointer <nil>; all marshal to null. */
export interface GoNil {
  readonly goNil: 'slice' | 'map' | 'ptr';
}
/** A Go map (a plain object is a struct): keys print sorted, as map[k:v]. */
export interface GoMap {
  readonly goMap: Readonly<Record<string, GoValue>>;
}
export type GoValue =
  | string
  | number
  | boolean
  | GoNil
  | GoMap
  | readonly GoValue[]
  | { readonly [field: string]: GoValue };

export const nilSlice: GoNil = { goNil: 'slice' };
export const nilMap: GoNil = { goNil: 'map' };
export const nilPtr: GoNil = { goNil: 'ptr' };
/** A []string, nil when empty-and-absent (undefined). */
export const stringSlice = (values: readonly string[] | undefined): GoValue =>
  values === undefined ? nilSlice : values;
export const goMap = (entries: Readonly<Record<string, GoValue>>): GoMap => ({ goMap: entries });

const NO_VALUE = Symbol('no value');
type Val = GoValue | typeof NO_VALUE;

const isNil = (v: unknown): v is GoNil => typeof v === 'object' && v !== null && 'goNil' in v;
const isMap = (v: unknown): v is GoMap => typeof v === 'object' && v !== null && 'goMap' in v;

/** fmt's %v. */
export function formatValue(v: Val): string {
  if (v === NO_VALUE) return '<no value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNil(v)) return v.goNil === 'slice' ? '[]' : v.goNil === 'map' ? 'map[]' : '<nil>';
  if (Array.isArray(v)) return `[${v.map((e: GoValue) => formatValue(e)).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v.goMap).sort();
    return `map[${keys.map((k) => `${k}:${formatValue(v.goMap[k] as GoValue)}`).join(' ')}]`;
  }
  return `{${Object.values(v as Record<string, GoValue>)
    .map((e) => formatValue(e))
    .join(' ')}}`;
}

/** encoding/json with SetEscapeHTML(false), as docker's json function. */
export function toJson(v: Val): string {
  if (v === NO_VALUE) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isNil(v)) return 'null';
  if (Array.isArray(v)) return `[${v.map((e: GoValue) => toJson(e)).join(',')}]`;
  const entries = isMap(v)
    ? Object.keys(v.goMap)
        .sort()
        .map((k) => [k, v.goMap[k] as GoValue] as const)
    : Object.entries(v as Record<string, GoValue>);
  return `{${entries.map(([k, e]) => `${JSON.stringify(k)}:${toJson(e)}`).join(',')}}`;
}

type Operand =
  | { readonly kind: 'field'; readonly path: readonly string[] }
  | { readonly kind: 'literal'; readonly value: GoValue }
  | { readonly kind: 'func'; readonly name: string };
type Command = readonly Operand[];
type Node = { readonly text: string } | { readonly pipeline: readonly Command[] };

export interface Template {
  readonly nodes: readonly Node[];
}

type Fn = (args: Val[]) => Val;
const asString = (v: Val): string => (typeof v === 'string' ? v : formatValue(v));
const FUNCTIONS: Readonly<Record<string, Fn>> = {
  json: ([v]) => toJson(v ?? NO_VALUE),
  join: ([list, sep]) =>
    Array.isArray(list) ? (list as GoValue[]).map(asString).join(asString(sep ?? '')) : '',
  split: ([s, sep]) => asString(s ?? '').split(asString(sep ?? '')),
  lower: ([s]) => asString(s ?? '').toLowerCase(),
  upper: ([s]) => asString(s ?? '').toUpperCase(),
  title: ([s]) => asString(s ?? '').replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (m) => m.toUpperCase()),
  pad: ([s, before, after]) => {
    const text = asString(s ?? '');
    return text === ''
      ? text
      : ' '.repeat(Number(before ?? 0)) + text + ' '.repeat(Number(after ?? 0));
  },
  truncate: ([s, n]) => {
    const text = asString(s ?? '');
    return text.length < Number(n) ? text : text.slice(0, Number(n));
  },
  index: ([v, i]) => {
    if (Array.isArray(v)) return (v as GoValue[])[Number(i)] ?? NO_VALUE;
    if (isMap(v)) return v.goMap[asString(i ?? '')] ?? NO_VALUE;
    return NO_VALUE;
  },
  len: ([v]) =>
    Array.isArray(v) ? v.length : isMap(v) ? Object.keys(v.goMap).length : asString(v ?? '').length,
  print: (args) => args.map(asString).join(''),
  println: (args) => args.map(asString).join(' ') + '\n',
};

const KEYWORDS = new Set(['if', 'range', 'with', 'end', 'else', 'define', 'template', 'block']);

/** Parses a template; on failure returns text/template's error ("template: :1: …"). */
export function parseTemplate(source: string): Template | { readonly error: string } {
  const nodes: Node[] = [];
  let at = 0;
  const fail = (message: string) => ({ error: `template: :${lineAt(source, at)}: ${message}` });
  while (at < source.length) {
    const open = source.indexOf('{{', at);
    if (open < 0) {
      nodes.push({ text: source.slice(at) });
      break;
    }
    let text = source.slice(at, open);
    at = open + 2;
    if (source.startsWith('- ', at)) {
      text = text.replace(/\s+$/, '');
      at += 1;
    }
    if (text) nodes.push({ text });
    const parsed = parseAction(source, at);
    if ('error' in parsed) {
      at = parsed.at;
      return fail(parsed.error);
    }
    at = parsed.end;
    nodes.push({ pipeline: parsed.pipeline });
    if (parsed.trimRight) {
      const rest = /^\s*/.exec(source.slice(at));
      at += rest?.[0].length ?? 0;
    }
  }
  return { nodes };
}

function lineAt(source: string, at: number): number {
  return source.slice(0, at).split('\n').length;
}

function parseAction(
  source: string,
  start: number,
): { pipeline: Command[]; end: number; trimRight: boolean } | { error: string; at: number } {
  const pipeline: Command[] = [];
  let command: Operand[] = [];
  let i = start;
  const finish = (): string | undefined => {
    if (command.length === 0) return 'missing value for command';
    pipeline.push(command);
    command = [];
    return undefined;
  };
  for (;;) {
    while (i < source.length && /[ \t\r\n]/.test(source[i] as string)) i++;
    if (i >= source.length) return { error: 'unclosed action', at: i };
    if (source.startsWith('-}}', i) || source.startsWith('}}', i)) {
      const trimRight = source[i] === '-';
      const problem = finish();
      if (problem) return { error: problem, at: i };
      return { pipeline, end: i + (trimRight ? 3 : 2), trimRight };
    }
    const c = source[i] as string;
    if (c === '|') {
      const problem = finish();
      if (problem) return { error: problem, at: i };
      i++;
      continue;
    }
    if (c === '.') {
      const match = /^(\.[A-Za-z_][A-Za-z0-9_]*)+|^\./.exec(source.slice(i));
      const chain = match?.[0] ?? '.';
      command.push({ kind: 'field', path: chain === '.' ? [] : chain.slice(1).split('.') });
      i += chain.length;
      continue;
    }
    if (c === '"' || c === '`') {
      const close = c === '`' ? source.indexOf('`', i + 1) : findQuote(source, i + 1);
      if (close < 0) return { error: 'unterminated quoted string', at: i };
      const raw = source.slice(i, close + 1);
      command.push({
        kind: 'literal',
        value: c === '`' ? raw.slice(1, -1) : (JSON.parse(raw) as string),
      });
      i = close + 1;
      continue;
    }
    const number = /^-?\d+/.exec(source.slice(i));
    if (number) {
      command.push({ kind: 'literal', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (word) {
      const name = word[0];
      if (name === 'true' || name === 'false')
        command.push({ kind: 'literal', value: name === 'true' });
      else if (KEYWORDS.has(name))
        return { error: `{{${name}}} is not available in Stepdown's templates yet`, at: i };
      else if (!(name in FUNCTIONS)) return { error: `function "${name}" not defined`, at: i };
      else command.push({ kind: 'func', name });
      i += name.length;
      continue;
    }
    const code = c.codePointAt(0) ?? 0;
    return {
      error: `bad character U+${code.toString(16).toUpperCase().padStart(4, '0')} '${c}'`,
      at: i,
    };
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

function field(data: Val, path: readonly string[]): Val {
  let v: Val = data;
  for (const name of path) {
    if (v === NO_VALUE || typeof v !== 'object' || isNil(v) || Array.isArray(v)) return NO_VALUE;
    const next: GoValue | undefined = isMap(v)
      ? v.goMap[name]
      : (v as Record<string, GoValue>)[name];
    if (next === undefined) return NO_VALUE;
    v = next;
  }
  return v;
}

function evalCommand(command: Command, data: GoValue, piped: Val | undefined): Val {
  const [head, ...rest] = command;
  if (!head) return NO_VALUE;
  const value = (op: Operand): Val =>
    op.kind === 'field' ? field(data, op.path) : op.kind === 'literal' ? op.value : NO_VALUE;
  if (head.kind === 'func') {
    const args = rest.map(value);
    if (piped !== undefined) args.push(piped);
    return (FUNCTIONS[head.name] as Fn)(args);
  }
  return value(head);
}

/** Executes a parsed template against a value. */
export function executeTemplate(template: Template, data: GoValue): string {
  let out = '';
  for (const node of template.nodes) {
    if ('text' in node) {
      out += node.text;
      continue;
    }
    let value: Val | undefined;
    for (const command of node.pipeline) value = evalCommand(command, data, value);
    out += formatValue(value ?? NO_VALUE);
  }
  return out;
}
