import * as sys from '../../kernel/syscall-api.ts';
import { ShellExit } from '../control.ts';
import { complainIn, fatal, fatalIn } from '../diagnostics.ts';
import { makeLocal } from '../functions.ts';
import { NAME } from '../word-text.ts';
import { numberArg } from './flow.ts';
import type { Builtin } from './types.ts';
import { declareLine } from './declare-line.ts';

const quoteValue = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;

/** export/readonly: `name[=value]…`, or `-p` to list (dash's `export NAME='value'` lines). */
function marker(kind: 'export' | 'readonly'): Builtin {
  return function* (sh, argv) {
    const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-p' || a === '--')));
    if (args.length === 0) {
      let text = '';
      const names = [...sh.vars.keys()].sort();
      for (const name of names) {
        const v = sh.vars.get(name);
        if (!v || !(kind === 'export' ? v.exported : v.readonly)) continue;
        // bash lists them as declare commands (recorded: `declare -x A="1"`).
        text +=
          sh.dialect.name === 'bash'
            ? declareLine(sh, name)
            : `${kind} ${name}=${quoteValue(v.value)}\n`;
      }
      yield* sys.write(1, text);
      return 0;
    }
    for (const arg of args) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (!NAME.test(name)) {
        if (sh.dialect.name === 'bash') {
          yield* complainIn(sh, kind, `\`${arg}': not a valid identifier`);
          return 1;
        }
        if (sh.dialect.name === 'ash') {
          yield* complainIn(sh, kind, `${name}: bad variable name`);
          throw new ShellExit(2);
        }
        return yield* fatalIn(sh, kind, { text: `${name}: bad variable name`, status: 2 });
      }
      if (eq >= 0 && !sh.set(name, arg.slice(eq + 1))) yield* fatal(sh, sh.dialect.readonly(name));
      const v = sh.vars.get(name) ?? { value: '', exported: false, readonly: false };
      if (!sh.vars.has(name) && kind === 'export') {
        sh.pendingExports.add(name);
        continue;
      }
      if (kind === 'export') v.exported = true;
      else v.readonly = true;
      sh.vars.set(name, v);
    }
    return 0;
  };
}

export const exportBuiltin = marker('export');
export const readonlyBuiltin = marker('readonly');

export const unset: Builtin = function* (sh, argv) {
  let functions = false;
  for (const arg of argv.slice(1)) {
    if (arg === '-f') functions = true;
    else if (arg === '-v') functions = false;
    else if (functions) sh.functions.delete(arg);
    else if (!sh.unset(arg))
      yield* fatal(sh, { ...sh.dialect.readonly(arg), text: `${arg}: is read only` });
  }
  return 0;
};

export const shift: Builtin = function* (sh, argv) {
  const n = yield* numberArg(sh, 'shift', argv[1], 1);
  if (n > sh.positional.length) {
    if (sh.dialect.name === 'bash' || sh.dialect.name === 'ash') return 1;
    return yield* fatalIn(sh, 'shift', { text: "can't shift that many", status: 2 });
  }
  sh.positional = sh.positional.slice(n);
  return 0;
};

export const local: Builtin = function* (sh, argv) {
  for (const arg of argv.slice(1)) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!makeLocal(sh, name)) {
      if (sh.dialect.name === 'bash') {
        yield* complainIn(sh, 'local', 'can only be used in a function');
        return 1;
      }
      return yield* fatalIn(sh, 'local', { text: 'not in a function', status: 2 });
    }
    if (eq >= 0) sh.set(name, arg.slice(eq + 1));
  }
  return 0;
};
