import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from '../lib/io.ts';
import { readUserDb, userById } from '../lib/user-db.ts';
import type { ShellState } from '../../shell/state.ts';

/** PS1 as Debian's /etc/skel/.bashrc sets it without colours: user@host:dir$ (# for root). */
export function* bashPrompt(sh: ShellState): Gen<string> {
  const me = yield* sys.self();
  const user = userById(yield* readUserDb(), me.euid)?.name ?? 'I have no name!';
  const home = sh.get('HOME');
  const dir =
    home && (me.cwd === home || me.cwd.startsWith(home + '/'))
      ? '~' + me.cwd.slice(home.length)
      : me.cwd;
  return `${user}@${me.hostname}:${dir}${me.euid === 0 ? '#' : '$'} `;
}

/** dash's default PS1: `$ `, or `# ` for root (src/var.c). */
export function* dashPrompt(sh: ShellState): Gen<string> {
  const me = yield* sys.self();
  return sh.get('PS1') ?? (me.euid === 0 ? '# ' : '$ ');
}

/** BusyBox ash's default PS1 `\w \$ ` (shell/ash.c): the directory, then `#` or `$`. */
export function* ashPrompt(sh: ShellState): Gen<string> {
  const me = yield* sys.self();
  const home = sh.get('HOME');
  const dir =
    home && (me.cwd === home || me.cwd.startsWith(home + '/'))
      ? '~' + me.cwd.slice(home.length)
      : me.cwd;
  return `${dir} ${me.euid === 0 ? '#' : '$'} `;
}
