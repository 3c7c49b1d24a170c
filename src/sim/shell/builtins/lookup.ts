import * as sys from '../../kernel/syscall-api.ts';
import { complainIn } from '../diagnostics.ts';
import { findCommand, runExternal } from '../external.ts';
import type { ShellState } from '../state.ts';
import { regularBuiltin, specialBuiltin } from './table.ts';
import type { Builtin } from './types.ts';

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  '{',
  '}',
  '!',
  'in',
]);

type Kind =
  | { kind: 'keyword' | 'function' | 'special' | 'builtin' }
  | { kind: 'file'; path: string }
  | undefined;

function* classify(sh: ShellState, name: string) {
  if (KEYWORDS.has(name)) return { kind: 'keyword' } as Kind;
  if (specialBuiltin(name, sh.dialect.name)) return { kind: 'special' } as Kind;
  if (sh.functions.has(name)) return { kind: 'function' } as Kind;
  if (regularBuiltin(name, sh.dialect.name)) return { kind: 'builtin' } as Kind;
  const path = yield* findCommand(sh, name);
  return path === undefined ? undefined : ({ kind: 'file', path } as Kind);
}

/** command [-v | -V] name [arg…]: look a name up, or run it skipping functions. */
export const command: Builtin = function* (sh, argv, call) {
  const flag = argv[1];
  if (flag === '-v' || flag === '-V') {
    // dash and BusyBox look up only the first name; bash each one.
    const names = sh.dialect.name === 'bash' ? argv.slice(2) : argv.slice(2, 3);
    let status = 0;
    let anyFound = false;
    for (const name of names) {
      const found = yield* classify(sh, name);
      anyFound ||= found !== undefined;
      if (found === undefined) status = sh.dialect.name === 'bash' ? 1 : 127;
      else if (flag === '-v')
        yield* sys.write(1, (found.kind === 'file' ? found.path : name) + '\n');
      else yield* sys.write(1, describe(sh, name, found) + '\n');
    }
    // bash succeeds when any name was found.
    return sh.dialect.name === 'bash' && anyFound ? 0 : status;
  }
  const args = argv.slice(flag === '--' ? 2 : 1);
  const name = args[0];
  if (name === undefined) return 0;
  const builtin = specialBuiltin(name, sh.dialect.name) ?? regularBuiltin(name, sh.dialect.name);
  if (builtin) return yield* builtin(sh, args, call);
  return yield* runExternal(sh, args, call.assigns, [], { canExec: false });
};

function describe(sh: ShellState, name: string, found: NonNullable<Kind>): string {
  switch (found.kind) {
    case 'keyword':
      return `${name} is a shell keyword`;
    case 'special':
      return sh.dialect.name === 'bash'
        ? `${name} is a shell builtin`
        : `${name} is a special shell builtin`;
    case 'function':
      return sh.dialect.name === 'dash' ? `${name} is a shell function` : `${name} is a function`;
    case 'builtin':
      return `${name} is a shell builtin`;
    case 'file':
      return `${name} is ${found.path}`;
  }
}

/** type name…: what each name would run. */
export const type: Builtin = function* (sh, argv) {
  let status = 0;
  for (const name of argv.slice(1)) {
    const found = yield* classify(sh, name);
    if (found) {
      yield* sys.write(1, describe(sh, name, found) + '\n');
      continue;
    }
    if (sh.dialect.name === 'bash') {
      yield* complainIn(sh, 'type', `${name}: not found`);
      status = 1;
    } else {
      yield* sys.write(1, `${name}: not found\n`);
      status = 127;
    }
  }
  return status;
};
