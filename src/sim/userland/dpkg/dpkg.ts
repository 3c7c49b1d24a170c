import { err, out } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { dpkgQuery } from '../apt/dpkg-query.ts';

/** What dpkg 1.21 prints after any usage error (on standard error), captured on Debian 12. */
const TRY_HELP = `
Type dpkg --help for help about installing and deinstalling packages [*];
Use 'apt' or 'aptitude' for user-friendly package management;
Type dpkg -Dhelp for a list of dpkg debug flag values;
Type dpkg --force-help for a list of forcing options;
Type dpkg-deb --help for help about manipulating *.deb files;

Options marked [*] produce a lot of output - pipe it through 'less' or 'more' !
`;

/** The actions dpkg knows but the simulator does not model (apt-get installs and removes packages). */
const UNMODELLED =
  /^(-[iLsrPpCaV]|--(install|unpack|configure|remove|purge|status|listfiles|audit|get-selections|set-selections|print-foreign-architectures|add-architecture|compare-versions|help|version).*)$/;

/** Query actions dpkg hands to dpkg-query (dpkg(1): "dpkg-query actions"). */
const QUERIES = /^(-[lSW]|--(list|search|show))$/;

/**
 * dpkg 1.21.22 as the redis Dockerfiles use it: `dpkg --print-architecture`
 * prints amd64 (the machine's architecture); -l, -S and -W are dpkg-query's
 * (apt/dpkg-query.ts). Usage errors have dpkg's words and status 2; package
 * actions are refused with a note that they are not modelled
 * (src/sim/LIMITATIONS.md).
 */
export const dpkg = program('dpkg-1.21/dpkg', { vszKb: 8000, rssKb: 3600 }, function* (ctx) {
  const args = ctx.argv.slice(1);
  const [first, second] = args;
  if (first === undefined) return yield* usageError('need an action option');
  if (first === '--print-architecture') {
    if (second !== undefined) return yield* usageError('--print-architecture takes no arguments');
    yield* out('amd64\n');
    return 0;
  }
  if (QUERIES.test(first)) return yield* dpkgQuery.main(ctx);
  if (UNMODELLED.test(first)) {
    yield* err(
      `dpkg: error: ${first} is not modelled by this simulator (only --print-architecture is)\n`,
    );
    return 2;
  }
  return yield* usageError(`unknown option ${first}`);
});

function* usageError(message: string) {
  yield* err(`dpkg: error: ${message}\n${TRY_HELP}`);
  return 2;
}
