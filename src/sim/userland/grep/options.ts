import type { LongOption } from '../lib/getopt-long.ts';
import type { Syntax } from './regex.ts';

/** GNU grep 3.8's short options this simulator reads (getopt string) and their long names. */
const IMPLEMENTED = 'EFGe:f:iyvcqnlLhHswxo';

/** grep 3.8's other short options (grep.c short_options), reported as not implemented. */
export const UNIMPLEMENTED_SHORT = '0123456789ABCDIPRTUVXZabdmruz';

export const SHORT = IMPLEMENTED + UNIMPLEMENTED_SHORT.replace(/[ABCDXdm]/g, '$&:');

/** `grep --version` on Debian 12. */
export const VERSION_TEXT =
  'grep (GNU grep) 3.8\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Mike Haertel and others; see\n<https://git.sv.gnu.org/cgit/grep.git/tree/AUTHORS>.\n';

const FLAG_NAMES: readonly (readonly [string, string])[] = [
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
];

export const LONGS: readonly LongOption[] = [
  ...FLAG_NAMES.map(([name, key]) => ({ name, key, arg: 'none' as const })),
  { name: 'regexp', key: 'e', arg: 'required' },
  { name: 'file', key: 'f', arg: 'required' },
  { name: 'recursive', key: 'r', arg: 'none' },
  { name: 'help', key: '?help', arg: 'none' },
  { name: 'version', key: '?version', arg: 'none' },
];

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
