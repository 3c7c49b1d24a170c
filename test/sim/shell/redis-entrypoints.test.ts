import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Credentials } from '../../../src/sim/kernel/credentials.ts';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { NullFile, SinkFile } from '../../../src/sim/kernel/files.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { shellStatus } from '../../../src/sim/kernel/wait-status.ts';
import {
  REDIS_ENTRYPOINTS,
  type RedisVersion,
} from '../../../src/sim/docker/images/redis/entrypoints.ts';
import { parse } from '../../../src/sim/shell/parser.ts';
import { STUBS } from './entrypoint-stubs.ts';
import { shellWorld } from './harness.ts';

const VERSIONS: readonly RedisVersion[] = ['5.0', '7.2', '8.2.1'];
const REFERENCE: Readonly<Record<RedisVersion, string>> = {
  '5.0': 'redis-5.0_docker-entrypoint.sh_6845f6d.txt',
  '7.2': 'redis-7.2-debian_docker-entrypoint.sh_e920499.txt',
  '8.2.1': 'redis-8.2.1-debian_docker-entrypoint.sh_a13b788.txt',
};
const fileOf = (v: RedisVersion) => `src/sim/docker/images/redis/${v}/docker-entrypoint.sh`;

describe('the pinned redis entrypoints', () => {
  for (const version of VERSIONS) {
    it(`${version}: the embedded text is the file, byte for byte (rerun scripts/embed-redis-entrypoints.sh)`, () => {
      expect(REDIS_ENTRYPOINTS[version]).toBe(readFileSync(fileOf(version), 'utf8'));
    });

    it.skipIf(!existsSync('../shared/reference/redis'))(
      `${version}: the file is the reference's verbatim part`,
      () => {
        const reference = readFileSync(`../shared/reference/redis/${REFERENCE[version]}`, 'utf8');
        expect(readFileSync(fileOf(version), 'utf8')).toBe(
          reference.split('#@ ----- begin verbatim file -----\n')[1],
        );
      },
    );

    it(`${version}: parses without error`, () => {
      expect(parse(REDIS_ENTRYPOINTS[version])).toHaveProperty('type', 'script');
    });
  }
});

