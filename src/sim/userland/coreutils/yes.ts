import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { getoptLong, GetoptError } from '../lib/getopt-long.ts';
import { program, progName } from '../lib/program.ts';
import { versionText } from './version-texts.ts';

/** `yes --help` of coreutils 9.1, recorded with `env -i /usr/bin/yes --help` on Debian 12. */
const help = (prog: string) => `Usage: ${prog} [STRING]...
  or:  ${prog} OPTION
Repeatedly output a line with all specified STRING(s), or 'y'.

      --help        display this help and exit
      --version     output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/yes>
or available locally via: info '(coreutils) yes invocation'
`;

/** yes.c fills a buffer of BUFSIZ (8192) bytes with whole lines and writes it again and again. */
const BUFSIZ = 8192;

/**
 * coreutils yes(1) 9.1 (src/yes.c): its operands joined by spaces, or "y",
 * one line after another until a write fails. A closed pipe kills it with
 * SIGPIPE; with SIGPIPE ignored it says "standard output: Broken pipe" and
 * exits 1. Every write is a system call, so Ctrl-C and a full pipe or
 * terminal stop it as they stop the real one.
 */
export const yes = program('coreutils/yes', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'yes');
  const parsed = getoptLong(ctx.argv.slice(1), '+', [
    { name: 'help', arg: 'none', key: 'help' },
    { name: 'version', arg: 'none', key: 'version' },
  ]);
  if (parsed instanceof GetoptError) {
    yield* err(`${prog}: ${parsed.message}\nTry '${prog} --help' for more information.\n`);
    return 1;
  }
  const asked = parsed.options[0]?.key;
  if (asked === 'help') {
    yield* out(help(prog));
    return 0;
  }
  if (asked === 'version') {
    yield* out(versionText('yes'));
    return 0;
  }
  const line = (parsed.operands.length > 0 ? parsed.operands.join(' ') : 'y') + '\n';
  const buffer = line.repeat(Math.max(1, Math.floor(BUFSIZ / line.length)));
  for (;;) {
    const written = yield* sys.write(1, buffer);
    if (written instanceof Errno) {
      yield* err(`${prog}: standard output: ${written.message}\n`);
      return 1;
    }
  }
});
