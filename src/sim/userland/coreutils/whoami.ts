import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { readUserDb, userById } from '../lib/user-db.ts';
import { badOption, usageError } from './usage.ts';

/** coreutils whoami(1): the name of the effective user. */
export const whoami = program(
  'coreutils/whoami',
  { vszKb: 5480, rssKb: 1000 },
  function* (context) {
    const prog = progName(context, 'whoami');
    const args = context.argv.slice(1);
    const option = args.find((a) => a.startsWith('-') && a !== '-' && a !== '--');
    if (option) return yield* usageError(prog, badOption(option));
    const operand = args.filter((a) => a !== '--')[0];
    if (operand !== undefined) return yield* usageError(prog, `extra operand '${operand}'`);
    const me = yield* sys.self();
    const user = userById(yield* readUserDb(), me.euid);
    if (!user) {
      yield* err(`${prog}: cannot find name for user ID ${me.euid}\n`);
      return 1;
    }
    yield* out(user.name + '\n');
    return 0;
  },
);
