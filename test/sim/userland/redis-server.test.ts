import { describe, expect, it } from 'vitest';
import { dockerStop, labCases, maskRedisLog, replayLab } from './lab-cases.ts';

/**
 * The redis-server 7.0.15 model. Texts recorded from Debian 12's
 * redis-server 5:7.0.15-1~deb12u10 run as the redis user in a fresh PID
 * namespace (the log lines of a clean start and stop are golden 28–33 and
 * test/golden/recorded p02, p03); SIGINT's line is facts.md §7 [V].
 */
const USAGE = `Usage: ./redis-server [/path/to/redis.conf] [options] [-]
       ./redis-server - (read config from stdin)
       ./redis-server -v or --version
       ./redis-server -h or --help
       ./redis-server --test-memory <megabytes>
       ./redis-server --check-system

Examples:
       ./redis-server (run the server with default conf)
       echo 'maxmemory 128mb' | ./redis-server -
       ./redis-server /etc/redis/6379.conf
       ./redis-server --port 7777
       ./redis-server --port 7777 --replicaof 127.0.0.1 8888
       ./redis-server /etc/myredis.conf --loglevel verbose -
       ./redis-server /etc/myredis.conf --loglevel verbose

Sentinel mode:
       ./redis-server /etc/sentinel.conf --sentinel
`;

const fatal = (line: number, directive: string, message: string) =>
  `\n*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***\nReading the configuration file, at line ${line}\n>>> '${directive}'\n${message}\n`;

const run = (args: string) => `docker run --rm lab ${args}`;

describe('redis-server: arguments and configuration errors', () => {
  labCases([
    {
      line: run('redis-server --foo bar'),
      stderr: fatal(2, 'foo "bar"', 'Bad directive or wrong number of arguments'),
      status: 1,
    },
    {
      line: run('redis-server --port abc'),
      stderr: fatal(2, 'port "abc"', "argument couldn't be parsed into an integer"),
      status: 1,
    },
    {
      line: run('redis-server --port 70000'),
      stderr: fatal(2, 'port "70000"', 'argument must be between 0 and 65535 inclusive'),
      status: 1,
    },
    {
      line: run('redis-server --appendonly maybe'),
      stderr: fatal(2, 'appendonly "maybe"', "argument must be 'yes' or 'no'"),
      status: 1,
    },
    {
      line: run('redis-server --save abc'),
      stderr: fatal(2, 'save "abc"', 'Invalid save parameters'),
      status: 1,
    },
    {
      line: run('redis-server --save 10'),
      stderr: fatal(2, 'save "10"', 'Invalid save parameters'),
      status: 1,
    },
    {
      line: run('redis-server --port'),
      stderr: fatal(2, 'port', 'wrong number of arguments'),
      status: 1,
    },
    {
      line: run('redis-server --unixsocket'),
      stderr: fatal(2, 'unixsocket', 'wrong number of arguments'),
      status: 1,
    },
    {
      line: run('redis-server --loglevel loud'),
      stderr: fatal(
        2,
        'loglevel "loud"',
        'argument(s) must be one of the following: debug, verbose, notice, warning',
      ),
      status: 1,
    },
    {
      line: run('redis-server --dir /nonexist'),
      stderr: fatal(2, 'dir "/nonexist"', 'No such file or directory'),
      status: 1,
    },
    {
      line: run('redis-server --daemonize no --port 0 --foo'),
      stderr: fatal(4, 'foo', 'Bad directive or wrong number of arguments'),
      status: 1,
    },
    { line: run('redis-server --daemonize yes --port 0 --unixsocket /tmp/s.sock'), status: 0 },
    {
      line: run('redis-server -v'),
      stdout:
        'Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=ae4d7c971a948f0\n',
      status: 0,
    },
    { line: run('redis-server -h'), stderr: USAGE, status: 1 },
  ]);

  it('a missing config file is fatal, named with an absolute path (golden 42; 7.0.15 run in /tmp/rd)', () => {
    const observed = replayLab(['redis-server', 'nosuch.conf'], [], { workdir: '/tmp' });
    expect({ stdout: maskRedisLog(observed.stdout), exit: observed.exit }).toEqual({
      stdout:
        "1:C DATE # Fatal error, can't open config file '/tmp/nosuch.conf': No such file or directory\n",
      exit: { code: 1, signal: null },
    });
  });

  it('nothing to listen on: "Configured to not listen anywhere, exiting." (recorded with --bind and no value)', () => {
    const observed = replayLab(['redis-server', '--port', '0'], []);
    expect(maskRedisLog(observed.stdout)).toBe(
      '1:C DATE # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n' +
        '1:C DATE # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started\n' +
        '1:C DATE # Configuration loaded\n' +
        '1:M DATE * monotonic clock: POSIX clock_gettime\n' +
        '1:M DATE # Configured to not listen anywhere, exiting.\n',
    );
    expect(observed.exit).toEqual({ code: 1, signal: null });
  });
});

const OVERCOMMIT =
  "# WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

