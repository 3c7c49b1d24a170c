import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { complain, complainIn } from '../diagnostics.ts';
import type { Builtin } from './types.ts';

/** cd [dir]: HOME without an argument; PWD and OLDPWD follow. */
export const cd: Builtin = function* (sh, argv) {
  const arg = argv[1] === '--' ? argv[2] : argv[1];
  const target = arg === undefined ? sh.get('HOME') : arg === '-' ? sh.get('OLDPWD') : arg;
  if (target === undefined || target === '') return 0;
  const result = yield* sys.chdir(target);
  if (result instanceof Errno) {
    const error = sh.dialect.cd(target, result);
    if (sh.dialect.name === 'ash') yield* complainIn(sh, 'cd', error.text);
    else yield* complain(sh, error.text);
    return error.status;
  }
  const old = sh.get('PWD');
  if (old !== undefined) sh.set('OLDPWD', old);
  sh.set('PWD', (yield* sys.self()).cwd);
  if (arg === '-') yield* sys.write(1, (sh.get('PWD') ?? '') + '\n');
  return 0;
};
