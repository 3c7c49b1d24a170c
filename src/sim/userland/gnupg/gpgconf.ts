import { err } from '../lib/io.ts';
import { program } from '../lib/program.ts';

/** The components gpgconf 2.2 knows (gpgconf --list-components). */
const COMPONENTS = new Set(['all', 'gpg', 'gpg-agent', 'scdaemon', 'gpgsm', 'dirmngr', 'pinentry']);

/**
 * gpgconf 2.2.40's `--kill COMPONENT`: the simulator's gpg starts no agent or
 * dirmngr, so there is nothing to end; it answers as the real one does
 * (silent, status 0; "Component not found" and 1 for an unknown component;
 * `invalid option "--x"` and 2; recorded on Debian 12).
 */
export const gpgconf = program(
  'gnupg-2.2.40/gpgconf',
  { vszKb: 8000, rssKb: 3000 },
  function* (ctx) {
    const [first, ...rest] = ctx.argv.slice(1);
    if (first === '--kill') {
      // Recorded on Debian 12: `gpgconf --kill` alone prints this usage line (its trailing space too), 2.
      if (rest.length === 0) {
        yield* err('usage: gpgconf [options] \nNeed one component argument\n');
        return 2;
      }
      for (const component of rest)
        if (!COMPONENTS.has(component)) {
          yield* err('Component not found\n');
          return 1;
        }
      return 0;
    }
    if (first !== undefined && first.startsWith('--') && !KNOWN.has(first)) {
      yield* err(`invalid option "${first}"\n`);
      return 2;
    }
    yield* err(`gpgconf: ${first ?? '(no command)'}: not implemented in this simulator\n`);
    return 2;
  },
);

const KNOWN = new Set([
  '--list-components',
  '--list-dirs',
  '--launch',
  '--reload',
  '--check-programs',
]);
