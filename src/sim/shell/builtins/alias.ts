import * as sys from '../../kernel/syscall-api.ts';
import { complainIn } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import type { Builtin } from './types.ts';

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** One alias as `alias` lists it: bash `alias ll='ls -l'`, dash and ash `ll='ls -l'`. */
function aliasLine(sh: ShellState, name: string, value: string): string {
  return `${sh.dialect.name === 'bash' ? 'alias ' : ''}${name}=${quote(value)}\n`;
}

/** A name that is not an alias: bash complains on standard error, dash and ash print `alias: x not found`. */
function* notFound(sh: ShellState, builtin: string, name: string) {
  if (sh.dialect.name === 'bash') yield* complainIn(sh, builtin, `${name}: not found`);
  else yield* sys.write(2, `${builtin}: ${name} not found\n`);
}

/** alias [name[=value]…] (XCU alias): defines, or lists all or the named aliases. */
export const alias: Builtin = function* (sh, argv) {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-p' || a === '--')));
  if (args.length === 0) {
    const names = [...sh.aliases.keys()].sort();
    yield* sys.write(1, names.map((n) => aliasLine(sh, n, sh.aliases.get(n) ?? '')).join(''));
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) {
      sh.aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
      continue;
    }
    const value = sh.aliases.get(arg);
    if (value === undefined) {
      yield* notFound(sh, 'alias', arg);
      status = 1;
    } else yield* sys.write(1, aliasLine(sh, arg, value));
  }
  return status;
};

/** unalias [-a] name… */
export const unalias: Builtin = function* (sh, argv) {
  if (argv[1] === '-a') {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const name of argv.slice(1)) {
    if (!sh.aliases.delete(name)) {
      yield* notFound(sh, 'unalias', name);
      status = 1;
    }
  }
  return status;
};
