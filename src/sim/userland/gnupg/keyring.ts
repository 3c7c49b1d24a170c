import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, getenv, readFile, type Gen } from '../lib/io.ts';
import { readUserDb, userById } from '../lib/user-db.ts';

/**
 * gpg's home directory and keybox as the simulator keeps them: GNUPGHOME,
 * else $HOME/.gnupg; pubring.kbx lists the fingerprints of the imported keys
 * (a stand-in, not the keybox format); trustdb.gpg is created with the first
 * import. Messages as gpg 2.2.40 prints them (recorded on Debian 12):
 * "gpg: directory '/root/.gnupg' created", "gpg: keybox '…/pubring.kbx'
 * created", "gpg: keyblock resource '…/pubring.kbx': No such file or
 * directory", "gpg: Fatal: can't create directory '…': …".
 */
const KEYBOX_MAGIC = 'stepdown-keybox\n';

export interface Home {
  readonly dir: string;
  /** Fingerprints in the keybox; undefined when it could not be opened. */
  readonly keys: string[] | undefined;
}

/** Opens (creating as gpg does) the home directory and its keybox. */
export function* openHome(envp: readonly string[]): Gen<Home | number> {
  const explicit = getenv(envp, 'GNUPGHOME');
  // Without HOME, gpg's "~" is the passwd entry's home (`env -i gpg --version`: "Home: /root/.gnupg").
  const home =
    getenv(envp, 'HOME') ?? userById(yield* readUserDb(), (yield* sys.self()).euid)?.home;
  const dir = explicit ?? `${home ?? '/'}/.gnupg`.replace(/^\/\//, '/');
  const st = yield* sys.stat(dir);
  if (st instanceof Errno) {
    if (explicit !== undefined) {
      yield* err(`gpg: keyblock resource '${dir}/pubring.kbx': ${st.message}\n`);
      return { dir, keys: undefined };
    }
    const made = yield* sys.mkdir(dir, 0o700);
    if (made instanceof Errno) {
      yield* err(`gpg: Fatal: can't create directory '${dir}': ${made.message}\n`);
      return 2;
    }
    yield* err(`gpg: directory '${dir}' created\n`);
  }
  const keybox = `${dir}/pubring.kbx`;
  const text = yield* readFile(keybox);
  if (!(text instanceof Errno)) return { dir, keys: parseKeybox(text) };
  const created = yield* writeKeybox(keybox, []);
  if (created instanceof Errno) {
    yield* err(`gpg: keyblock resource '${keybox}': ${created.message}\n`);
    return { dir, keys: undefined };
  }
  yield* err(`gpg: keybox '${keybox}' created\n`);
  return { dir, keys: [] };
}

function parseKeybox(text: string): string[] {
  if (!text.startsWith(KEYBOX_MAGIC)) return [];
  return text
    .slice(KEYBOX_MAGIC.length)
    .split('\n')
    .filter((l) => l !== '');
}

export function* writeKeybox(path: string, keys: readonly string[]): Gen<Errno | 0> {
  const fd = yield* sys.open(path, { write: true, create: true, truncate: true }, 0o644);
  if (fd instanceof Errno) return fd;
  yield* sys.write(fd, KEYBOX_MAGIC + keys.map((k) => k + '\n').join(''));
  yield* sys.close(fd);
  return 0;
}

/** The trust database, created (mode 0600) with the first imported key. */
export function* ensureTrustdb(dir: string): Gen<void> {
  const path = `${dir}/trustdb.gpg`;
  if (!((yield* sys.stat(path)) instanceof Errno)) return;
  const fd = yield* sys.open(path, { write: true, create: true, exclusive: true }, 0o600);
  if (fd instanceof Errno) return;
  yield* sys.write(fd, 'stepdown-trustdb\n');
  yield* sys.close(fd);
  yield* err(`gpg: ${path}: trustdb created\n`);
}
