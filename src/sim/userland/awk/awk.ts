import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { isInputError, readInput } from '../lib/read-input.ts';
import { Interpreter } from './interp.ts';
import { AwkRuntimeError } from './runtime.ts';
import { AwkSyntaxError, tokenize } from './lexer.ts';
import { parseProgram } from './parser.ts';
import { USAGE, VERSION_ERR, VERSION_OUT } from './texts.ts';
import { StrNum } from './values.ts';

interface CommandLine {
  fs?: string;
  assignments: [string, string][];
  programFile?: string;
  source?: string;
  operands: string[];
}

/**
 * mawk 1.3.4 20200120, Debian 12's awk, for the programs the redis
 * Dockerfiles run (`awk -F- '{ print $NF }'`; `/=>/ { so = $(NF-1); if
 * (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so);
 * printf "*%s\n", so }`) and ordinary awk beyond them: patterns, the
 * POSIX statements and built-ins, -F, -v, -f. Not implemented (and said so):
 * user functions, getline, output redirection, system(). Messages as mawk
 * prints them ("awk: line 1: syntax error at or near }", "awk: cannot open F
 * (No such file or directory)", status 2), recorded on Debian 12.
 */
export const awk = program('mawk-1.3.4/awk', { vszKb: 5800, rssKb: 1400 }, function* (ctx) {
  const prog = progName(ctx, 'awk').replace(/^.*\//, '');
  const line = yield* parseCommandLine(prog, ctx.argv.slice(1));
  if (typeof line === 'number') return line;
  let source = line.source ?? '';
  let where = '';
  if (line.programFile !== undefined) {
    const text = yield* readInput(line.programFile);
    if (isInputError(text)) {
      yield* err(`${prog}: cannot open ${line.programFile} (${text.errno.message})\n`);
      return 2;
    }
    source = text;
    where = `${line.programFile}: `;
  }
  let interp: Interpreter;
  try {
    const env = Object.fromEntries(
      ctx.envp.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    );
    interp = new Interpreter(parseProgram(tokenize(source)), env);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    const detail =
      e.message === 'syntax error' ? `syntax error at or near ${e.near}` : `${e.message} ${e.near}`;
    yield* err(`${prog}: ${where}line ${e.line}: ${detail}\n`);
    return 2;
  }
  interp.setArgv([prog, ...line.operands]);
  if (line.fs !== undefined) interp.setVar('FS', unescape(line.fs));
  for (const [name, value] of line.assignments) interp.setVar(name, new StrNum(unescape(value)));
  try {
    interp.runBegin();
    yield* out(interp.flush());
    if (interp.exitStatus === undefined && interp.hasMain) {
      const inputs = line.operands.length ? line.operands : ['-'];
      let files = 0;
      let running = true;
      for (const operand of inputs) {
        const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(operand);
        if (assignment) {
          interp.setVar(assignment[1] as string, new StrNum(unescape(assignment[2] as string)));
          continue;
        }
        files++;
        if (!(yield* runFile(prog, interp, operand))) {
          running = false;
          break;
        }
      }
      if (running && files === 0 && line.operands.length > 0) yield* runFile(prog, interp, '-');
    }
    interp.runEnd();
    yield* out(interp.flush());
  } catch (e) {
    yield* out(interp.flush());
    if (e instanceof OpenFailure) return 2;
    if (!(e instanceof AwkRuntimeError)) throw e;
    yield* err(`${prog}: run time error: ${e.message}\n`);
    return 2;
  }
  return interp.exitStatus ?? 0;
});

class OpenFailure extends Error {}

/** Feeds one input's lines to the program; false when the program called exit. */
function* runFile(prog: string, interp: Interpreter, operand: string): Gen<boolean> {
  const text = yield* readInput(operand);
  if (isInputError(text)) {
    yield* out(interp.flush());
    yield* err(`${prog}: cannot open ${operand} (${text.errno.message})\n`);
    throw new OpenFailure();
  }
  interp.newFile();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const record of lines) {
    const going = interp.runRecord(record, operand === '-' ? '' : operand);
    const chunk = interp.flush();
    if (chunk) yield* out(chunk);
    if (!going) return false;
  }
  return true;
}

/** Escape sequences in -v and -F values and command-line assignments, as in string literals. */
function unescape(text: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/' };
  return text.replace(/\\(.)/g, (all, ch: string) => map[ch] ?? all);
}

/** mawk's -W names, matched by prefix; those without a model act as no-ops (LIMITATIONS.md). */
const W_OPTIONS = [
  'version',
  'dump',
  'help',
  'usage',
  'interactive',
  'exec',
  'random',
  'sprintf',
  'posix_space',
];

/**
 * Options as mawk 1.3.4 parses them, recorded on Debian 12 (`env -i awk -f`:
 * "awk: option -f lacks argument", 2; `-W nope`: "awk: vacuous option: -W
 * nope", then on; `-v x`: "improper assignment"; options but no program: 0, silent).
 */
function* parseCommandLine(prog: string, args: readonly string[]): Gen<CommandLine | number> {
  const line: CommandLine = { assignments: [], operands: [] };
  if (args.length === 0) {
    yield* err(USAGE);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const letter = arg[1] as string;
    if (!'FvfW'.includes(letter)) {
      yield* err(`${prog}: not an option: ${arg}\n`);
      return 2;
    }
    const v = arg.length > 2 ? arg.slice(2) : args[++i];
    if (v === undefined) {
      yield* err(`${prog}: option -${letter} lacks argument\n`);
      return 2;
    }
    if (letter === 'F') line.fs = v;
    else if (letter === 'f') line.programFile = v;
    else if (letter === 'v') {
      const eq = v.indexOf('=');
      if (eq < 1) {
        yield* err(`${prog}: improper assignment: -v ${v}\n`);
        return 2;
      }
      line.assignments.push([v.slice(0, eq), v.slice(eq + 1)]);
    } else {
      const name = v.replace(/=.*/s, '');
      const w = name === '' ? undefined : W_OPTIONS.find((o) => o.startsWith(name));
      if (w === 'version') {
        yield* out(VERSION_OUT);
        yield* err(VERSION_ERR);
        return 0;
      }
      if (w === 'help' || w === 'usage') {
        yield* err(USAGE);
        return 0;
      }
      if (w === undefined) yield* err(`${prog}: vacuous option: -W ${v}\n`);
    }
  }
  if (line.programFile === undefined) {
    if (i >= args.length) return 0;
    line.source = args[i++];
  }
  line.operands = args.slice(i);
  return line;
}
