/**
 * Which shell's grammar the parser reads. POSIX sh is dash's; BusyBox ash
 * (built with its bash compatibility, as Debian and Alpine build it) adds
 * `$'…'` and the `function` keyword; bash adds `[[ … ]]`, `(( … ))` and
 * brace expansion too. In dash these are ordinary words, as in the real dash.
 */
export type Syntax = 'dash' | 'bash' | 'ash';

/** `$'a\tb'`: ANSI-C quoting (bash, BusyBox ash). */
export const hasDollarSingle = (syntax: Syntax): boolean => syntax !== 'dash';

/** `function name { … }` (bash, BusyBox ash). */
export const hasFunctionKeyword = (syntax: Syntax): boolean => syntax !== 'dash';

/** `[[ … ]]` conditional commands and `(( … ))` arithmetic commands (bash). */
export const hasBashCompounds = (syntax: Syntax): boolean => syntax === 'bash';
