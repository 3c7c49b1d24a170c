import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { maskRedisLog } from '../lab-cases.ts';
import { terminal } from './terminal.ts';

/**
 * redis-server as each image's release speaks. Sources:
 *
 * - 5.0.5: redis-5.0.5/src/server.c as vendored in wenhuizhang/redis at
 *   1f9e20e99a05ee2db91db2c1246d8ecc55cfb481 (the redis/redis index holds no
 *   5.0.5 commit): main() (the three "C" lines, all LL_WARNING; no monotonic
 *   clock line), redisAsciiArt() (logo when logfile is "" and stdout is a tty,
 *   else "Running mode=%s, port=%d."), linuxMemoryWarnings() (overcommit text
 *   below), prepareForShutdown() (same lines and order as 7.0), version() and
 *   usage(). The logo is src/asciilogo.h's ascii_logo, redis/redis at
 *   022177e761a32b098d624a9a4f955b3cc4d8fe9f, which published 5.0.5
 *   start-ups print ("Redis 5.0.5 (00000000/0) 64 bit").
 * - 7.2.5 and 8.2.1: no source at their tags could be read here; they speak
 *   as 7.0.15 (golden 28–33, facts.md §7) with their own version
 *   (src/sim/LIMITATIONS.md).
 * - Config error header: config.c loaderr prints "(Redis %s)" with
 *   REDIS_VERSION (5.0-era copies with the replicaof directive and later).
 *
 * Dates and signal-handler seconds are masked (golden README rule 4). The
 * host's THP setting is not "[always]" and somaxconn is at least 511, as on
 * the recording machine (7.0.15 printed neither warning), so 5.0.5 prints
 * neither either; vm.overcommit_memory is 0 there, hence its warning.
 */

const START_5 = [
  '1:C DATE # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
  '1:C DATE # Redis version=5.0.5, bits=64, commit=00000000, modified=0, pid=1, just started',
  '1:C DATE # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
];

const READY_5 = [
  '1:M DATE # Server initialized',
  "1:M DATE # WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
  '1:M DATE * Ready to accept connections',
];

/** facts.md §7: SIGTERM's shutdown; 5.0.5's prepareForShutdown logs the same lines. */
const SHUTDOWN = [
  '1:signal-handler (T) Received SIGTERM scheduling shutdown...',
  '1:M DATE # User requested shutdown...',
  '1:M DATE * Saving the final RDB snapshot before exiting.',
  '1:M DATE * DB saved on disk',
  '1:M DATE # Redis is now ready to exit, bye bye...',
];

/** 7.0.15's start-up (golden 28, test/golden), with the release's version. */
const start7 = (version: string) => [
  '1:C DATE # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
  `1:C DATE # Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`,
  '1:C DATE # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
  '1:M DATE * monotonic clock: POSIX clock_gettime',
  '1:M DATE * Running mode=standalone, port=6379.',
  '1:M DATE # Server initialized',
  "1:M DATE # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
  '1:M DATE * Ready to accept connections',
];

/** asciilogo.h (redis/redis 022177e), as redisAsciiArt fills it in for 5.0.5 as PID 1 on port 6379. */
const LOGO_5 = [
  '                _._                                                  ',
  "           _.-``__ ''-._                                             ",
  "      _.-``    `.  `_.  ''-._           Redis 5.0.5 (00000000/0) 64 bit",
  "  .-`` .-```.  ```\\/    _.,_ ''-._                                   ",
  " (    '      ,       .-`  | `,    )     Running in standalone mode",
  " |`-._`-...-` __...-.``-._|'` _.-'|     Port: 6379",
  " |    `-._   `._    /     _.-'    |     PID: 1",
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
];

const PROMPT = 'learner@host:~$ ';
const lines = (command: string, out: readonly string[]) =>
  `${command}\n${out.map((l) => l + '\n').join('')}${PROMPT}`;

/** docker run -d, docker stop, exit code and logs of one container. */
function runAndStop(image: string, runFlags = '-d') {
  const type = terminal(createHost());
  const started = type(`docker run ${runFlags} --name red ${image}`);
  const stopped = type('docker stop red');
  const code = type("docker inspect -f '{{.State.ExitCode}}' red");
  const logs = maskRedisLog(type('docker logs red'));
  return { started, stopped, code, logs, type };
}

