import type { LongOption } from '../lib/getopt-long.ts';
import type { Syntax } from './regex.ts';

/** GNU grep 3.8's short options this simulator reads (getopt string) and their long names. */
export const SHORT = 'EFGe:f:iyvcqnlLhHswxo';

export const LONGS: readonly LongOption[] = [
  ['extended-regexp', 'E'],
  ['fixed-strings', 'F'],
  ['basic-regexp', 'G'],
  ['ignore-case', 'i'],
  ['invert-match', 'v'],
  ['count', 'c'],
  ['quiet', 'q'],
  ['silent', 'q'],
  ['line-number', 'n'],
  ['files-with-matches', 'l'],
  ['files-without-match', 'L'],
  ['no-filename', 'h'],
  ['with-filename', 'H'],
  ['no-messages', 's'],
  ['word-regexp', 'w'],
  ['line-regexp', 'x'],
  ['only-matching', 'o'],
]
  .map(([name, key]) => ({ name: name as string, key: key as string, arg: 'none' as const }))
  .concat([
    { name: 'regexp', key: 'e', arg: 'required' as never },
    { name: 'file', key: 'f', arg: 'required' as never },
  ]);

export interface GrepOptions {
  syntax: Syntax;
  patterns: string[] | undefined;
  patternFiles: string[];
  ignoreCase: boolean;
  invert: boolean;
  count: boolean;
  quiet: boolean;
  lineNumbers: boolean;
  listMatching: boolean;
  listNonMatching: boolean;
  filenames: boolean | undefined;
  noMessages: boolean;
  word: boolean;
  line: boolean;
  onlyMatching: boolean;
}

export function grepOptions(
  options: readonly { key: string; value: string | undefined }[],
): GrepOptions {
  const o: GrepOptions = {
    syntax: 'basic',
    patterns: undefined,
    patternFiles: [],
    ignoreCase: false,
    invert: false,
    count: false,
    quiet: false,
    lineNumbers: false,
    listMatching: false,
    listNonMatching: false,
    filenames: undefined,
    noMessages: false,
    word: false,
    line: false,
    onlyMatching: false,
  };
  for (const { key, value } of options) apply(o, key, value ?? '');
  return o;
}

function apply(o: GrepOptions, key: string, value: string): void {
  if (key === 'E') o.syntax = 'extended';
  else if (key === 'F') o.syntax = 'fixed';
  else if (key === 'G') o.syntax = 'basic';
  else if (key === 'e') (o.patterns ??= []).push(...value.split('\n'));
  else if (key === 'f') o.patternFiles.push(value);
  else if (key === 'i' || key === 'y') o.ignoreCase = true;
  else if (key === 'v') o.invert = true;
  else if (key === 'c') o.count = true;
  else if (key === 'q') o.quiet = true;
  else if (key === 'n') o.lineNumbers = true;
  else if (key === 'l') o.listMatching = true;
  else if (key === 'L') o.listNonMatching = true;
  else if (key === 'h' || key === 'H') o.filenames = key === 'H';
  else if (key === 's') o.noMessages = true;
  else if (key === 'w') o.word = true;
  else if (key === 'x') o.line = true;
  else if (key === 'o') o.onlyMatching = true;
}
