import type { LongOption } from '../lib/getopt-long.ts';

/**
 * ls's long options in the order of coreutils 9.1's long_options array
 * (src/ls.c): getopt lists ambiguous prefixes in this order, as
 * `ls --d` shows on Debian 12. Keys of options the simulator does not
 * implement start with "?".
 */
const TABLE: readonly (readonly [string, LongOption['arg'], string])[] = [
  ['all', 'none', 'a'],
  ['escape', 'none', '?b'],
  ['directory', 'none', 'd'],
  ['dired', 'none', '?D'],
  ['full-time', 'none', '?full-time'],
  ['group-directories-first', 'none', '?group-directories-first'],
  ['human-readable', 'none', '?h'],
  ['inode', 'none', '?i'],
  ['kibibytes', 'none', '?k'],
  ['numeric-uid-gid', 'none', 'n'],
  ['no-group', 'none', '?G'],
  ['hide-control-chars', 'none', '?q'],
  ['reverse', 'none', 'r'],
  ['size', 'none', '?s'],
  ['width', 'required', '?w'],
  ['almost-all', 'none', 'A'],
  ['ignore-backups', 'none', '?B'],
  ['classify', 'optional', '?F'],
  ['file-type', 'none', '?file-type'],
  ['si', 'none', '?si'],
  ['dereference-command-line', 'none', '?H'],
  ['dereference-command-line-symlink-to-dir', 'none', '?dereference-command-line-symlink-to-dir'],
  ['hide', 'required', '?hide'],
  ['ignore', 'required', '?I'],
  ['indicator-style', 'required', '?indicator-style'],
  ['dereference', 'none', '?L'],
  ['literal', 'none', '?N'],
  ['quote-name', 'none', '?Q'],
  ['quoting-style', 'required', '?quoting-style'],
  ['recursive', 'none', 'R'],
  ['format', 'required', '?format'],
  ['show-control-chars', 'none', '?show-control-chars'],
  ['sort', 'required', '?sort'],
  ['tabsize', 'required', '?T'],
  ['time', 'required', '?time'],
  ['time-style', 'required', '?time-style'],
  ['zero', 'none', '?zero'],
  ['color', 'optional', '?color'],
  ['hyperlink', 'optional', '?hyperlink'],
  ['block-size', 'required', '?block-size'],
  ['context', 'none', '?Z'],
  ['author', 'none', '?author'],
  ['help', 'none', '?help'],
  ['version', 'none', '?version'],
];

export const LS_LONG_OPTIONS: readonly LongOption[] = TABLE.map(([name, arg, key]) => ({
  name,
  arg,
  key,
}));

/** ls 9.1's short options the simulator does not implement (w, I and T take a value). */
export const UNIMPLEMENTED_SHORT = 'bcfghikmopqsuvwxBCDFGHILNQSTUXZ';

export const LS_SHORT = 'aAdlnrRt1' + UNIMPLEMENTED_SHORT.replace(/[wIT]/g, '$&:');

/** An option ls has but the simulator does not implement. */
export function isUnimplemented(key: string): boolean {
  return key.startsWith('?') || UNIMPLEMENTED_SHORT.includes(key);
}