describe('redis:5.0 speaks as redis 5.0.5', () => {
  it('docker run -d / docker stop: 5.0.5 start-up (no monotonic clock, old overcommit text), SIGTERM shutdown, exit 0', () => {
    const r = runAndStop('redis:5.0');
    expect(r.stopped).toBe(`docker stop red\nred\n${PROMPT}`);
    expect(r.code).toBe(`docker inspect -f '{{.State.ExitCode}}' red\n0\n${PROMPT}`);
    expect(r.logs).toBe(
      lines('docker logs red', [
        ...START_5,
        '1:M DATE * Running mode=standalone, port=6379.',
        ...READY_5,
        ...SHUTDOWN,
      ]),
    );
  });

  it('docker run -dt (the article\'s -idt): stdout is a tty, so the ASCII logo replaces "Running mode"', () => {
    const r = runAndStop('redis:5.0', '-dt');
    expect(r.code).toBe(`docker inspect -f '{{.State.ExitCode}}' red\n0\n${PROMPT}`);
    expect(r.logs).toBe(lines('docker logs red', [...START_5, ...LOGO_5, ...READY_5, ...SHUTDOWN]));
  });

  it('redis-server -v / --version, redis-cli --version', () => {
    const type = terminal(createHost());
    // version(): "Redis server v=%s sha=%s:%d malloc=%s bits=%d build=%llx"; malloc is the bundled
    // jemalloc 5.1.0 (deps/Makefile --with-version=5.1.0-0-g0); the build id is modelled.
    const v =
      'Redis server v=5.0.5 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64 build=8824cd313b226580';
    expect(type('docker run --rm redis:5.0 redis-server -v')).toBe(
      lines('docker run --rm redis:5.0 redis-server -v', [v]),
    );
    expect(type('docker run --rm redis:5.0 redis-server --version')).toBe(
      lines('docker run --rm redis:5.0 redis-server --version', [v]),
    );
    expect(type('docker run --rm redis:5.0 redis-cli --version')).toBe(
      lines('docker run --rm redis:5.0 redis-cli --version', ['redis-cli 5.0.5']),
    );
  });

  it('redis-server --help: 5.0.5 usage() on stderr, exit 1', () => {
    const type = terminal(createHost());
    expect(type('docker run --rm redis:5.0 redis-server --help; echo $?')).toBe(
      lines('docker run --rm redis:5.0 redis-server --help; echo $?', [
        'Usage: ./redis-server [/path/to/redis.conf] [options]',
        '       ./redis-server - (read config from stdin)',
        '       ./redis-server -v or --version',
        '       ./redis-server -h or --help',
        '       ./redis-server --test-memory <megabytes>',
        '',
        'Examples:',
        '       ./redis-server (run the server with default conf)',
        '       ./redis-server /etc/redis/6379.conf',
        '       ./redis-server --port 7777',
        '       ./redis-server --port 7777 --replicaof 127.0.0.1 8888',
        '       ./redis-server /etc/myredis.conf --loglevel verbose',
        '',
        'Sentinel mode:',
        '       ./redis-server /etc/sentinel.conf --sentinel',
        '1',
      ]),
    );
  });

  it('a config error names Redis 5.0.5 in its header', () => {
    const type = terminal(createHost());
    expect(type('docker run --rm redis:5.0 redis-server --port x; echo $?')).toBe(
      lines('docker run --rm redis:5.0 redis-server --port x; echo $?', [
        '',
        '*** FATAL CONFIG FILE ERROR (Redis 5.0.5) ***',
        'Reading the configuration file, at line 2',
        `>>> 'port "x"'`,
        "argument couldn't be parsed into an integer",
        '1',
      ]),
    );
  });
});

describe('redis:7.2 (7.2.5): 7.0.15 texts with its own version', () => {
  it('docker run -d / docker stop', () => {
    const r = runAndStop('redis:7.2');
    expect(r.code).toBe(`docker inspect -f '{{.State.ExitCode}}' red\n0\n${PROMPT}`);
    expect(r.logs).toBe(lines('docker logs red', [...start7('7.2.5'), ...SHUTDOWN]));
  });

  it('redis-server -v, redis-cli -v', () => {
    const type = terminal(createHost());
    expect(type('docker run --rm redis:7.2 redis-server -v')).toBe(
      lines('docker run --rm redis:7.2 redis-server -v', [
        'Redis server v=7.2.5 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=fb798210fd82c6c0',
      ]),
    );
    expect(type('docker run --rm redis:7.2 redis-cli -v')).toBe(
      lines('docker run --rm redis:7.2 redis-cli -v', ['redis-cli 7.2.5']),
    );
  });
});

describe('redis:8.2.1: 7.0.15 texts with its own version, after the entrypoint', () => {
  it('docker run -d / docker stop: the entrypoint lines (facts.md §6.4 item 6), then redis', () => {
    const r = runAndStop('redis:8.2.1');
    expect(r.code).toBe(`docker inspect -f '{{.State.ExitCode}}' red\n0\n${PROMPT}`);
    // The whole log: the entrypoint's `setpriv … test -r` runs coreutils' test quietly.
    expect(r.logs).toBe(
      lines('docker logs red', [
        'Starting Redis Server',
        'Warning: Default Redis modules directory /usr/local/lib/redis/modules/ does not exist.',
        ...start7('8.2.1'),
        ...SHUTDOWN,
      ]),
    );
  });

  it('redis-cli -v', () => {
    const type = terminal(createHost());
    expect(type('docker run --rm redis:8.2.1 redis-cli -v')).toBe(
      lines('docker run --rm redis:8.2.1 redis-cli -v', ['redis-cli 8.2.1']),
    );
  });
});
