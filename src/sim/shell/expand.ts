import { Errno } from '../kernel/errno.ts';
import type { ParamExp, Word, WordPart } from './ast.ts';
import { readWholeFile } from './builtins/script.ts';
import { braceExpand } from './brace-expansion.ts';
import { fatal, type Gen } from './diagnostics.ts';
import { FIELD_BREAK, fieldText, splitFields, type Expanded, type Field } from './field-split.ts';
import { glob, unescapePattern } from './glob.ts';
import { hasGlob, quotePattern, removeAffix } from './pattern.ts';
import { shellParts } from './paged.ts';
import type { ShellState } from './state.ts';
import { commandSubstitution } from './substitution.ts';

const DEFAULT_IFS = ' \t\n';

/** Full expansion of command words (XCU 2.6): the fields a command receives. */
export function* expandWords(sh: ShellState, words: readonly Word[]): Gen<string[]> {
  const out: string[] = [];
  const braced = sh.dialect.name === 'bash' ? words.flatMap(braceExpand) : words;
  for (const word of braced) {
    const pieces = yield* expandParts(sh, word.parts, false, true);
    const fields = splitFields(pieces, sh.get('IFS') ?? DEFAULT_IFS);
    for (const field of fields) out.push(...(yield* globField(sh, field)));
  }
  return out;
}

/** Expansion without field splitting or globbing: assignments, redirection targets, `case` words. */
export function* expandString(sh: ShellState, word: Word): Gen<string> {
  const pieces = yield* expandParts(sh, word.parts, false, true);
  return pieces.map((p) => (p === FIELD_BREAK ? ' ' : p.text)).join('');
}

/** A word as a pattern (case, ${v#p}): quoted characters match only themselves. */
export function* expandPattern(sh: ShellState, word: Word): Gen<string> {
  const pieces = yield* expandParts(sh, word.parts, false, false);
  return pieces
    .map((p) => (p === FIELD_BREAK ? ' ' : p.quoted ? quotePattern(p.text) : p.text))
    .join('');
}

function* globField(sh: ShellState, field: Field): Gen<string[]> {
  const pattern = field.map((p) => (p.quoted ? quotePattern(p.text) : p.text)).join('');
  if (sh.options.noglob || !field.some((p) => !p.quoted) || !hasGlob(pattern))
    return [fieldText(field)];
  const matches = yield* glob(pattern);
  return matches.length > 0 ? matches : [unescapePattern(pattern)];
}

/** Tilde expansion (XCU 2.6.1): `~` is HOME, `~user` that user's home in /etc/passwd. */
function* tilde(sh: ShellState, part: WordPart, first: boolean): Gen<string | undefined> {
  if (!first || part.type !== 'lit' || part.quoted || !part.value.startsWith('~')) return undefined;
  const slash = part.value.indexOf('/');
  const user = part.value.slice(1, slash < 0 ? undefined : slash);
  const home = user === '' ? sh.get('HOME') : yield* homeOf(user);
  if (home === undefined) return undefined;
  return home + (slash < 0 ? '' : part.value.slice(slash));
}

/** getpwnam(3)'s home directory, read from /etc/passwd. */
function* homeOf(user: string): Gen<string | undefined> {
  const passwd = yield* readWholeFile('/etc/passwd');
  if (passwd instanceof Errno) return undefined;
  const entry = passwd.split('\n').find((line) => line.split(':')[0] === user);
  return entry?.split(':')[5];
}