/** Runs the entrypoint as Docker would start it in /data, with stub programs; returns output and the exec chain. */
function dockerRun(version: RedisVersion, args: readonly string[], uid = 0) {
  const world = shellWorld(STUBS);
  const { tree, kernel } = world;
  for (const dir of ['/usr/local/bin', '/usr/bin', '/data']) tree.dir(dir);
  tree.file('/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINTS[version], { perm: 0o755 });
  tree.program('/usr/local/bin/redis-server', 'redis-server');
  tree.program('/usr/bin/setpriv', 'setpriv');
  tree.program('/usr/sbin/gosu', 'gosu');
  const execs: string[] = [];
  kernel.events.subscribe((e) => {
    if (e.type === 'exec') execs.push(e.argv.join(' '));
  });
  let stdout = '';
  let stderr = '';
  const argv = ['docker-entrypoint.sh', ...args];
  const env = [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/sbin',
    'HOME=/root',
  ];
  const process = kernel.spawn({
    parent: null,
    pidns: kernel.rootNs,
    creds: new Credentials(uid, 0),
    mnt: world.mnt,
    cwd: '/data',
    hostname: 'test',
    stdio: [new NullFile(), new SinkFile((d) => (stdout += d)), new SinkFile((d) => (stderr += d))],
    main: function* () {
      yield* sys.umask(0o022);
      const result = yield* sys.execve('/usr/local/bin/docker-entrypoint.sh', argv, env);
      return result instanceof Errno ? 127 : 0;
    },
    comm: 'runc',
    argv,
  });
  while (kernel.run(100_000) === 'budget') {
    /* run to the end */
  }
  return {
    stdout,
    stderr,
    status: shellStatus(process.exitStatus),
    execs,
    pid: process.pid,
    crashes: kernel.crashes,
  };
}

const ENTRY = '/usr/local/bin/docker-entrypoint.sh';

// The paths of ../shared/reference/facts.md §6.5, traced on the real files with a fake redis-server.
describe('docker run redis, as facts.md §6.5 traces it', () => {
  it('5.0: chown, re-entry through gosu as redis, then exec redis-server as PID 1 with umask unchanged', () => {
    const run = dockerRun('5.0', ['redis-server']);
    expect(run.execs).toEqual([
      `/bin/sh ${ENTRY} redis-server`,
      'id -u',
      'find . ! -user redis -exec chown redis {} +',
      `gosu redis ${ENTRY} redis-server`,
      `/bin/sh ${ENTRY} redis-server`,
      'id -u',
      'redis-server',
    ]);
    expect(run.stdout).toBe(
      `redis-server pid=${run.pid} uid=999 umask=0022 argv=["redis-server"]\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.crashes).toEqual([]);
  });

  it('5.0 --appendonly yes: redis-server is put in front', () => {
    const run = dockerRun('5.0', ['--appendonly', 'yes']);
    expect(run.execs.at(-1)).toBe('redis-server --appendonly yes');
    expect(run.execs).toContain(`gosu redis ${ENTRY} redis-server --appendonly yes`);
  });

  it('5.0 redis.conf: a .conf first argument is a config file for redis-server', () => {
    expect(dockerRun('5.0', ['redis.conf']).execs.at(-1)).toBe('redis-server redis.conf');
  });

  it('5.0 bash: no chown, no gosu: exec bash as root', () => {
    const run = dockerRun('5.0', ['bash']);
    // `$(id -u)` is expanded before [ runs, so id still runs once.
    expect(run.execs).toEqual([`/bin/sh ${ENTRY} bash`, 'id -u', 'bash']);
  });

  it('5.0 --user 1000: no chown, no gosu, redis-server as 1000', () => {
    const run = dockerRun('5.0', ['redis-server'], 1000);
    expect(run.execs).toEqual([`/bin/sh ${ENTRY} redis-server`, 'id -u', 'redis-server']);
    expect(run.stdout).toBe(
      `redis-server pid=${run.pid} uid=1000 umask=0022 argv=["redis-server"]\n`,
    );
  });

  it('7.2: the second pass sets umask 0077 before exec redis-server', () => {
    const run = dockerRun('7.2', ['redis-server']);
    expect(run.execs.filter((e) => e.startsWith('gosu'))).toEqual([
      `gosu redis ${ENTRY} redis-server`,
    ]);
    expect(run.stdout).toBe(
      `redis-server pid=${run.pid} uid=999 umask=0077 argv=["redis-server"]\n`,
    );
  });

  it('7.2 --user 1000 and bash also get umask 0077', () => {
    expect(dockerRun('7.2', ['redis-server'], 1000).stdout).toMatch(/uid=1000 umask=0077/);
    expect(dockerRun('7.2', ['bash']).execs.at(-1)).toBe('bash');
  });

  it('8.2.1: bash re-enters through setpriv, prints its notices, execs redis-server as redis with umask 0077', () => {
    const run = dockerRun('8.2.1', ['redis-server']);
    expect(run.execs.filter((e) => e.startsWith('/usr/bin/setpriv --reuid'))).toEqual([
      // fix_perms_and_owner: can redis read and write the data dir (the only entry of an empty /data)?
      '/usr/bin/setpriv --reuid redis --regid redis --clear-groups test -r . -a -w .',
      `/usr/bin/setpriv --reuid redis --regid redis --clear-groups --nnp --inh-caps=-all --ambient-caps=-all --bounding-set=-all ${ENTRY} redis-server`,
    ]);
    expect(run.stdout).toBe(
      'Starting Redis Server\n' +
        'Warning: Default Redis modules directory /usr/local/lib/redis/modules/ does not exist.\n' +
        `redis-server pid=${run.pid} uid=999 umask=0077 argv=["redis-server"]\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.crashes).toEqual([]);
  });

  it('8.2.1 --user 1000: no setpriv; umask 0077 and the notices, then redis-server as 1000', () => {
    const run = dockerRun('8.2.1', ['redis-server'], 1000);
    expect(run.execs.some((e) => e.startsWith('/usr/bin/setpriv --reuid'))).toBe(false);
    expect(run.stdout).toMatch(
      /^Starting Redis Server\n.*\nredis-server pid=\d+ uid=1000 umask=0077/s,
    );
  });
});