describe('redis-server: start and stop', () => {
  it('no arguments: the default-config warning, TCP on *:6379 in the title, final save on SIGINT', () => {
    const observed = replayLab(
      ['setpriv', '--reuid=redis', '--regid=redis', '--clear-groups', 'redis-server'],
      [
        { action: 'inspect', argv: ['ps', '-eo', 'pid,stat,args'], after_ms: 500 },
        { action: 'signal', signal: 'INT', after_ms: 100 },
        { action: 'wait', timeout_ms: 2000, on_timeout: 'KILL' },
      ],
      { workdir: '/data', dirs: [{ path: '/data', mode: '755', uid: 999, gid: 999 }] },
    );
    expect(maskRedisLog(observed.stdout)).toBe(
      [
        '1:C DATE # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C DATE # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:C DATE # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        '1:M DATE * monotonic clock: POSIX clock_gettime',
        '1:M DATE * Running mode=standalone, port=6379.',
        '1:M DATE # Server initialized',
        `1:M DATE ${OVERCOMMIT}`,
        '1:M DATE * Ready to accept connections',
        '1:signal-handler (T) Received SIGINT scheduling shutdown...',
        '1:M DATE # User requested shutdown...',
        '1:M DATE * Saving the final RDB snapshot before exiting.',
        '1:M DATE * DB saved on disk',
        '1:M DATE # Redis is now ready to exit, bye bye...',
        '',
      ].join('\n'),
    );
    expect(observed.exit).toEqual({ code: 0, signal: null });
    expect(observed.execs[0]?.stdout).toBe(
      '    PID STAT COMMAND\n      1 Ssl  redis-server *:6379\n      6 Rs   ps -eo pid,stat,args\n',
    );
  });

  it('a dump file from an earlier run is loaded at start (recorded with an empty dataset)', () => {
    const observed = replayLab(
      [
        'sh',
        '-c',
        'redis-server --port 0 --unixsocket /tmp/s.sock & sleep 1; kill -TERM $!; wait; redis-server --port 0 --unixsocket /tmp/s.sock --save ""',
      ],
      dockerStop(),
      { workdir: '/tmp' },
    );
    const lines = maskRedisLog(observed.stdout).split('\n');
    expect(lines.filter((l) => / \* (Loading|RDB|Done loading|DB loaded)/.test(l))).toEqual([
      '8:M DATE * Loading RDB produced by version 7.0.15',
      '8:M DATE * RDB age 0 seconds',
      '8:M DATE * RDB memory usage when created 0.84 Mb',
      '8:M DATE * Done loading RDB, keys loaded: 0, keys expired: 0.',
      '8:M DATE * DB loaded from disk: 0.000 seconds',
    ]);
  });

  const AS_REDIS = ['setpriv', '--reuid=redis', '--regid=redis', '--clear-groups'];
  const REDIS_DATA = {
    workdir: '/data',
    dirs: [{ path: '/data', mode: '755', uid: 999, gid: 999 }],
  };
  const START = [
    '1:C DATE # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
    '1:C DATE # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started',
    '1:C DATE # Configuration loaded',
    '1:M DATE * monotonic clock: POSIX clock_gettime',
    '1:M DATE * Running mode=standalone, port=0.',
    '1:M DATE # Server initialized',
    `1:M DATE ${OVERCOMMIT}`,
  ];
  const STOP = [
    '1:signal-handler (T) Received SIGTERM scheduling shutdown...',
    '1:M DATE # User requested shutdown...',
    '1:M DATE * Calling fsync() on the AOF file.',
    '1:M DATE * Saving the final RDB snapshot before exiting.',
    '1:M DATE * DB saved on disk',
    '1:M DATE * Removing the unix socket file.',
    '1:M DATE # Redis is now ready to exit, bye bye...',
    '',
  ];
  const AOF = [
    ...AS_REDIS,
    'redis-server',
    '--appendonly',
    'yes',
    '--port',
    '0',
    '--unixsocket',
    '/tmp/s.sock',
  ];

  it('appendonly yes: creates appendonlydir on first start, fsyncs the AOF and saves on SIGTERM', () => {
    const observed = replayLab(AOF, dockerStop(2000, 500), REDIS_DATA);
    expect(maskRedisLog(observed.stdout)).toBe(
      [
        ...START,
        '1:M DATE * Creating AOF base file appendonly.aof.1.base.rdb on server start',
        '1:M DATE * Creating AOF incr file appendonly.aof.1.incr.aof on server start',
        '1:M DATE * The server is now ready to accept connections at /tmp/s.sock',
        ...STOP,
      ].join('\n'),
    );
  });

  it('appendonly yes with a data directory redis may not write: "Can\'t open or create append-only dir", exit 1', () => {
    const observed = replayLab(AOF, [], {
      workdir: '/data',
      dirs: [{ path: '/data', mode: '755', uid: 0, gid: 0 }],
    });
    expect(maskRedisLog(observed.stdout)).toBe(
      [
        ...START,
        "1:M DATE # Can't open or create append-only dir appendonlydir: Permission denied",
        '',
      ].join('\n'),
    );
    expect(observed.exit).toEqual({ code: 1, signal: null });
  });

  it('a unix socket in a directory redis may not write: "Failed opening Unix socket: bind: Permission denied"', () => {
    const observed = replayLab(
      [...AS_REDIS, 'redis-server', '--port', '0', '--unixsocket', '/data/s.sock'],
      [],
      { workdir: '/data', dirs: [{ path: '/data', mode: '755', uid: 0, gid: 0 }] },
    );
    expect(maskRedisLog(observed.stdout)).toBe(
      [
        ...START.slice(0, 4),
        '1:M DATE # Failed opening Unix socket: bind: Permission denied',
        '',
      ].join('\n'),
    );
    expect(observed.exit).toEqual({ code: 1, signal: null });
  });
});
