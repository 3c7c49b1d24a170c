import type { Instruction, InstructionFlag, ParsedDockerfile } from './instruction.ts';
import { logicalLines } from './logical-lines.ts';

/**
 * The run-time Dockerfile parser for `docker build` contexts, following
 * buildkit's parser (frontend/dockerfile/parser: parser.go splitCommand and
 * extractBuilderFlags, line_parsers.go parseMaybeJSON, parseMaybeJSONToList,
 * parseStringsWhitespaceDelimited, parseString, parseNameVal,
 * parseNameOrNameVal). The pinned redis Dockerfiles are parsed with
 * dockerfile-ast at build time instead (instruction.ts).
 */

export class DockerfileParseError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const KNOWN = new Set([
  'add',
  'arg',
  'cmd',
  'copy',
  'entrypoint',
  'env',
  'expose',
  'from',
  'healthcheck',
  'label',
  'maintainer',
  'onbuild',
  'run',
  'shell',
  'stopsignal',
  'user',
  'volume',
  'workdir',
]);

export function parseDockerfile(source: string): ParsedDockerfile | DockerfileParseError {
  const instructions: Instruction[] = [];
  for (const line of logicalLines(source)) {
    const trimmed = line.text.trim();
    const [word, rest] = splitOnce(trimmed);
    const keyword = word.toLowerCase();
    if (!KNOWN.has(keyword))
      // instructions.ParseInstruction: `unknown instruction: %s` (the word as written).
      return new DockerfileParseError(`unknown instruction: ${word}`, line.startLine + 1);
    const { flags, rest: args } = extractFlags(rest);
    const span = {
      startLine: line.startLine,
      startColumn: line.startColumn,
      endLine: line.endLine,
      endColumn: line.endColumn,
    };
    instructions.push({
      keyword: keyword.toUpperCase(),
      original: trimmed,
      flags,
      ...argumentsOf(keyword, args),
      span,
    });
  }
  if (instructions.length === 0)
    return new DockerfileParseError('file with no instructions', logicalLines(source).length);
  return { instructions };
}

type Arguments = Pick<Instruction, 'form' | 'args' | 'pairs'>;

function argumentsOf(keyword: string, rest: string): Arguments {
  switch (keyword) {
    case 'run':
    case 'cmd':
    case 'entrypoint':
    case 'shell': {
      const json = jsonStrings(rest);
      return json
        ? { form: 'exec', args: json, pairs: [] }
        : { form: 'shell', args: rest === '' ? [] : [rest], pairs: [] };
    }
    case 'copy':
    case 'add':
    case 'volume': {
      const json = jsonStrings(rest);
      return json
        ? { form: 'exec', args: json, pairs: [] }
        : { form: 'words', args: whitespaceWords(rest), pairs: [] };
    }
    case 'env':
    case 'label':
      return { form: 'pairs', args: [], pairs: nameValues(rest) };
    case 'arg':
      return {
        form: 'pairs',
        args: [],
        pairs: quotedWords(rest).map((w) => {
          const eq = w.indexOf('=');
          return eq < 0 ? [w, null] : [w.slice(0, eq), w.slice(eq + 1)];
        }),
      };
    case 'from':
    case 'expose':
      return { form: 'words', args: whitespaceWords(rest), pairs: [] };
    default:
      return { form: 'words', args: rest === '' ? [] : [rest], pairs: [] };
  }
}

function splitOnce(text: string): [string, string] {
  const match = /^(\S+)[\t\v\f\r ]+([\s\S]*)$/.exec(text);
  return match ? [match[1] ?? '', match[2] ?? ''] : [text, ''];
}

const whitespaceWords = (text: string): string[] => text.split(/[\t\v\f\r ]+/).filter(Boolean);

/** parseMaybeJSON: an array of strings when the text is one, else undefined (shell form). */
function jsonStrings(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch {
    /* not JSON: shell form */
  }
  return undefined;
}

/** extractBuilderFlags: leading `--name=value` words. */
function extractFlags(text: string): { flags: InstructionFlag[]; rest: string } {
  const flags: InstructionFlag[] = [];
  let rest = text;
  for (;;) {
    const match = /^--([^\s=]+)(?:=(\S*))?(?:[\t\v\f\r ]+|$)/.exec(rest);
    if (!match) break;
    flags.push({ name: match[1] ?? '', value: match[2] ?? null });
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
}

/** parseWords: whitespace-separated words; quotes and escapes stay in the words. */
function quotedWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === '' && /\s/.test(ch)) {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    if (ch === '\\' && quote !== "'" && i + 1 < text.length) {
      word += ch + (text[++i] ?? '');
      continue;
    }
    if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = '';
    word += ch;
  }
  if (word !== '') words.push(word);
  return words;
}

/**
 * parseNameVal: the old form `NAME value…` (no `=` in the first word: the
 * value is the rest of the line) or `NAME=value …` pairs.
 */
function nameValues(text: string): [string, string][] {
  const words = quotedWords(text);
  const first = words[0] ?? '';
  if (!first.includes('=')) {
    const [name, value] = splitOnce(text);
    return [[name, value]];
  }
  return words.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? [w, ''] : [w.slice(0, eq), w.slice(eq + 1)];
  });
}
