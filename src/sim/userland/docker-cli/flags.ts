import { goQuote } from '../../docker/go-quote.ts';

/**
 * Command-line flags as the docker CLI (cobra + pflag) parses them, with the
 * set of flags read from the command's own --help text, so that every flag
 * Docker knows is recognised and every other one is refused in its words.
 */
export interface FlagSpec {
  readonly long: string;
  readonly short?: string;
  /** pflag's type word from the help ("string", "list", "int" …); undefined for booleans. */
  readonly type?: string;
}

export function flagsFromHelp(help: string): FlagSpec[] {
  const specs: FlagSpec[] = [];
  for (const line of help.split('\n')) {
    const match = /^\s{2}(?:-(\w), )?\s*--([\w-]+)(?: (\w+))?\s/.exec(line + ' ');
    if (!match) continue;
    const [, short, long, type] = match;
    specs.push({ long: long as string, ...(short ? { short } : {}), ...(type ? { type } : {}) });
  }
  return specs;
}

export interface ParsedFlags {
  readonly values: Map<string, string[]>;
  readonly args: string[];
}

/**
 * pflag's parse (spf13/pflag flag.go parseLongArg, parseSingleShortArg):
 * `--name=v`, `--name v`, `-abc`, `-nv`, `-n v`, `-n=v`; a boolean takes a
 * value only after `=`, read as strconv.ParseBool reads it. Errors come as
 * pflag words them, checked against the docker 28.2.2 client. Interspersed
 * flags stop at the first argument (docker run and exec set
 * SetInterspersed(false)).
 */
export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[],
): ParsedFlags | { readonly error: string } {
  const values = new Map<string, string[]>();
  /** pflag's fn(flag, value): a boolean's or an int's value must parse; the error stops the parse. */
  const set = (spec: FlagSpec, value: string): string | undefined => {
    // pflag intValue.Set: strconv.ParseInt (decimal only here, see LIMITATIONS.md).
    if (spec.type === 'int' && !/^-?\d+$/.test(value))
      return invalidArgument(
        spec,
        value,
        `strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`,
      );
    const stored = spec.type ? value : parseBool(value);
    if (stored === undefined)
      return invalidArgument(
        spec,
        value,
        `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`,
      );
    values.set(spec.long, [...(values.get(spec.long) ?? []), stored]);
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return { values, args: argv.slice(i + 1) };
    if (!arg.startsWith('-') || arg === '-') return { values, args: argv.slice(i) };
    if (arg.startsWith('--')) {
      const [name, inline] = splitInline(arg.slice(2));
      if (name === '' || name.startsWith('-')) return { error: `bad flag syntax: ${arg}` };
      const spec = specs.find((s) => s.long === name);
      if (!spec) return { error: `unknown flag: --${name}` };
      const value = inline ?? (spec.type ? argv[++i] : 'true');
      if (value === undefined) return { error: `flag needs an argument: --${name}` };
      const error = set(spec, value);
      if (error !== undefined) return { error };
      continue;
    }
    for (let shorthands = arg.slice(1); shorthands !== '';) {
      const letter = shorthands[0] as string;
      const spec = specs.find((s) => s.short === letter);
      if (!spec) return { error: `unknown shorthand flag: '${letter}' in -${shorthands}` };
      let value: string | undefined;
      let rest = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        rest = '';
      } else if (!spec.type) value = 'true';
      else if (rest !== '') {
        value = rest;
        rest = '';
      } else value = argv[++i];
      if (value === undefined)
        return { error: `flag needs an argument: '${letter}' in -${shorthands}` };
      const error = set(spec, value);
      if (error !== undefined) return { error };
      shorthands = rest;
    }
  }
  return { values, args: [] };
}

/** strconv.ParseBool's words, as pflag's bool flags store them. */
const BOOLS: Readonly<Record<string, 'true' | 'false'>> = {
  '1': 'true',
  t: 'true',
  T: 'true',
  TRUE: 'true',
  true: 'true',
  True: 'true',
  '0': 'false',
  f: 'false',
  F: 'false',
  FALSE: 'false',
  false: 'false',
  False: 'false',
};

function parseBool(text: string): 'true' | 'false' | undefined {
  return Object.hasOwn(BOOLS, text) ? BOOLS[text] : undefined;
}

/** pflag FlagSet.Set's error for a value the flag's type refuses. */
function invalidArgument(spec: FlagSpec, value: string, why: string): string {
  const names = spec.short === undefined ? `--${spec.long}` : `-${spec.short}, --${spec.long}`;
  return `invalid argument ${goQuote(value)} for "${names}" flag: ${why}`;
}

function splitInline(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}
