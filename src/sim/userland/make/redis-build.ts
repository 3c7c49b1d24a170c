import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { RedisRelease } from '../artefacts/redis-source.ts';
import { err, getenv, out, type Gen } from '../lib/io.ts';
import { builtBinary, type RedisBinary } from '../redis/release-builds.ts';

/**
 * The redis source tree's make targets as a model: no compiler runs. `all`
 * writes the release's programs into src/ (simulator executables naming the
 * redis-server model of that version), `install` copies them to
 * $(PREFIX)/bin as that release's src/Makefile does, `distclean` removes
 * them. What is printed follows redis's Makefiles: the top-level
 * `.DEFAULT: cd src && $(MAKE) $@`, the sub-make's "make[1]: Entering
 * directory", the QUIET_LINK / QUIET_INSTALL lines on standard error with
 * their colours (`printf '    %b %b\n' $(LINKCOLOR)INSTALL$(ENDCOLOR)
 * $(BINCOLOR)$@$(ENDCOLOR) 1>&2`), and `all`'s "Hint: It's a good idea to
 * run 'make test' ;)". Install lines: 5.0's five `INSTALL install` and the
 * redis-sentinel link (published `make install` logs of 5.0.x); 6.2 and
 * later's `INSTALL redis-server|redis-benchmark|redis-cli` with
 * redis-check-rdb, redis-check-aof and redis-sentinel linked to
 * redis-server (a published 6.2.14 log). One model line on standard error
 * says that the build is modelled.
 */
const LINK = '\x1b[34;1m';
const BIN = '\x1b[37;1m';
const END = '\x1b[0m';
const quiet = (verb: string, name: string) => `    ${LINK}${verb}${END} ${BIN}${name}${END}\n`;

const HINT = "\nHint: It's a good idea to run 'make test' ;)\n\n";

/** The programs `all` leaves in src/: the linked ones, and copies of redis-server under other names. */
const BUILT: readonly [string, RedisBinary, 'LINK' | 'INSTALL'][] = [
  ['redis-server', 'redis-server', 'LINK'],
  ['redis-sentinel', 'redis-server', 'INSTALL'],
  ['redis-cli', 'redis-cli', 'LINK'],
  ['redis-benchmark', 'redis-benchmark', 'LINK'],
  ['redis-check-rdb', 'redis-server', 'INSTALL'],
  ['redis-check-aof', 'redis-server', 'INSTALL'],
];

export interface RedisMake {
  readonly release: RedisRelease;
  /** The tree's absolute path (make's cwd). */
  readonly top: string;
  readonly envp: readonly string[];
  /** Variables given on the command line (PREFIX=…, BUILD_TLS=…). */
  readonly vars: ReadonlyMap<string, string>;
}

function variable(m: RedisMake, name: string): string | undefined {
  return m.vars.get(name) ?? getenv(m.envp, name);
}

/** One goal of the redis tree; the exit status. */
export function* redisGoal(m: RedisMake, goal: string): Gen<number> {
  yield* out(`cd src && make ${goal}\n`);
  yield* out(`make[1]: Entering directory '${m.top}/src'\n`);
  let status = 0;
  if (goal === 'all') status = yield* buildAll(m);
  else if (goal === 'install') {
    status = yield* buildAll(m);
    if (status === 0) status = yield* install(m);
  } else if (goal === 'distclean' || goal === 'clean') yield* clean(m, goal);
  else {
    yield* err(`make[1]: the redis target '${goal}' is not modelled in this simulator\n`);
    status = 2;
  }
  yield* out(`make[1]: Leaving directory '${m.top}/src'\n`);
  // The top-level Makefile's recipe lines: `.DEFAULT:` at line 6, `install:` at line 9.
  if (status !== 0)
    yield* err(`make: *** [Makefile:${goal === 'install' ? 9 : 6}: ${goal}] Error 2\n`);
  return status === 0 ? 0 : 2;
}

