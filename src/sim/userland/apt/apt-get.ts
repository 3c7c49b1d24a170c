import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { APT_GET_USAGE } from './usage-texts.ts';
import { program } from '../lib/program.ts';
import { currentRelease, type Options } from './apt-common.ts';
import { install } from './apt-install.ts';
import { remove } from './apt-remove.ts';
import { update } from './apt-update.ts';

/**
 * apt-get 2.6.1 (bookworm) and 1.4.9 (stretch) over the simulated mirrors:
 * update, install, remove, purge, autoremove. Texts, order and exit statuses
 * are the recordings' (test/fixtures/apt/bookworm, scripts/record-apt.sh);
 * what is modelled is in src/sim/LIMITATIONS.md.
 */
export const aptGet = program('apt-2.6/apt-get', { vszKb: 84_000, rssKb: 78_000 }, function* (ctx) {
  const opts: Options = {
    yes: false,
    recommends: true,
    autoRemove: false,
    purge: false,
    recommendsImportant: true,
    tty: yield* sys.isatty(1),
    quiet: 0,
  };
  const words: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-y' || a === '--yes' || a === '--assume-yes') opts.yes = true;
    else if (a === '--quiet') opts.quiet++;
    else if (a === '--no-install-recommends') opts.recommends = false;
    else if (a === '--install-recommends') opts.recommends = true;
    else if (a === '--auto-remove' || a === '--autoremove') opts.autoRemove = true;
    else if (a === '--purge') opts.purge = true;
    else if (a === '-o') {
      const setting = args[++i] ?? '';
      if (/^APT::AutoRemove::RecommendsImportant=(false|0)$/i.test(setting))
        opts.recommendsImportant = false;
      if (/^APT::Install-Recommends=(false|0)$/i.test(setting)) opts.recommends = false;
    } else if (/^-[yq]+$/.test(a)) {
      // Short options together: -y, -q, -qq, -yqq …
      opts.yes ||= a.includes('y');
      opts.quiet += a.split('q').length - 1;
    } else if (a.startsWith('-')) {
      yield* err(
        `E: Command line option '${a.replace(/^-+/, '')}' [from ${a}] is not understood in combination with the other options.\n`,
      );
      return 100;
    } else words.push(a);
  }
  // apt-get(8), -q: "Note that quiet level 2 implies -y".
  if (opts.quiet >= 2) opts.yes = true;
  const [command, ...names] = words;
  const release = yield* currentRelease();
  switch (command) {
    case 'update':
      return yield* update(release, opts);
    case 'install':
      return yield* install(release, opts, names);
    case 'remove':
    case 'purge':
    case 'autoremove':
      return yield* remove(
        release,
        { ...opts, purge: opts.purge || command === 'purge' },
        names,
        command,
      );
    case undefined:
      yield* out(APT_GET_USAGE);
      return 1;
    default:
      yield* err(`E: Invalid operation ${command}\n`);
      return 100;
  }
});
