import type { ShellState } from '../state.ts';

/** bash's `declare -p` quoting: double quotes, with `"`, `$`, `\` and backquote escaped (recorded). */
export const bashDeclareQuote = (value: string) => `"${value.replace(/["$\\`]/g, '\\$&')}"`;

/** The attribute letters `declare -p` shows for a variable (`--` for none). */
function attributes(sh: ShellState, name: string): string {
  const v = sh.vars.get(name);
  const letters = (v?.readonly ? 'r' : '') + (v?.exported ? 'x' : '');
  return letters === '' ? '--' : `-${letters}`;
}

/** One `declare -p` line; a variable declared without a value shows no `=`. */
export function declareLine(sh: ShellState, name: string): string {
  const v = sh.vars.get(name);
  const value = v === undefined ? '' : `=${bashDeclareQuote(v.value)}`;
  return `declare ${attributes(sh, name)} ${name}${value}\n`;
}
