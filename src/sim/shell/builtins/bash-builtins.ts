import * as sys from '../../kernel/syscall-api.ts';
import { complain, complainIn } from '../diagnostics.ts';
import { evaluateArithmetic } from '../arithmetic.ts';
import { makeLocal } from '../functions.ts';
import { NAME } from '../word-text.ts';
import { builtinOptions } from './options.ts';
import { declareLine } from './declare-line.ts';
import type { Builtin } from './types.ts';

const DECLARE_USAGE =
  'declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]';

/**
 * declare / typeset (bash) for plain variables: -x, -r, -g, -p, -F; inside a
 * function a declared name is local unless -g. Arrays (-a, -A), integers
 * (-i) and the other attributes are not modelled and say so.
 */
export function declareBuiltin(name: 'declare' | 'typeset'): Builtin {
  return function* (sh, argv) {
    const parsed = yield* builtinOptions(sh, name, argv.slice(1), 'aAfFgiIlnprtux', DECLARE_USAGE);
    if ('failed' in parsed) return parsed.failed;
    const { options, operands } = parsed;
    const unsupported = [...options.keys()].find((letter) => 'aAiIlntuf'.includes(letter));
    if (unsupported !== undefined) {
      yield* complainIn(sh, name, `-${unsupported}: not supported by the simulator`);
      return 2;
    }
    if (options.has('F')) {
      const names = operands.length > 0 ? operands : [...sh.functions.keys()].sort();
      let status = 0;
      for (const fn of names) {
        if (sh.functions.has(fn)) yield* sys.write(1, `declare -f ${fn}\n`);
        else status = 1;
      }
      return status;
    }
    if (operands.length === 0 || options.has('p')) {
      const names = operands.length > 0 ? operands : [...sh.vars.keys()].sort();
      let status = 0;
      for (const variable of names) {
        if (sh.vars.has(variable)) yield* sys.write(1, declareLine(sh, variable));
        else {
          yield* complainIn(sh, name, `${variable}: not found`);
          status = 1;
        }
      }
      return status;
    }
    let status = 0;
    for (const operand of operands) {
      const eq = operand.indexOf('=');
      const variable = eq < 0 ? operand : operand.slice(0, eq);
      if (!NAME.test(variable)) {
        yield* complainIn(sh, name, `\`${operand}': not a valid identifier`);
        status = 1;
        continue;
      }
      if (!options.has('g')) makeLocal(sh, variable);
      if (eq >= 0 && !sh.set(variable, operand.slice(eq + 1))) {
        yield* complain(sh, sh.dialect.readonly(variable).text);
        status = 1;
        continue;
      }
      const v = sh.vars.get(variable);
      if (v === undefined) continue;
      if (options.has('x')) v.exported = true;
      if (options.has('r')) v.readonly = true;
    }
    return status;
  };
}

/**
 * let expression… (bash, BusyBox ash): each argument is an arithmetic
 * expression; status 0 when the last one is not zero.
 */
export const letBuiltin: Builtin = function* (sh, argv) {
  const bash = sh.dialect.name === 'bash';
  const expressions = argv.slice(1);
  if (expressions.length === 0) {
    yield* complainIn(sh, 'let', 'expression expected');
    return bash ? 1 : 2;
  }
  let value = 0;
  for (const expression of expressions) {
    const result = evaluateArithmetic(sh, expression);
    if (!('value' in result)) {
      yield* complainIn(sh, 'let', result.text);
      return bash ? 1 : 2;
    }
    value = result.value;
  }
  return value === 0 ? 1 : 0;
};
