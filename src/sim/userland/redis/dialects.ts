import { USAGE } from './texts.ts';

/**
 * What a redis-server release prints where releases differ. Two are known
 * from sources: 7.0.15 (recorded from Debian 12's build, golden 28–33) and
 * 5.0.5 (its src/server.c; see REDIS_5_0). Other releases speak as 7.0.15
 * (src/sim/LIMITATIONS.md).
 */
export interface RedisDialect {
  /** 7.0 logs "monotonic clock: POSIX clock_gettime" after loading the config; 5.0 has no monotonic clock. */
  readonly monotonicClock: boolean;
  /** 5.0 redisAsciiArt: the ASCII logo instead of "Running mode=…" when stdout is a tty. */
  readonly logoOnTty: boolean;
  /** linuxMemoryWarnings with vm.overcommit_memory = 0. */
  readonly overcommitWarning: string;
  /** serverCron's last line when prepareForShutdown fails. */
  readonly shutdownFailed: string;
  /** usage() on stderr for -h/--help. */
  readonly usage: string;
  /** loadServerConfig's fatal line when the file cannot be opened (as given, or made absolute; errno or not). */
  readonly configOpenError: (given: string, absolute: string, errno: string) => string;
}

/** Printed on the recording machine (vm.overcommit_memory = 0); golden README rule 4 makes it optional. */
const OVERCOMMIT_7_0 =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

export const REDIS_7_0: RedisDialect = {
  monotonicClock: true,
  logoOnTty: false,
  overcommitWarning: OVERCOMMIT_7_0,
  shutdownFailed: 'Errors trying to shut down the server. Check the logs for more information.',
  usage: USAGE,
  configOpenError: (given, absolute, errno) =>
    `Fatal error, can't open config file '${absolute}': ${errno}`,
};

/**
 * redis 5.0.5, from its src/server.c as released (the 5.0.5 tree vendored in
 * wenhuizhang/redis@1f9e20e, redis-5.0.5/src/server.c; the redis/redis index
 * holds no 5.0.5 commit): main() logs the three start-up lines at
 * LL_WARNING; redisAsciiArt() shows the logo when logfile is "" and stdout
 * is a tty (or always-show-logo), else "Running mode=%s, port=%d.";
 * linuxMemoryWarnings() has the older overcommit text; usage() as below.
 * The failed-shutdown line is serverCron's (facts.md §7).
 */
export const REDIS_5_0: RedisDialect = {
  monotonicClock: false,
  logoOnTty: true,
  overcommitWarning:
    "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
  shutdownFailed:
    'SIGTERM received but errors trying to shut down the server, check the logs for more information',
  // 5.0.5 config.c loadServerConfig: serverLog(LL_WARNING, "Fatal error, can't open config file '%s'", filename)
  // with the name as given (facts.md §6.5 item 3).
  configOpenError: (given) => `Fatal error, can't open config file '${given}'`,
  usage: `Usage: ./redis-server [/path/to/redis.conf] [options]
       ./redis-server - (read config from stdin)
       ./redis-server -v or --version
       ./redis-server -h or --help
       ./redis-server --test-memory <megabytes>

Examples:
       ./redis-server (run the server with default conf)
       ./redis-server /etc/redis/6379.conf
       ./redis-server --port 7777
       ./redis-server --port 7777 --replicaof 127.0.0.1 8888
       ./redis-server /etc/myredis.conf --loglevel verbose

Sentinel mode:
       ./redis-server /etc/sentinel.conf --sentinel
`,
};

/**
 * src/asciilogo.h's ascii_logo (redis/redis@022177e, unchanged through the
 * 5.0 releases: published 5.0.5 start-ups print it), filled in as
 * redisAsciiArt does: version, git sha "00000000", dirty 0, "64", mode, port, pid.
 */
export function asciiLogo(version: string, port: number, pid: number): string {
  return [
    '                _._                                                  ',
    "           _.-``__ ''-._                                             ",
    `      _.-\`\`    \`.  \`_.  ''-._           Redis ${version} (00000000/0) 64 bit`,
    "  .-`` .-```.  ```\\/    _.,_ ''-._                                   ",
    " (    '      ,       .-`  | `,    )     Running in standalone mode",
    ` |\`-._\`-...-\` __...-.\`\`-._|'\` _.-'|     Port: ${port}`,
    ` |    \`-._   \`._    /     _.-'    |     PID: ${pid}`,
    "  `-._    `-._  `-./  _.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |           http://redis.io        ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |                                  ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    "      `-._    `-.__.-'    _.-'                                       ",
    "          `-._        _.-'                                           ",
    "              `-.__.-'                                               ",
    '',
    '',
  ].join('\n');
}

/** The dialect of a release version: 5.x speaks as 5.0.5, the rest as 7.0.15. */
export function dialectOf(version: string): RedisDialect {
  return version.startsWith('5.') ? REDIS_5_0 : REDIS_7_0;
}
