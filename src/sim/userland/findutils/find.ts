import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { lstatPath } from '../lib/lstat-path.ts';
import { program, progName } from '../lib/program.ts';
import { readUserDb } from '../lib/user-db.ts';
import { evaluate, flushBatches, type Candidate, type FindState } from './evaluate.ts';
import { execActions, hasAction, type Expr, type FindOptions } from './expression.ts';
import { FindError, Parser } from './parse.ts';
import { FIND_VERSION } from './arguments.ts';

/** Tokens that start the expression: everything before them is a starting point. */
function startsExpression(arg: string): boolean {
  return (arg.startsWith('-') && arg !== '-') || arg === '!' || arg === '(';
}

/**
 * findutils find(1) 4.9.0 without following links (-P): starting points
 * (default "."), then an expression; without an action the expression is
 * wrapped as ( EXPR ) -print. Batches of -exec … {} + run at the end.
 */
export const find = program('findutils-4.9.0/find', { vszKb: 6380, rssKb: 2400 }, function* (ctx) {
  const prog = progName(ctx, 'find');
  let args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-version') {
    yield* out(FIND_VERSION);
    return 0;
  }
  // -P (never follow links) is what the simulator does; -H and -L are not implemented.
  while (args[0] === '-P') args = args.slice(1);
  const split = args.findIndex(startsExpression);
  const paths = split < 0 ? args : args.slice(0, split);
  const exprArgs = split < 0 ? [] : args.slice(split);
  const state: FindState = {
    prog,
    db: yield* readUserDb(),
    envp: ctx.envp,
    status: 0,
    pruned: false,
    quit: false,
  };
  const parser = new Parser(exprArgs, state.db, yield* newerTimes(exprArgs));
  let parsed: Expr | null;
  try {
    parsed = parser.parse();
  } catch (e) {
    if (!(e instanceof FindError)) throw e;
    yield* err(`${prog}: ${e.message}\n`);
    return 1;
  }
  const print: Expr = { op: 'test', test: { kind: 'print' } };
  const expr = !parsed
    ? print
    : hasAction(parsed)
      ? parsed
      : { op: 'and' as const, left: parsed, right: print };
  for (const path of paths.length ? paths : ['.']) {
    if (state.quit) break;
    const st = yield* lstatPath(path);
    if (st instanceof Errno) {
      yield* err(`${prog}: '${path}': ${st.message}\n`);
      state.status = 1;
      continue;
    }
    yield* visit({ path, st }, 0, expr, parser.options, state);
  }
  yield* flushBatches(execActions(expr), state);
  return state.status;
});

function* visit(
  c: Candidate,
  depth: number,
  expr: Expr,
  options: FindOptions,
  state: FindState,
): Gen<void> {
  state.pruned = false;
  if (!options.depthFirst && depth >= options.mindepth) yield* evaluate(expr, c, state);
  const descend = c.st.kind === 'dir' && depth < options.maxdepth && !state.pruned;
  if (descend) {
    const entries = yield* sys.readdir(c.path);
    if (entries instanceof Errno) {
      yield* err(`${state.prog}: '${c.path}': ${entries.message}\n`);
      state.status = 1;
    } else {
      for (const entry of entries) {
        if (state.quit) return;
        const path = c.path.endsWith('/') ? c.path + entry.name : `${c.path}/${entry.name}`;
        const st = yield* sys.lstat(path);
        if (!(st instanceof Errno)) yield* visit({ path, st }, depth + 1, expr, options, state);
      }
    }
  }
  if (options.depthFirst && depth >= options.mindepth && !state.quit)
    yield* evaluate(expr, c, state);
}

/** -newer FILE compares with FILE's mtime, read once before the walk. */
function* newerTimes(args: readonly string[]): Gen<Map<string, number>> {
  const times = new Map<string, number>();
  for (let i = 0; i < args.length - 1; i++) {
    if (args[i] !== '-newer') continue;
    const file = args[i + 1] as string;
    const st = yield* sys.stat(file);
    if (!(st instanceof Errno)) times.set(file, st.mtime);
  }
  return times;
}
