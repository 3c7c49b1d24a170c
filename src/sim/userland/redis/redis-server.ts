import { Errno } from '../../kernel/errno.ts';
import { SIGHUP, SIGINT, SIGPIPE, SIGTERM } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import type { Program } from '../../kernel/exec.ts';
import { program, progName } from '../lib/program.ts';
import type { RedisConfig } from './config.ts';
import { loadConfig } from './load-config.ts';
import { log, logFromHandler } from './log.ts';
import { startAof } from './aof.ts';
import { loadRdb, saveRdb } from './rdb.ts';
import { VERSION } from './texts.ts';
import { asciiLogo, REDIS_7_0, type RedisDialect } from './dialects.ts';

/** serverCron runs hz = 10 times a second; a scheduled shutdown happens at its next run. */
const CRON_MS = 100;
/** Threads redis 7.0 starts in initServer: three bio threads and jemalloc's background thread (golden 38's clone3 calls). */
const THREADS = 4;

interface State {
  shutdownAsap: boolean;
  /** Set by a second SIGINT while a shutdown is pending: exit at once, status 1. */
  insist: boolean;
}

/**
 * redis-server 7.0.15 as a model (facts.md §7; golden 28, 29, 31–33, 38, 39,
 * 42): the start-up log, SIGTERM/SIGINT scheduling a shutdown that the next
 * serverCron carries out (final RDB save when save points exist; "can't exit"
 * when the save fails), SIGHUP and SIGPIPE ignored, four threads, and the
 * process title ps shows ("redis-server *:6379", "redis-server unixsocket:…").
 * It serves no clients.
 */
export const redisServer = createRedisServer({
  name: 'redis-7.0.15/redis-server',
  version: '7.0.15',
  versionText: VERSION,
  dialect: REDIS_7_0,
});

/** A build of redis-server: its registry name, version, `redis-server -v` line and log dialect. */
export interface RedisBuild {
  readonly name: string;
  readonly version: string;
  readonly versionText: string;
  readonly dialect: RedisDialect;
}

/**
 * The redis-server model for one build: its version, -v text and the
 * dialect of its log (dialects.ts); what no dialect covers is 7.0.15's
 * behaviour (src/sim/LIMITATIONS.md).
 */
export function createRedisServer(build: RedisBuild): Program {
  return program(build.name, { vszKb: 52812, rssKb: 7632 }, function* (context) {
    const arg = context.argv[1];
    if (arg === '-v' || arg === '--version') return yield* print(out, build.versionText, 0);
    if (arg === '-h' || arg === '--help') return yield* print(err, build.dialect.usage, 1);
    const loaded = yield* loadConfig(context.argv, build.version, build.dialect);
    if ('exit' in loaded) return loaded.exit;
    const c = loaded.config;
    const title = `${progName(context, 'redis-server')} ${listenAddress(c)}`;
    if (!c.daemonize) return yield* serve(c, title, context.argv.length > 1, build);
    // daemonize(): the parent exits 0 at once; the child starts a session and
    // logs to /dev/null (logfile "" with daemonize yes): no output at all, as recorded.
    const child = yield* sys.fork(function* () {
      yield* sys.setsid();
      yield* sys.close(1);
      return yield* serve(c, title, true, build);
    });
    return child instanceof Errno ? 1 : 0;
  });
}

