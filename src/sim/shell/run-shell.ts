import type { CommandOrigin } from '../kernel/events.ts';
import type { ProgramContext } from '../kernel/exec.ts';
import { Errno } from '../kernel/errno.ts';
import * as sys from '../kernel/syscall-api.ts';
import { readAll, readWholeFile } from './builtins/script.ts';
import { LETTERS } from './builtins/set.ts';
import type { Dialect } from './dialect.ts';
import type { Gen } from './diagnostics.ts';
import { interactiveLoop, type PromptFn } from './interactive.ts';
import { runScript } from './interp.ts';
import { ParseError } from './parse-error.ts';
import { CommandReader } from './command-reader.ts';
import { statusOf } from './processes.ts';
import { ShellState, type ShellMode } from './state.ts';
import { reportSyntax, syntaxStatus } from './syntax-report.ts';
import { runExitTrap } from './traps.ts';

export interface ShellOptionsIn {
  /** The primary prompt of an interactive shell. */
  readonly prompt: PromptFn;
}

interface Invocation {
  command: string | undefined;
  interactive: boolean;
  letters: string[];
  operands: string[];
  error?: string;
}

/** sh [-eux…] [-i] [-c command_string [command_name [argument…]] | file [argument…]] (XCU sh). */
function parseArgs(argv: readonly string[]): Invocation {
  const inv: Invocation = { command: undefined, interactive: false, letters: [], operands: [] };
  let takeCommand = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--' || arg === '-') {
      i++;
      break;
    }
    if (arg.startsWith('--')) continue;
    if (!/^[-+]./.test(arg)) break;
    const sign = arg.charAt(0);
    for (const letter of arg.slice(1)) {
      if (letter === 'c') takeCommand = true;
      else if (letter === 'i') inv.interactive = true;
      else if (letter !== 's' && letter !== 'l') inv.letters.push(sign + letter);
    }
  }
  inv.operands = argv.slice(i);
  if (takeCommand) {
    inv.command = inv.operands.shift();
    if (inv.command === undefined) inv.error = '-c requires an argument';
  }
  return inv;
}

/** The main function of a shell program: dash, bash and BusyBox ash differ only by their dialect. */
export function* runShell(
  dialect: Dialect,
  { argv, envp }: ProgramContext,
  options: ShellOptionsIn,
): Gen<number> {
  const name = argv[0] ?? 'sh';
  const inv = parseArgs(argv);
  if (inv.error !== undefined) {
    yield* sys.write(
      2,
      `${name}: ${dialect.name === 'bash' ? '-c: option requires an argument' : inv.error}\n`,
    );
    return 2;
  }
  const onTerminal = yield* sys.isatty(0);
  const mode: ShellMode =
    inv.command !== undefined
      ? 'command'
      : inv.operands.length > 0
        ? 'script'
        : inv.interactive || onTerminal
          ? 'interactive'
          : 'script';
  const arg0 =
    inv.command !== undefined
      ? (inv.operands.shift() ?? name)
      : mode === 'script' && inv.operands.length > 0
        ? (inv.operands.shift() as string)
        : name;
  const sh = new ShellState(dialect, mode, arg0, inv.operands);
  // An interactive bash names itself by the base name of argv[0] ("bash: ps: command not found"
  // after `docker exec -it c /bin/bash`); otherwise errors carry $0 as given ("/bin/bash: line 1:").
  sh.errorName =
    mode === 'interactive' && dialect.name === 'bash' ? arg0.replace(/^.*\//, '') : arg0;
  sh.importEnvironment(envp);
  const me = yield* sys.self();
  sh.shellPid = me.pid;
  if (sh.get('PWD') === undefined) sh.set('PWD', me.cwd);
  sh.set('PPID', String(me.ppid));
  sh.set('OPTIND', '1');
  for (const flag of inv.letters) yield* applyFlag(sh, flag);
  if (mode === 'interactive') return yield* interactiveLoop(sh, onTerminal, options.prompt);
  let text: string;
  let origin: CommandOrigin;
  if (inv.command !== undefined) {
    text = inv.command;
    origin = { kind: 'command-string' };
  } else if (argv.length > 1 && sh.arg0 !== name) {
    const file = yield* readWholeFile(sh.arg0);
    if (file instanceof Errno) return yield* cannotOpenScript(sh, name, file);
    text = file;
    origin = { kind: 'script', path: sh.arg0 };
  } else {
    sh.readsStdin = true;
    text = yield* readAll(0);
    origin = { kind: 'stdin' };
  }
  return yield* runProgram(sh, text, origin);
}

function* applyFlag(sh: ShellState, flag: string): Gen<void> {
  const option = LETTERS[flag.charAt(1)];
  if (option !== undefined) sh.options[option] = flag.startsWith('-');
  yield* [];
}

function* cannotOpenScript(sh: ShellState, name: string, errno: Errno): Gen<number> {
  if (sh.dialect.name === 'bash') {
    yield* sys.write(2, `${name}: ${sh.arg0}: ${errno.message}\n`);
    return 127;
  }
  const what =
    sh.dialect.name === 'dash'
      ? `${name}: 0: cannot open ${sh.arg0}: No such file`
      : `${name}: can't open '${sh.arg0}': ${errno.message}`;
  yield* sys.write(2, what + '\n');
  return sh.dialect.name === 'dash' ? 2 : 127;
}

/** Runs a program text line by line; the last command may exec (bash, ash). */
export function* runProgram(sh: ShellState, text: string, origin: CommandOrigin): Gen<number> {
  const reader = new CommandReader(text, sh.dialect.name);
  sh.reading = { origin, text, firstLine: 1 };
  let status = 0;
  try {
    let script = reader.next();
    while (script !== undefined) {
      if (script instanceof ParseError) {
        yield* reportSyntax(sh, script, text);
        status = syntaxStatus(sh, script);
        break;
      }
      const following = reader.next();
      status = yield* runScript(sh, script, { canExec: following === undefined });
      script = following;
    }
  } catch (e) {
    status = yield* statusOf(sh, e);
  }
  return yield* runExitTrap(sh, status);
}
