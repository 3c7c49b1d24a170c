import type { Word } from './ast.ts';

/**
 * bash's brace expansion, before every other expansion: `a{b,c}d` gives
 * abd acd, `{1..10..3}` and `{a..e}` sequences (zero-padded like `{05..10}`).
 * It works on the unquoted literal parts of a word; a brace group that
 * spans quotes or expansions stays as it is (a limitation).
 */
export function braceExpand(word: Word): Word[] {
  for (const [index, part] of word.parts.entries()) {
    if (part.type !== 'lit' || part.quoted || !part.value.includes('{')) continue;
    const texts = expandBraces(part.value);
    if (texts.length === 1 && texts[0] === part.value) continue;
    const before = word.parts.slice(0, index);
    const rest = braceExpand({ parts: word.parts.slice(index + 1), span: word.span });
    return texts.flatMap((text) =>
      rest.map((tail) => ({
        parts: [...before, { ...part, value: text }, ...tail.parts],
        span: word.span,
      })),
    );
  }
  return [word];
}

/** Expands the brace expressions of a text, left to right. */
export function expandBraces(text: string): string[] {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    const close = matchingBrace(text, open);
    if (close < 0) return [text];
    const alternatives = alternativesOf(text.slice(open + 1, close));
    if (alternatives === undefined) continue;
    const prefix = text.slice(0, open);
    const suffixes = expandBraces(text.slice(close + 1));
    return alternatives.flatMap((alternative) =>
      expandBraces(alternative).flatMap((middle) => suffixes.map((s) => prefix + middle + s)),
    );
  }
  return [text];
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The alternatives of `{a,b}` or the members of a sequence; undefined when the braces are literal. */
function alternativesOf(body: string): string[] | undefined {
  const sequence = sequenceOf(body);
  if (sequence) return sequence;
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of body) {
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    current += ch;
  }
  parts.push(current);
  return parts.length > 1 ? parts : undefined;
}

function sequenceOf(body: string): string[] | undefined {
  const numeric = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  const match = numeric ?? letters;
  if (!match) return undefined;
  const [, from = '', to = '', stepText] = match;
  const step = Math.abs(Number(stepText ?? '1')) || 1;
  const start = numeric ? Number(from) : from.charCodeAt(0);
  const end = numeric ? Number(to) : to.charCodeAt(0);
  const width = /^-?0\d/.test(from) || /^-?0\d/.test(to) ? Math.max(from.length, to.length) : 0;
  const out: string[] = [];
  const direction = start <= end ? 1 : -1;
  for (let n = start; direction > 0 ? n <= end : n >= end; n += direction * step) {
    if (!numeric) out.push(String.fromCharCode(n));
    else {
      const digits = String(Math.abs(n)).padStart(width - (n < 0 ? 1 : 0), '0');
      out.push((n < 0 ? '-' : '') + digits);
    }
    if (out.length > 100_000) break;
  }
  return out;
}