function* isBuilt(m: RedisMake): Gen<boolean> {
  for (const [name] of BUILT)
    if ((yield* sys.stat(`${m.top}/src/${name}`)) instanceof Errno) return false;
  return true;
}

function* buildAll(m: RedisMake): Gen<number> {
  if (!(yield* isBuilt(m))) {
    const tls = variable(m, 'BUILD_TLS') === 'yes';
    yield* err(
      `(Stepdown) Building redis ${m.release.version} is modelled: no compiler runs; src/ receives the release's programs as simulator executables${tls ? ' (BUILD_TLS=yes: linked with OpenSSL)' : ''}.\n`,
    );
    for (const [name, binary, verb] of BUILT) {
      const written = yield* writeExecutable(
        `${m.top}/src/${name}`,
        builtBinary(m.release, binary, tls),
      );
      if (written instanceof Errno) {
        yield* err(`install: cannot create regular file '${name}': ${written.message}\n`);
        return 1;
      }
      yield* err(quiet(verb, name));
    }
  }
  yield* out(HINT);
  return 0;
}

function* install(m: RedisMake): Gen<number> {
  const bin = `${variable(m, 'PREFIX') ?? '/usr/local'}/bin`;
  yield* mkdirs(bin);
  const old = m.release.version.startsWith('5.');
  const copies = old
    ? ['redis-server', 'redis-benchmark', 'redis-cli', 'redis-check-rdb', 'redis-check-aof']
    : ['redis-server', 'redis-benchmark', 'redis-cli'];
  const links = old ? ['redis-sentinel'] : ['redis-check-rdb', 'redis-check-aof', 'redis-sentinel'];
  for (const name of copies) {
    const data = yield* readExecutable(`${m.top}/src/${name}`);
    if (data instanceof Errno) {
      yield* err(`install: cannot stat '${name}': ${data.message}\n`);
      return 1;
    }
    const written = yield* writeExecutable(`${bin}/${name}`, data);
    if (written instanceof Errno) {
      yield* err(`install: cannot create regular file '${bin}/${name}': ${written.message}\n`);
      return 1;
    }
    yield* err(quiet('INSTALL', old ? 'install' : name));
  }
  for (const name of links) {
    yield* sys.unlink(`${bin}/${name}`);
    yield* sys.symlink('redis-server', `${bin}/${name}`);
  }
  return 0;
}

function* clean(m: RedisMake, goal: string): Gen<void> {
  const names = BUILT.map(([name]) => name);
  yield* out(
    `rm -rf ${names.join(' ')} *.o *.gcda *.gcno *.gcov redis.info lcov-html Makefile.dep\n`,
  );
  for (const name of names) yield* sys.unlink(`${m.top}/src/${name}`);
  if (goal === 'distclean') yield* out('(cd ../deps && make distclean)\n');
}

function* mkdirs(path: string): Gen<void> {
  const parts = path.split('/');
  for (let i = 2; i <= parts.length; i++) yield* sys.mkdir(parts.slice(0, i).join('/'), 0o755);
}

function* readExecutable(path: string): Gen<Errno | string> {
  const fd = yield* sys.open(path, { read: true });
  if (fd instanceof Errno) return fd;
  let text = '';
  for (
    let chunk = yield* sys.read(fd);
    typeof chunk === 'string' && chunk !== '';
    chunk = yield* sys.read(fd)
  )
    text += chunk;
  yield* sys.close(fd);
  return text;
}

/** install(1) -m 0755: a new file with the bytes, mode rwxr-xr-x. */
function* writeExecutable(path: string, data: string): Gen<Errno | 0> {
  yield* sys.unlink(path);
  const fd = yield* sys.open(path, { write: true, create: true, truncate: true }, 0o755);
  if (fd instanceof Errno) return fd;
  yield* sys.write(fd, data);
  yield* sys.close(fd);
  yield* sys.chmod(path, 0o755);
  return 0;
}