export function* expandParts(
  sh: ShellState,
  parts: readonly WordPart[],
  inDq: boolean,
  tildeOk: boolean,
): Gen<Expanded> {
  const out: Expanded = [];
  for (const [index, part] of parts.entries()) {
    const home = tildeOk ? yield* tilde(sh, part, index === 0) : undefined;
    if (home !== undefined) {
      out.push({ text: home, quoted: true, split: false });
      continue;
    }
    switch (part.type) {
      case 'lit':
        out.push({ text: part.value, quoted: part.quoted || inDq, split: false });
        break;
      case 'dq': {
        const only = part.parts[0];
        const lonelyAt =
          part.parts.length === 1 && only?.type === 'param' && only.name === '@' && only.op === '';
        if (!(lonelyAt && sh.positional.length === 0))
          out.push({ text: '', quoted: true, split: false });
        out.push(...(yield* expandParts(sh, part.parts, true, false)));
        break;
      }
      case 'param':
        out.push(...(yield* expandParam(sh, part, inDq)));
        break;
      case 'cmdsub': {
        const text = yield* commandSubstitution(sh, part.body);
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
      case 'arith': {
        const text = yield* arithmetic(sh, part.expr);
        out.push({ text, quoted: inDq, split: !inDq });
        break;
      }
    }
  }
  return out;
}

function* arithmetic(sh: ShellState, expr: Word): Gen<string> {
  const text = yield* expandString(sh, expr);
  const result = (yield* shellParts()).evaluateArithmetic(sh, text);
  if ('value' in result) return String(result.value);
  return yield* fatal(sh, result);
}

/** The value of a parameter, or undefined when it is unset. */
function paramValue(sh: ShellState, name: string): string | undefined {
  if (/^[0-9]+$/.test(name)) return name === '0' ? sh.arg0 : sh.positional[Number(name) - 1];
  switch (name) {
    case '#':
      return String(sh.positional.length);
    case '?':
      return String(sh.status);
    case '$':
      return String(sh.shellPid);
    case '!':
      return sh.lastBackground === undefined ? undefined : String(sh.lastBackground);
    case '-':
      return optionLetters(sh);
    case '@':
    case '*':
      return sh.positional.join(' ');
    case 'LINENO':
      return sh.get(name) ?? sh.dialect.lineno(sh);
    default:
      return sh.get(name);
  }
}

/**
 * `$-`: the option letters that are on, in each shell's own order (dash and
 * ash walk their option table backwards; bash adds h and B, which are on by
 * default, and c or s for how it reads its commands).
 */
function optionLetters(sh: ShellState): string {
  const o = sh.options;
  const on = new Set<string>();
  if (o.errexit) on.add('e');
  if (o.noglob) on.add('f');
  if (o.nounset) on.add('u');
  if (o.xtrace) on.add('x');
  if (o.verbose) on.add('v');
  if (sh.mode === 'interactive') on.add('i').add('s');
  if (sh.jobControl) on.add('m');
  if (sh.readsStdin) on.add('s');
  if (sh.mode === 'command') on.add('c');
  if (sh.dialect.name === 'bash') {
    on.add('h').add('B');
    if (sh.mode === 'interactive') on.add('H');
  }
  return Array.from(sh.dialect.optionOrder)
    .filter((letter) => on.has(letter))
    .join('');
}

function* expandParam(sh: ShellState, p: ParamExp, inDq: boolean): Gen<Expanded> {
  const list = p.name === '@' || p.name === '*';
  let value = paramValue(sh, p.name);
  if (list && sh.positional.length === 0) value = undefined;
  const unset = value === undefined || (p.colon && value === '');
  const result = (text: string): Expanded => [{ text, quoted: inDq, split: !inDq }];
  switch (p.op) {
    case '':
      if (value === undefined && sh.options.nounset && !list)
        return yield* fatal(sh, sh.dialect.unbound(p.name));
      return list ? positionalFields(sh, p.name, inDq) : result(value ?? '');
    case '#len':
      if (value === undefined && sh.options.nounset && !list)
        return yield* fatal(sh, sh.dialect.unbound(p.name));
      // dash and ash measure "$*" joined by spaces; bash counts the parameters.
      return result(
        String(
          list && sh.dialect.name === 'bash'
            ? sh.positional.length
            : Array.from(list ? sh.positional.join(' ') : (value ?? '')).length,
        ),
      );
    case '-':
      if (!unset) return list ? positionalFields(sh, p.name, inDq) : result(value ?? '');
      return yield* expandParts(sh, p.arg?.parts ?? [], inDq, true);
    case '+':
      return unset ? [] : yield* expandParts(sh, p.arg?.parts ?? [], inDq, true);
    case '=': {
      if (!unset) return result(value ?? '');
      const text = p.arg ? yield* expandString(sh, p.arg) : '';
      if (!sh.set(p.name, text)) return yield* fatal(sh, sh.dialect.readonly(p.name));
      return result(text);
    }
    case '?': {
      if (!unset) return list ? positionalFields(sh, p.name, inDq) : result(value ?? '');
      const message = p.arg && p.arg.parts.length > 0 ? yield* expandString(sh, p.arg) : undefined;
      return yield* fatal(sh, sh.dialect.paramError(p.name, message, p.colon));
    }
    default: {
      if (value === undefined && sh.options.nounset)
        return yield* fatal(sh, sh.dialect.unbound(p.name));
      const pattern = p.arg ? yield* expandPattern(sh, p.arg) : '';
      return result(removeAffix(value ?? '', pattern, p.op));
    }
  }
}

/** `$@` and `$*`: one field per parameter; inside quotes `$*` joins them with the first IFS character. */
function positionalFields(sh: ShellState, name: string, inDq: boolean): Expanded {
  if (inDq && name === '*') {
    const ifs = sh.get('IFS') ?? DEFAULT_IFS;
    return [{ text: sh.positional.join(ifs.slice(0, 1)), quoted: true, split: false }];
  }
  const out: Expanded = [];
  for (const [i, arg] of sh.positional.entries()) {
    if (i > 0) out.push(FIELD_BREAK);
    out.push({ text: arg, quoted: inDq, split: !inDq });
  }
  return out;
}
