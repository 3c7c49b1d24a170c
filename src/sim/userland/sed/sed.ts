import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { getoptLong, GetoptError } from '../lib/getopt-long.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { isInputError, readInput } from '../lib/read-input.ts';
import { expand, parseScript, ScriptError, UnmodelledCommand, type Command } from './script.ts';
import { USAGE, VERSION } from './texts.ts';

const LONGS = [
  { name: 'quiet', arg: 'none' as const, key: 'n' },
  { name: 'silent', arg: 'none' as const, key: 'n' },
  { name: 'expression', arg: 'required' as const, key: 'e' },
  { name: 'in-place', arg: 'optional' as const, key: 'i' },
  { name: 'regexp-extended', arg: 'none' as const, key: 'E' },
  { name: 'help', arg: 'none' as const, key: '?help' },
  { name: 'version', arg: 'none' as const, key: '?version' },
];

/**
 * GNU sed 4.9 for the scripts the redis Dockerfiles run
 * (`sed -ri 's!^(#define …) 1$!\1 0!' FILE`, `sed -ri 's!cd jemalloc &&
 * ./configure !&FLAGS !' FILE`): -n, -e, -i (in place), -r/-E, and the
 * commands of script.ts. Messages and statuses recorded from Debian 12's sed:
 * script errors "sed: -e expression #1, char N: …" status 1, an unreadable
 * file "sed: can't read F: …" status 2, usage errors followed by the usage.
 */
export const sed = program('sed-4.9/sed', { vszKb: 5800, rssKb: 1100 }, function* (ctx) {
  const prog = progName(ctx, 'sed');
  const parsed = getoptLong(ctx.argv.slice(1), 'ne:i::Er', LONGS);
  if (parsed instanceof GetoptError) {
    yield* err(`${prog}: ${parsed.message}\n${USAGE}`);
    return 1;
  }
  if (parsed.options.some((o) => o.key === '?version')) {
    yield* out(VERSION);
    return 0;
  }
  if (parsed.options.some((o) => o.key === '?help')) {
    yield* out(USAGE);
    return 0;
  }
  const scripts = parsed.options.filter((o) => o.key === 'e').map((o) => o.value ?? '');
  const operands = [...parsed.operands];
  if (scripts.length === 0) {
    const first = operands.shift();
    if (first === undefined) {
      yield* err(USAGE);
      return 1;
    }
    scripts.push(first);
  }
  const extended = parsed.options.some((o) => o.key === 'E' || o.key === 'r');
  const quiet = parsed.options.some((o) => o.key === 'n');
  const inPlace = parsed.options.some((o) => o.key === 'i');
  const commands: Command[] = [];
  for (const [index, script] of scripts.entries()) {
    try {
      commands.push(...parseScript(script, extended));
    } catch (e) {
      if (e instanceof UnmodelledCommand) {
        yield* err(`${prog}: ${e.message}\n`);
        return 1;
      }
      if (!(e instanceof ScriptError)) throw e;
      yield* err(`${prog}: -e expression #${index + 1}, char ${e.position}: ${e.message}\n`);
      return 1;
    }
  }
  if (inPlace && operands.length === 0) {
    yield* err(`${prog}: no input files\n`);
    return 1;
  }
  const inputs = operands.length ? operands : ['-'];
  let status = 0;
  if (inPlace) {
    for (const file of inputs) {
      const text = yield* readInput(file);
      if (isInputError(text)) {
        yield* err(`${prog}: can't read ${file}: ${text.errno.message}\n`);
        status = 2;
        continue;
      }
      const result = run(commands, splitLines(text), quiet);
      const written = yield* rewrite(file, result.output);
      if (written instanceof Errno) {
        yield* err(`${prog}: couldn't open file ${file}: ${written.message}\n`);
        return 4;
      }
    }
    return status;
  }
  let lines: string[] = [];
  let lastNewline = true;
  for (const file of inputs) {
    const text = yield* readInput(file);
    if (isInputError(text) && text.stage === 'read') {
      // Recorded on Debian 12 (`sed p f dir f`): f's lines, "sed: read error on dir: Is a directory", 4, the rest unread.
      yield* out(run(commands, lines, quiet).output);
      yield* err(`${prog}: read error on ${file}: ${text.errno.message}\n`);
      return 4;
    }
    if (isInputError(text)) {
      yield* err(`${prog}: can't read ${file}: ${text.errno.message}\n`);
      status = 2;
      continue;
    }
    lines = lines.concat(splitLines(text));
    lastNewline = text === '' || text.endsWith('\n');
  }
  const result = run(commands, lines, quiet);
  yield* out(lastNewline ? result.output : result.output.replace(/\n$/, ''));
  return status;
});

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The sed cycle over all lines: commands in order, autoprint unless -n. */
function run(
  commands: readonly Command[],
  lines: readonly string[],
  quiet: boolean,
): { output: string } {
  let output = '';
  for (let index = 0; index < lines.length; index++) {
    let space = lines[index] as string;
    let deleted = false;
    let quit = false;
    for (const c of commands) {
      if (!applies(c, space, index, lines.length)) continue;
      if (c.name === 'd') {
        deleted = true;
        break;
      }
      if (c.name === 'p') output += space + '\n';
      else if (c.name === 'q') {
        quit = true;
        break;
      } else {
        const replaced = substitute(c, space);
        if (replaced !== undefined) {
          space = replaced;
          if (c.print) output += space + '\n';
        }
      }
    }
    if (!deleted && !quiet) output += space + '\n';
    if (quit) break;
  }
  return { output };
}

function applies(c: Command, space: string, index: number, count: number): boolean {
  const a = c.address;
  let match = true;
  if (a?.kind === 'line') match = index + 1 === a.line;
  else if (a?.kind === 'last') match = index === count - 1;
  else if (a?.kind === 're') match = a.re.test(space);
  return c.negate ? !match : match;
}

/** s: the Nth match (or every one from the Nth with g) replaced; undefined when nothing matched. */
function substitute(c: Command, space: string): string | undefined {
  const re = new RegExp(c.regex?.source ?? '', (c.regex?.flags ?? '') + 'g');
  let result = '';
  let last = 0;
  let count = 0;
  let replaced = false;
  for (let m = re.exec(space); m; m = re.exec(space)) {
    count++;
    if (m[0] === '') re.lastIndex++;
    if (count < (c.occurrence ?? 1)) continue;
    result += space.slice(last, m.index) + expand(c.replacement ?? '', m);
    last = m.index + m[0].length;
    replaced = true;
    if (!c.global) break;
  }
  return replaced ? result + space.slice(last) : undefined;
}

/** Writes the new text over FILE, keeping its inode, owner and mode. */
function* rewrite(file: string, text: string): Gen<Errno | 0> {
  const fd = yield* sys.open(file, { write: true, truncate: true });
  if (fd instanceof Errno) return fd;
  yield* sys.write(fd, text);
  yield* sys.close(fd);
  return 0;
}
