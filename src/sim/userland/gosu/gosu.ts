import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, getenv, out, setenv, type Gen } from '../lib/io.ts';
import { goErrno, goLookPath } from '../lib/path-search.ts';
import { program } from '../lib/program.ts';
import { readUserDb } from '../lib/user-db.ts';
import { resolveUserSpec } from './user-spec.ts';

/** gosu 1.14 as packaged in Debian 12 (1.14-1+b10, go1.19.8), the version of the golden recordings. */
const VERSION = '1.14 (go1.19.8 on linux/amd64; gc)';

/** Usage text, byte for byte as golden scenario 20 recorded it (stderr ends in a blank line). */
function usageText(version: string): string {
  return `Usage: gosu user-spec command [args]
   eg: gosu tianon bash
       gosu nobody:root bash -c 'whoami && id'
       gosu 1000:1 id

gosu version: ${version}
gosu license: Apache-2.0 (full text at https://github.com/tianon/gosu)

`;
}

/**
 * gosu 1.10's usage (GPL-3 then): as published transcripts of the release
 * binary print it (search corpus, e.g. "gosu version: 1.10 (go1.7.1 on
 * linux/amd64; gc)" followed by "     license: GPL-3 …").
 */
function usageText110(version: string): string {
  return `Usage: gosu user-spec command [args]
   ie: gosu tianon bash
       gosu nobody:root bash -c 'whoami && id'
       gosu 1000:1 id

gosu version: ${version}
     license: GPL-3 (full text at https://github.com/tianon/gosu)

`;
}

/**
 * The Go runtime starts a few OS threads before main runs; each takes a PID
 * (../shared/reference/facts.md §1.1: the next process after gosu was PID 6
 * or 7, a gap of 4–5). execve ends them, so only the gap remains.
 */
const GO_RUNTIME_THREADS = 4;

/**
 * gosu (github.com/tianon/gosu main.go, setup-user.go): resolve the
 * user-spec, setgroups → setgid → setuid, set HOME from passwd, look the
 * command up on PATH and execve it, so the command takes gosu's PID.
 * Every error is "error: …" on stderr with status 1 (facts.md §1.2).
 */
function createGosu(registryName: string, version: string, usageOf: (v: string) => string) {
  const USAGE = usageOf(version);
  return program(registryName, { vszKb: 1900, rssKb: 2600 }, function* ({ argv, envp }) {
    yield* sys.cloneThreads(GO_RUNTIME_THREADS);
    const first = argv[1];
    if (first === '--help' || first === '-h' || first === '-?') return yield* usage(out, USAGE, 0);
    if (first === '--version' || first === '-v') {
      yield* out(version + '\n');
      return 0;
    }
    if (argv.length <= 2) return yield* usage(err, USAGE, 1);
    const spec = argv[1] as string;
    const command = argv.slice(2);
    const failed = (reason: string) => fail(`failed switching to "${spec}": ${reason}`);
    const me = yield* sys.self();
    const target = resolveUserSpec(spec, yield* readUserDb(), { uid: me.euid, gid: me.egid });
    if ('error' in target) return yield* failed(target.error);
    for (const step of [
      () => sys.setgroups(target.groups),
      () => sys.setgid(target.gid),
      () => sys.setuid(target.uid),
    ]) {
      const result = yield* step();
      if (result instanceof Errno) return yield* failed(goErrno(result));
    }
    const env = setenv(setenv(envp, 'HOME', undefined), 'HOME', target.home);
    const name = command[0] as string;
    const path = yield* goLookPath(name, getenv(env, 'PATH') ?? '');
    if ('error' in path) return yield* fail(`exec: "${name}": ${path.error}`);
    const result = yield* sys.execve(path.path, command, env);
    return yield* fail(`exec: "${name}": ${goErrno(result)}`);
  });
}

export const gosu = createGosu('gosu-1.14/gosu', VERSION, usageText);
/** The release binaries the redis Dockerfiles download (gosu --version of 1.17 as a recorded build printed it). */
export const gosu117 = createGosu(
  'gosu-1.17/gosu',
  '1.17 (go1.18.2 on linux/amd64; gc)',
  usageText,
);
export const gosu110 = createGosu(
  'gosu-1.10/gosu',
  '1.10 (go1.7.1 on linux/amd64; gc)',
  usageText110,
);

function* usage(write: (text: string) => Gen<void>, text: string, status: number): Gen<number> {
  yield* write(text);
  return status;
}

function* fail(message: string): Gen<number> {
  yield* err(`error: ${message}\n`);
  return 1;
}
