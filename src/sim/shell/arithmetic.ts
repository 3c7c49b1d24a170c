import { evaluate, type ArithError } from './arith.ts';
import type { ShellState } from './state.ts';

/** Evaluates expanded arithmetic text in the shell's variables: the value, or the error in the shell's words. */
export function evaluateArithmetic(
  sh: ShellState,
  text: string,
): { value: number } | { text: string; status: number } {
  const result = evaluate(text, {
    get: (name) => sh.get(name),
    set: (name, value) => void sh.set(name, value),
    dash: sh.dialect.name === 'dash',
    bashHex: sh.dialect.name === 'bash',
  });
  if ('value' in result) return result;
  return arithmeticError(sh, text, result.error, result.token);
}

/** Each shell's words for an arithmetic error (recorded from dash, bash and BusyBox). */
function arithmeticError(
  sh: ShellState,
  text: string,
  error: ArithError,
  token: string,
): { text: string; status: number } {
  if (sh.dialect.name === 'bash') {
    const what = {
      syntax: 'syntax error: operand expected',
      trailing: 'syntax error in expression',
      'division by zero': 'division by 0',
      base: 'value too great for base',
      exponent: 'exponent less than 0',
      number: 'syntax error: operand expected',
    }[error];
    const where = error === 'base' ? token.split(/[^0-9a-zA-Z]/)[0] : text;
    return { text: `${where}: ${what} (error token is "${token}")`, status: 1 };
  }
  if (sh.dialect.name === 'dash') {
    if (error === 'number')
      return {
        text: `Illegal number: ${sh.get(token.split(/[^A-Za-z0-9_]/)[0] ?? '') ?? ''}`,
        status: 2,
      };
    const what =
      error === 'division by zero'
        ? 'division by zero'
        : error === 'trailing'
          ? 'expecting EOF'
          : 'expecting primary';
    return { text: `arithmetic expression: ${what}: "${text}"`, status: 2 };
  }
  const what =
    error === 'division by zero'
      ? 'divide by zero'
      : error === 'exponent'
        ? 'exponent less than 0'
        : 'arithmetic syntax error';
  return { text: what, status: 2 };
}
