import * as sys from '../../kernel/syscall-api.ts';
import { complainIn, type Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';

/** Options a builtin read, its operands, or the status of a usage error it already reported. */
export type ParsedOptions =
  | { readonly options: ReadonlyMap<string, string>; readonly operands: readonly string[] }
  | { readonly failed: number };

/**
 * A builtin's options as the shells' own option readers take them (dash
 * nextopt, bash internal_getopt, BusyBox getopt32): letters may be bundled
 * (`-rs`), a letter followed by `:` in `spec` takes an argument, attached
 * (`-d:`) or next (`-d :`); `--` ends the options. Errors are worded per
 * shell; `usage` is bash's usage line, printed after its error.
 */
export function* builtinOptions(
  sh: ShellState,
  builtin: string,
  args: readonly string[],
  spec: string,
  usage: string,
): Gen<ParsedOptions> {
  const options = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let k = 1; k < arg.length; k++) {
      const letter = arg.charAt(k);
      const at = spec.indexOf(letter);
      if (at < 0 || letter === ':') {
        yield* optionError(sh, builtin, usage, 'illegal', letter);
        return { failed: 2 };
      }
      if (spec.charAt(at + 1) !== ':') {
        options.set(letter, '');
        continue;
      }
      const value = k + 1 < arg.length ? arg.slice(k + 1) : args[++i];
      if (value === undefined) {
        yield* optionError(sh, builtin, usage, 'missing', letter);
        return { failed: 2 };
      }
      options.set(letter, value);
      break;
    }
  }
  return { options, operands: args.slice(i) };
}

function* optionError(
  sh: ShellState,
  builtin: string,
  usage: string,
  kind: 'illegal' | 'missing',
  letter: string,
): Gen<void> {
  const name = sh.dialect.name;
  if (name === 'bash') {
    yield* complainIn(
      sh,
      builtin,
      kind === 'illegal' ? `-${letter}: invalid option` : `-${letter}: option requires an argument`,
    );
    yield* sys.write(2, `${builtin}: usage: ${usage}\n`);
  } else if (kind === 'illegal')
    yield* complainIn(sh, builtin, `${name === 'dash' ? 'I' : 'i'}llegal option -${letter}`);
  else yield* complainIn(sh, builtin, `${name === 'dash' ? 'N' : 'n'}o arg for -${letter} option`);
}
