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

/** Interspersed flags stop at the first argument (docker run and exec set SetInterspersed(false)). */
export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[],
): ParsedFlags | { readonly error: string } {
  const values = new Map<string, string[]>();
  const set = (spec: FlagSpec, value: string) =>
    values.set(spec.long, [...(values.get(spec.long) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return { values, args: argv.slice(i + 1) };
    if (!arg.startsWith('-') || arg === '-') return { values, args: argv.slice(i) };
    if (arg.startsWith('--')) {
      const [name, inline] = splitInline(arg.slice(2));
      const spec = specs.find((s) => s.long === name);
      if (!spec) return { error: `unknown flag: --${name}` };
      if (!spec.type) set(spec, inline ?? 'true');
      else {
        const value = inline ?? argv[++i];
        if (value === undefined) return { error: `flag needs an argument: --${name}` };
        set(spec, value);
      }
      continue;
    }
    const letters = arg.slice(1);
    for (let j = 0; j < letters.length; j++) {
      const letter = letters[j] as string;
      const spec = specs.find((s) => s.short === letter);
      if (!spec) return { error: `unknown shorthand flag: '${letter}' in -${letters}` };
      if (!spec.type) {
        set(spec, 'true');
        continue;
      }
      const rest = letters.slice(j + 1).replace(/^=/, '');
      const value = rest !== '' ? rest : argv[++i];
      if (value === undefined)
        return { error: `flag needs an argument: '${letter}' in -${letters}` };
      set(spec, value);
      break;
    }
  }
  return { values, args: [] };
}

function splitInline(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}
