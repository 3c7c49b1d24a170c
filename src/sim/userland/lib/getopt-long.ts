/**
 * getopt_long(3) as glibc 2.36 does it, with C's option-string notation:
 * short options from an optstring ("n:" takes an argument, "n::" an
 * optional one), long options matched by unambiguous prefix (synonyms for
 * the same option are not ambiguous), permutation (options may follow
 * operands) unless the optstring starts with "+", and "--" ending the
 * options. Errors carry glibc's words, which the program prints after
 * "PROG: " (then its own "Try ..." line).
 */
export interface LongOption {
  readonly name: string;
  readonly arg: 'none' | 'required' | 'optional';
  /** What the option is reported as: a short letter or any name the program picks. */
  readonly key: string;
}

export interface ParsedOption {
  readonly key: string;
  readonly value: string | undefined;
}

export interface Parsed {
  readonly options: ParsedOption[];
  readonly operands: string[];
}

export class GetoptError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

export function getoptLong(
  args: readonly string[],
  optstring: string,
  longs: readonly LongOption[] = [],
): Parsed | GetoptError {
  const inOrder = optstring.startsWith('+');
  const shorts = inOrder ? optstring.slice(1) : optstring;
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (inOrder) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    const next = args[i + 1];
    const taken = arg.startsWith('--')
      ? parseLong(arg, next, longs, options)
      : parseShorts(arg, next, shorts, options);
    if (taken instanceof GetoptError) return taken;
    i += taken;
  }
  return { options, operands };
}

/** Returns how many following arguments were consumed as the option's value. */
function parseLong(
  arg: string,
  next: string | undefined,
  longs: readonly LongOption[],
  options: ParsedOption[],
): number | GetoptError {
  const eq = arg.indexOf('=');
  const name = arg.slice(2, eq < 0 ? undefined : eq);
  const inline = eq < 0 ? undefined : arg.slice(eq + 1);
  const exact = longs.find((l) => l.name === name);
  const candidates = exact ? [exact] : longs.filter((l) => l.name.startsWith(name));
  const distinct = new Set(candidates.map((c) => `${c.key}/${c.arg}`));
  if (candidates.length === 0) return new GetoptError(`unrecognized option '${arg}'`);
  if (distinct.size > 1) {
    const list = candidates.map((c) => ` '--${c.name}'`).join('');
    return new GetoptError(`option '--${name}' is ambiguous; possibilities:${list}`);
  }
  const option = candidates[0] as LongOption;
  if (option.arg === 'none') {
    if (inline !== undefined)
      return new GetoptError(`option '--${option.name}' doesn't allow an argument`);
    options.push({ key: option.key, value: undefined });
    return 0;
  }
  if (inline !== undefined || option.arg === 'optional') {
    options.push({ key: option.key, value: inline });
    return 0;
  }
  if (next === undefined) return new GetoptError(`option '--${option.name}' requires an argument`);
  options.push({ key: option.key, value: next });
  return 1;
}

function parseShorts(
  arg: string,
  next: string | undefined,
  shorts: string,
  options: ParsedOption[],
): number | GetoptError {
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j] as string;
    const at = letter === ':' ? -1 : shorts.indexOf(letter);
    if (at < 0) return new GetoptError(`invalid option -- '${letter}'`);
    const takes = shorts[at + 1] === ':';
    const optional = takes && shorts[at + 2] === ':';
    if (!takes) {
      options.push({ key: letter, value: undefined });
      continue;
    }
    const rest = arg.slice(j + 1);
    if (rest !== '' || optional) {
      options.push({ key: letter, value: rest === '' ? undefined : rest });
      return 0;
    }
    if (next === undefined) return new GetoptError(`option requires an argument -- '${letter}'`);
    options.push({ key: letter, value: next });
    return 1;
  }
  return 0;
}
