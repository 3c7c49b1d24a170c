import type { ArithCommand, CondCommand, CondExpr, Word } from './ast.ts';
import { fileTest, testBinary } from './builtins/test.ts';
import { complain, complainIn, type Gen } from './diagnostics.ts';
import { evaluateArithmetic } from './arithmetic.ts';
import { expandPattern, expandString } from './expand.ts';
import { matchPattern } from './pattern.ts';
import type { ShellState } from './state.ts';

/**
 * bash's `[[ … ]]`: words are expanded without field splitting or
 * pathname expansion; the right side of `==`/`!=` is a pattern (quoted
 * parts literal), of `=~` an extended regular expression (quoted parts
 * literal); -eq and friends compare arithmetic expressions. Status 0, 1,
 * or 2 for a bad regular expression or arithmetic.
 */
export function* runCond(sh: ShellState, command: CondCommand): Gen<number> {
  sh.lineno = command.span.start.line;
  const result = yield* evaluateCond(sh, command.expr);
  return typeof result === 'number' ? result : result ? 0 : 1;
}

/** true or false, or a status when evaluation failed. */
function* evaluateCond(sh: ShellState, expr: CondExpr): Gen<boolean | number> {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const left = yield* evaluateCond(sh, expr.left);
      if (typeof left === 'number') return left;
      if (left === (expr.kind === 'or')) return left;
      return yield* evaluateCond(sh, expr.right);
    }
    case 'not': {
      const value = yield* evaluateCond(sh, expr.operand);
      return typeof value === 'number' ? value : !value;
    }
    case 'word':
      return (yield* expandString(sh, expr.word)) !== '';
    case 'unary': {
      const arg = yield* expandString(sh, expr.arg);
      if (expr.op === '-v') return sh.get(arg) !== undefined;
      return yield* fileTest(expr.op, arg);
    }
    case 'binary':
      return yield* binary(sh, expr.op, expr.left, expr.right);
  }
}

function* binary(
  sh: ShellState,
  op: string,
  leftWord: Word,
  rightWord: Word,
): Gen<boolean | number> {
  const left = yield* expandString(sh, leftWord);
  if (op === '==' || op === '=' || op === '!=') {
    const matched = matchPattern(yield* expandPattern(sh, rightWord), left);
    return op === '!=' ? !matched : matched;
  }
  if (op === '=~') return yield* regexMatch(sh, left, rightWord);
  const right = yield* expandString(sh, rightWord);
  if (!/^-(eq|ne|lt|le|gt|ge)$/.test(op)) return yield* testBinary(sh, left, op, right);
  // bash compares arithmetic expressions here: `[[ 1 -eq 1+0 ]]`.
  const values: number[] = [];
  for (const side of [left, right]) {
    const result = evaluateArithmetic(sh, side);
    if (!('value' in result)) {
      yield* complain(sh, result.text);
      return 1;
    }
    values.push(result.value);
  }
  return yield* testBinary(sh, String(values[0]), op, String(values[1]));
}

/** `=~`: a POSIX extended regular expression, read here as a JavaScript one (quoted parts literal). */
function* regexMatch(sh: ShellState, text: string, word: Word): Gen<boolean | number> {
  // expandPattern marks quoted characters with a backslash, as for glob patterns: make that regex escaping.
  const source = yield* expandPattern(sh, word);
  let pattern = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === '\\' && i + 1 < source.length)
      pattern += source.charAt(++i).replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    else pattern += ch;
  }
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return 2;
  }
}

/** bash's `(( expression ))`: status 0 when the value is not 0; an error is reported and gives 1. */
export function* runArithCommand(sh: ShellState, command: ArithCommand): Gen<number> {
  sh.lineno = command.span.start.line;
  const text = yield* expandString(sh, command.expr);
  const result = evaluateArithmetic(sh, text);
  if ('value' in result) return result.value === 0 ? 1 : 0;
  yield* complainIn(sh, '((', result.text);
  return 1;
}
