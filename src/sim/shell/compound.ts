import { Errno } from '../kernel/errno.ts';
import type { Case, Command, For, If, Loop, Script } from './ast.ts';
import { LoopControl } from './control.ts';
import { complain, type Gen } from './diagnostics.ts';
import { expandPattern, expandString, expandWords } from './expand.ts';
import { runScript, type RunContext } from './interp.ts';
import { matchPattern } from './pattern.ts';
import { forkShell, waitForChild } from './processes.ts';
import { withRedirects } from './redirect.ts';
import type { ShellState } from './state.ts';
import { shellParts } from './paged.ts';

type CompoundCommand = Exclude<Command, { type: 'simple' | 'function' }>;

/** Runs a compound command (XCU 2.9.4) with its redirections in place. */
export function* runCompound(
  sh: ShellState,
  command: CompoundCommand,
  ctx: RunContext,
): Gen<number> {
  const result = yield* withRedirects(sh, command.redirects, () => body(sh, command, ctx));
  return result;
}

function* body(sh: ShellState, command: CompoundCommand, ctx: RunContext): Gen<number> {
  switch (command.type) {
    case 'group':
      return yield* runScript(sh, command.body, ctx);
    case 'subshell':
      return yield* subshell(sh, command.body, ctx);
    case 'if':
      return yield* ifCommand(sh, command, ctx);
    case 'while':
    case 'until':
      return yield* loop(sh, command);
    case 'for':
      return yield* forLoop(sh, command);
    case 'case':
      return yield* caseCommand(sh, command, ctx);
    case 'cond':
      return yield* (yield* shellParts()).runCond(sh, command);
    case 'arith-command':
      return yield* (yield* shellParts()).runArithCommand(sh, command);
  }
}

/** `( … )` runs in a forked child; a child that may exec runs it in place (it is already a copy). */
function* subshell(sh: ShellState, script: Script, ctx: RunContext): Gen<number> {
  if (ctx.canExec && sh.subshell) return yield* runScript(sh, script, ctx);
  const pid = yield* forkShell(sh, (child) => runScript(child, script, { canExec: true }));
  if (pid instanceof Errno) {
    yield* complain(sh, `fork: ${pid.message}`);
    return 2;
  }
  return yield* waitForChild(pid);
}

/** A condition: set -e does not apply inside it. */
function* condition(sh: ShellState, script: Script): Gen<number> {
  sh.errexitSuppressed++;
  try {
    return yield* runScript(sh, script);
  } finally {
    sh.errexitSuppressed--;
  }
}

function* ifCommand(sh: ShellState, command: If, ctx: RunContext): Gen<number> {
  for (const clause of command.clauses) {
    if ((yield* condition(sh, clause.cond)) === 0) return yield* runScript(sh, clause.body, ctx);
  }
  if (command.elseBody) return yield* runScript(sh, command.elseBody, ctx);
  return 0;
}

/** Runs one pass of a loop body; returns 'break' when the loop must stop. */
function* loopBody(sh: ShellState, script: Script): Gen<'break' | 'next'> {
  try {
    yield* runScript(sh, script);
    return 'next';
  } catch (e) {
    if (!(e instanceof LoopControl)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind === 'break' ? 'break' : 'next';
  }
}

function* loop(sh: ShellState, command: Loop): Gen<number> {
  let status = 0;
  sh.loopDepth++;
  try {
    for (;;) {
      const cond = yield* condition(sh, command.cond);
      if ((cond === 0) !== (command.type === 'while')) break;
      const outcome = yield* loopBody(sh, command.body);
      status = sh.status;
      if (outcome === 'break') break;
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}

function* forLoop(sh: ShellState, command: For): Gen<number> {
  const items = command.items ? yield* expandWords(sh, command.items) : [...sh.positional];
  let status = 0;
  sh.loopDepth++;
  try {
    for (const item of items) {
      if (!sh.set(command.name, item)) return yield* readonlyFailure(sh, command.name);
      const outcome = yield* loopBody(sh, command.body);
      status = sh.status;
      if (outcome === 'break') break;
    }
  } finally {
    sh.loopDepth--;
  }
  return status;
}

function* readonlyFailure(sh: ShellState, name: string): Gen<number> {
  const error = sh.dialect.readonly(name);
  yield* complain(sh, error.text);
  return error.status;
}

function* caseCommand(sh: ShellState, command: Case, ctx: RunContext): Gen<number> {
  const subject = yield* expandString(sh, command.word);
  for (const item of command.items) {
    for (const pattern of item.patterns) {
      if (matchPattern(yield* expandPattern(sh, pattern), subject))
        return yield* runScript(sh, item.body, ctx);
    }
  }
  return 0;
}
