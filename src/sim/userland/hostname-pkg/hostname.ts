import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { getoptLong, GetoptError } from '../lib/getopt-long.ts';
import { program } from '../lib/program.ts';
import { HOSTNAME_USAGE } from './hostname-usage.ts';

const LONGS = [
  { name: 'short', arg: 'none', key: 's' },
  { name: 'fqdn', arg: 'none', key: 'f' },
  { name: 'long', arg: 'none', key: 'f' },
] as const;

/**
 * Debian's hostname(1) (package hostname 3.23): prints the UTS host name (-s: up to the first
 * dot). Setting it needs CAP_SYS_ADMIN, which containers and the learner
 * lack, so sethostname(2) fails with EPERM and hostname says so. A bad
 * option prints the usage on standard output, too many operands on
 * standard error; both exit 255 (checked on Debian 12).
 */
export const hostname = program(
  'hostname-3.23/hostname',
  { vszKb: 2420, rssKb: 900 },
  function* (ctx) {
    const prog = 'hostname';
    const parsed = getoptLong(ctx.argv.slice(1), 'fs', LONGS);
    if (parsed instanceof GetoptError) {
      yield* err(`${prog}: ${parsed.message}\n`);
      yield* out(HOSTNAME_USAGE);
      return 255;
    }
    if (parsed.operands.length > 1) {
      yield* err(HOSTNAME_USAGE);
      return 255;
    }
    if (parsed.operands.length === 1) {
      yield* err(`${prog}: you must be root to change the host name\n`);
      return 1;
    }
    const name = (yield* sys.self()).hostname;
    const short = parsed.options.some((o) => o.key === 's');
    yield* out((short ? (name.split('.')[0] ?? name) : name) + '\n');
    return 0;
  },
);