function* serve(c: RedisConfig, title: string, hasArgs: boolean, build: RedisBuild): Gen<number> {
  const { version, dialect } = build;
  yield* sys.setCmdline([title]);
  const me = yield* sys.self();
  yield* log('C', '#', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  yield* log(
    'C',
    '#',
    `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${me.pid}, just started`,
  );
  yield* log('C', '#', hasArgs ? 'Configuration loaded' : NO_CONFIG_WARNING);
  if (dialect.monotonicClock) yield* log('M', '*', 'monotonic clock: POSIX clock_gettime');
  if ((c.port === 0 || c.bind.length === 0) && c.unixsocket === undefined) {
    yield* log('M', '#', 'Configured to not listen anywhere, exiting.');
    return 1;
  }
  if (!(yield* bindUnixSocket(c))) return 1;
  // redisAsciiArt: logfile is "" here, so a tty on stdout decides (5.0).
  if (dialect.logoOnTty && (yield* sys.isatty(1))) yield* out(asciiLogo(version, c.port, me.pid));
  else yield* log('M', '*', `Running mode=standalone, port=${c.port}.`);
  const state: State = { shutdownAsap: false, insist: false };
  yield* setupSignalHandlers(state);
  yield* sys.cloneThreads(THREADS);
  yield* log('M', '#', 'Server initialized');
  yield* log('M', '#', dialect.overcommitWarning);
  if (c.appendonly) {
    if (!(yield* startAof())) return 1;
  } else yield* loadRdb(c);
  if (c.port !== 0 && c.bind.length > 0) yield* log('M', '*', 'Ready to accept connections');
  if (c.unixsocket !== undefined)
    yield* log('M', '*', `The server is now ready to accept connections at ${c.unixsocket}`);
  return yield* eventLoop(c, state, dialect);
}

function* print(write: (text: string) => Gen<void>, text: string, status: number): Gen<number> {
  yield* write(text);
  return status;
}

/** proc-title-template "{title} {listen-addr} {server-mode}": the first bind address and port, or the socket. */
function listenAddress(c: RedisConfig): string {
  if (c.port !== 0) return `${c.bind[0] ?? '*'}:${c.port}`;
  return c.unixsocket !== undefined ? `unixsocket:${c.unixsocket}` : `*:${c.port}`;
}

/**
 * anetUnixServer: a stale socket file is removed, then bind(2) creates it.
 * The simulated file system has no socket files, so an empty regular file
 * stands for it (mode 0777 less the umask, as bind gives a socket).
 */
function* bindUnixSocket(c: RedisConfig): Gen<boolean> {
  if (c.unixsocket === undefined) return true;
  yield* sys.unlink(c.unixsocket);
  const fd = yield* sys.open(c.unixsocket, { write: true, create: true, exclusive: true }, 0o777);
  if (fd instanceof Errno) {
    yield* log('M', '#', `Failed opening Unix socket: bind: ${fd.message}`);
    return false;
  }
  yield* sys.close(fd);
  return true;
}

/** setupSignalHandlers and initServer: TERM and INT schedule a shutdown; HUP and PIPE are ignored. */
function* setupSignalHandlers(state: State): Gen<void> {
  yield* sys.sigaction(SIGHUP, 'ignore');
  yield* sys.sigaction(SIGPIPE, 'ignore');
  const handler = function* (sig: number): Gen<void> {
    if (state.shutdownAsap && sig === SIGINT) {
      yield* logFromHandler('You insist... exiting now.');
      state.insist = true;
      return;
    }
    yield* logFromHandler(
      `Received ${sig === SIGINT ? 'SIGINT' : 'SIGTERM'} scheduling shutdown...`,
    );
    state.shutdownAsap = true;
  };
  yield* sys.sigaction(SIGTERM, handler);
  yield* sys.sigaction(SIGINT, handler);
}

/** The event loop sleeps until the next serverCron; the cron acts on a scheduled shutdown. */
function* eventLoop(c: RedisConfig, state: State, dialect: RedisDialect): Gen<number> {
  const start = (yield* sys.self()).now;
  for (;;) {
    const now = (yield* sys.self()).now;
    const next = start + (Math.floor((now - start) / CRON_MS) + 1) * CRON_MS;
    const slept = yield* sys.nanosleep(next - now);
    if (state.insist) return 1;
    if (slept instanceof Errno) continue;
    if (state.shutdownAsap && (yield* prepareForShutdown(c, dialect))) return 0;
    state.shutdownAsap = false;
  }
}

/** prepareForShutdown (5.0, 7.0 with finishShutdown): true when redis may exit. */
function* prepareForShutdown(c: RedisConfig, dialect: RedisDialect): Gen<boolean> {
  yield* log('M', '#', 'User requested shutdown...');
  if (c.appendonly) yield* log('M', '*', 'Calling fsync() on the AOF file.');
  if (c.savePoints) {
    yield* log('M', '*', 'Saving the final RDB snapshot before exiting.');
    if (!(yield* saveRdb(c))) {
      yield* log('M', '#', "Error trying to save the DB, can't exit.");
      yield* log('M', '#', dialect.shutdownFailed);
      return false;
    }
  }
  if (c.unixsocket !== undefined) {
    yield* log('M', '*', 'Removing the unix socket file.');
    yield* sys.unlink(c.unixsocket);
  }
  yield* log('M', '#', 'Redis is now ready to exit, bye bye...');
  return true;
}

const NO_CONFIG_WARNING =
  'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf';
