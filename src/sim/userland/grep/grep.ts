import { err, out, type Gen } from '../lib/io.ts';
import { getoptLong, GetoptError } from '../lib/getopt-long.ts';
import { program, progName } from '../lib/program.ts';
import {
  closeInput,
  isInputError,
  openInput,
  readInput,
  type InputError,
} from '../lib/read-input.ts';
import { LineReader } from '../lib/line-reader.ts';
import { Errno } from '../../kernel/errno.ts';
import {
  grepOptions,
  LONGS,
  SHORT,
  UNIMPLEMENTED_SHORT,
  VERSION_TEXT,
  type GrepOptions,
} from './options.ts';
import { RegexError, translate } from './regex.ts';

/** grep's exit statuses: a line selected, none, trouble. */
const SELECTED = 0;
const NONE = 1;
const TROUBLE = 2;

/**
 * GNU grep 3.8 (basic): BRE, ERE (-E) or fixed strings (-F), -i -v -c -q
 * -n -l -L -h -H -s -w -x -o -e -f, file names before lines when there
 * are several files. Status 0 if a line was selected, 1 if none, 2 on
 * trouble (unless -q found a line).
 */
export const grep = program('grep-3.8/grep', { vszKb: 6420, rssKb: 2300 }, function* (ctx) {
  const prog = (progName(ctx, 'grep').split('/').pop() ?? 'grep') || 'grep';
  const parsed = getoptLong(ctx.argv.slice(1), SHORT, LONGS);
  if (parsed instanceof GetoptError) return yield* usage(prog, `${prog}: ${parsed.message}\n`);
  const special = parsed.options.find(
    (o) => o.key.startsWith('?') || UNIMPLEMENTED_SHORT.includes(o.key),
  );
  if (special?.key === '?version') {
    yield* out(VERSION_TEXT);
    return 0;
  }
  if (special) {
    const name = special.key === '?help' ? '--help' : `-${special.key}`;
    return yield* trouble(`${prog}: ${name}: not implemented in this simulator\n`);
  }
  const options = grepOptions(parsed.options);
  const operands = [...parsed.operands];
  let patterns = options.patterns;
  for (const file of options.patternFiles) {
    const text = yield* readInput(file);
    if (isInputError(text)) return yield* trouble(`${prog}: ${file}: ${text.errno.message}\n`);
    (patterns ??= []).push(
      ...text
        .replace(/\n$/, '')
        .split('\n')
        .filter((_, i, all) => all.length > 1 || all[0] !== ''),
    );
  }
  if (patterns === undefined) {
    const first = operands.shift();
    if (first === undefined) return yield* usage(prog, '');
    patterns = first.split('\n');
  }
  const compiled = yield* compile(prog, patterns, options);
  if (typeof compiled === 'number') return compiled;
  const files = operands.length ? operands : ['-'];
  const withNames = options.filenames ?? files.length > 1;
  let selectedAny = false;
  let troubled = false;
  for (const file of files) {
    const name = file === '-' ? '(standard input)' : file;
    const fd = yield* openInput(file);
    const result = isInputError(fd)
      ? fd
      : yield* report(new LineReader(fd), compiled, options, name, withNames);
    if (!isInputError(fd)) yield* closeInput(fd);
    if (isInputError(result)) {
      if (!options.noMessages) yield* err(`${prog}: ${name}: ${result.errno.message}\n`);
      troubled = true;
      continue;
    }
    const selected = result;
    selectedAny ||= selected;
    if (selected && options.quiet) return SELECTED;
  }
  return troubled && !(options.quiet && selectedAny) ? TROUBLE : selectedAny ? SELECTED : NONE;
});

function* usage(prog: string, message: string): Gen<number> {
  yield* err(
    `${message}Usage: ${prog} [OPTION]... PATTERNS [FILE]...\nTry '${prog} --help' for more information.\n`,
  );
  return TROUBLE;
}

function* trouble(message: string): Gen<number> {
  yield* err(message);
  return TROUBLE;
}

function* compile(
  prog: string,
  patterns: readonly string[],
  o: GrepOptions,
): Gen<RegExp[] | number> {
  const compiled: RegExp[] = [];
  for (const pattern of patterns) {
    try {
      const { source, warnings } = translate(pattern, o.syntax);
      for (const w of warnings) yield* err(`${prog}: warning: ${w}\n`);
      const wrapped = o.line ? `^(?:${source})$` : o.word ? `(?<!\\w)(?:${source})(?!\\w)` : source;
      compiled.push(new RegExp(wrapped, o.ignoreCase ? 'gi' : 'g'));
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      return yield* trouble(`${prog}: ${e.message}\n`);
    }
  }
  return compiled;
}

/** Prints what one input yields, reading no further than needed; true when it had a selected line. */
function* report(
  lines: LineReader,
  regexes: readonly RegExp[],
  o: GrepOptions,
  name: string,
  withName: boolean,
): Gen<boolean | InputError> {
  const prefix = withName ? `${name}:` : '';
  const stopAtFirst = o.quiet || o.listMatching || o.listNonMatching;
  let count = 0;
  let output = '';
  for (let number = 1; ; number++) {
    const line = yield* lines.next();
    if (line instanceof Errno) return { stage: 'read', errno: line };
    if (line === null) break;
    const hit = regexes.some((r) => ((r.lastIndex = 0), r.test(line)));
    if (hit === o.invert) continue;
    count++;
    if (stopAtFirst) break;
    if (o.count) continue;
    output += selectedText(line, regexes, o, prefix + (o.lineNumbers ? `${number}:` : ''));
    if (output.length >= 4096) output = yield* flush(output);
  }
  if (o.quiet) return count > 0;
  if (o.listMatching || o.listNonMatching) {
    if (count > 0 === o.listMatching) yield* out(`${name}\n`);
    return count > 0;
  }
  yield* out(o.count ? `${prefix}${count}\n` : output);
  return count > 0;
}

function selectedText(
  line: string,
  regexes: readonly RegExp[],
  o: GrepOptions,
  lead: string,
): string {
  if (!o.onlyMatching) return `${lead}${line}\n`;
  if (o.invert) return '';
  return matchesIn(line, regexes)
    .map((part) => `${lead}${part}\n`)
    .join('');
}

function* flush(output: string): Gen<string> {
  yield* out(output);
  return '';
}

/** -o: each non-empty match, left to right. */
function matchesIn(line: string, regexes: readonly RegExp[]): string[] {
  const found: { index: number; text: string }[] = [];
  for (const r of regexes) {
    r.lastIndex = 0;
    for (const m of line.matchAll(r)) if (m[0] !== '') found.push({ index: m.index, text: m[0] });
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.text);
}
