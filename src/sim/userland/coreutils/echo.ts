import { echoEscapes } from '../lib/escapes.ts';
import { out } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { helpOrVersion } from './options.ts';

/**
 * coreutils echo(1) 9.1 (src/echo.c): leading arguments made only of the
 * letters n, e and E are options; anything else (including "--") is text.
 * -e interprets backslash escapes and \c ends all output.
 */
export const echo = program('coreutils/echo', { vszKb: 5480, rssKb: 1000 }, function* ({ argv }) {
  let args = argv.slice(1);
  if (args.length === 1 && (args[0] === '--help' || args[0] === '--version'))
    return yield* helpOrVersion(argv[0] ?? 'echo', args[0] === '--help' ? '?help' : '?version');
  let newline = true;
  let escapes = false;
  while (args[0] !== undefined && /^-[neE]+$/.test(args[0])) {
    for (const letter of args[0].slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
    args = args.slice(1);
  }
  let text = '';
  for (const [index, arg] of args.entries()) {
    if (index > 0) text += ' ';
    if (!escapes) {
      text += arg;
      continue;
    }
    const unescaped = echoEscapes(arg);
    text += unescaped.text;
    if (unescaped.stop) return (yield* out(text), 0);
  }
  yield* out(newline ? text + '\n' : text);
  return 0;
});
