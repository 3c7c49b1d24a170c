/**
 * procps-ng ps option parsing for the forms the course uses: BSD letters
 * (`aux`), UNIX options (`-e`, `-A`, `-f`, `-o`, `-p`) and a few GNU long
 * options. Errors carry procps 4.0.2's own words (captured from /usr/bin/ps
 * on Debian 12).
 */
export interface PsOptions {
  /** Which processes: all, BSD a/x combinations, the default (same user and terminal), or a PID list. */
  all: boolean;
  bsdA: boolean;
  bsdX: boolean;
  pids: number[] | null;
  format: 'default' | 'bsd' | 'user' | 'full' | 'custom';
  custom: { name: string; header?: string }[];
  wide: boolean;
  help: boolean;
}

export type ParseResult = PsOptions | { readonly error: string };

const BSD_LETTERS = new Set(['a', 'u', 'x', 'w', 'e']);

export function parsePsArgs(args: readonly string[]): ParseResult {
  const o: PsOptions = {
    all: false,
    bsdA: false,
    bsdX: false,
    pids: null,
    format: 'default',
    custom: [],
    wide: false,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = () => args[++i];
    if (arg === '--help') o.help = true;
    else if (arg.startsWith('--')) {
      const error = longOption(o, arg, next);
      if (error) return { error };
    } else if (arg.startsWith('-')) {
      const error = unixOptions(o, arg.slice(1), next);
      if (error) return { error };
    } else {
      for (const letter of arg) {
        if (!BSD_LETTERS.has(letter)) return { error: 'unsupported option (BSD syntax)' };
        if (letter === 'a') o.bsdA = true;
        if (letter === 'x') o.bsdX = true;
        if (letter === 'u') o.format = 'user';
        if (letter === 'w') o.wide = true;
      }
      if (o.format === 'default') o.format = 'bsd';
    }
  }
  return o;
}

function unixOptions(
  o: PsOptions,
  letters: string,
  next: () => string | undefined,
): string | undefined {
  for (let j = 0; j < letters.length; j++) {
    const letter = letters[j] as string;
    const rest = letters.slice(j + 1);
    if (letter === 'e' || letter === 'A') o.all = true;
    else if (letter === 'f') o.format = o.format === 'custom' ? 'custom' : 'full';
    else if (letter === 'o') return formatOption(o, rest || next(), '-o');
    else if (letter === 'p') return pidOption(o, rest || next(), '-p');
    else return 'unsupported SysV option';
  }
  return undefined;
}

function longOption(o: PsOptions, arg: string, next: () => string | undefined): string | undefined {
  const [name, inline] = arg.includes('=')
    ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
    : [arg, undefined];
  if (name === '--pid') return pidOption(o, inline ?? next(), '--pid');
  if (name === '--format') return formatOption(o, inline ?? next(), '--format');
  if (name === '--width' || name === '--cols' || name === '--columns') return undefined;
  return 'unknown gnu long option';
}

function formatOption(o: PsOptions, spec: string | undefined, flag: string): string | undefined {
  if (spec === undefined || spec === '') return `format specification must follow ${flag}`;
  o.format = 'custom';
  const equals = spec.indexOf('=');
  const names = (equals < 0 ? spec : spec.slice(0, equals)).split(/[\s,]+/).filter(Boolean);
  names.forEach((name, index) => {
    const last = index === names.length - 1;
    o.custom.push(last && equals >= 0 ? { name, header: spec.slice(equals + 1) } : { name });
  });
  return undefined;
}

function pidOption(o: PsOptions, list: string | undefined, flag: string): string | undefined {
  if (list === undefined) return `list of process IDs must follow ${flag}`;
  const parts = list.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^\d+$/.test(p) && Number(p) > 0))
    return 'process ID list syntax error';
  o.pids = [...(o.pids ?? []), ...parts.map(Number)];
  return undefined;
}
