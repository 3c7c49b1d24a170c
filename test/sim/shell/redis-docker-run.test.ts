import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../src/sim/index.ts';
import type { RedisVersion } from '../../../src/sim/docker/images/redis/entrypoints.ts';
import { runPlain } from '../../support/plain.ts';

/**
 * `docker run` of the real redis images (built from their Dockerfiles) takes
 * the paths ../shared/reference/facts.md §6.5 traced on the real entrypoint
 * files: the pinned docker-entrypoint.sh runs in our dash as PID 1, re-enters
 * itself through gosu (5.0, 7.2) or setpriv (8.2.1) as redis, and execs
 * redis-server, which stays PID 1. redis-images.test.ts checks the builds;
 * src/sim/shell/README.md the shell.
 */

/** Images whose build does not finish yet (test/sim/docker/images/redis-images.test.ts names where each stops). */
const PENDING: Readonly<Record<RedisVersion, boolean>> = {
  '5.0': false,
  '7.2': false,
  '8.2.1': false,
};

const ENTRY = '/usr/local/bin/docker-entrypoint.sh';

/** Runs one line on the host; returns its output and the programs the container executed (argv, in order). */
function run(host: Host, line: string) {
  const execs: string[] = [];
  const stop = host.onEvent((e) => {
    if (e.type === 'exec' && e.path !== '/usr/bin/docker') execs.push(e.argv.join(' '));
  });
  const result = runPlain(line, host);
  stop();
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, execs };
}

/** A built host with the image ready (the first run builds it). */
function hostWith(version: RedisVersion): Host {
  const host = createHost();
  runPlain(`docker run --rm redis:${version} true`, host);
  return host;
}

/** docker top's UID and CMD columns (PIDs and times follow the host). */
function topUserAndCommand(table: string): string[] {
  const [header = '', ...rows] = table.trimEnd().split('\n');
  const cmd = header.indexOf('CMD');
  return rows.map((row) => `${row.split(/\s+/)[0] ?? ''} ${row.slice(cmd)}`);
}

describe.skipIf(PENDING['5.0'])('docker run redis:5.0 (gosu 1.10), facts.md §6.5', () => {
  const host = hostWith('5.0');

  it('1. no arguments: chown, re-entry through gosu as redis, exec redis-server as PID 1, umask unchanged', () => {
    const r = run(host, 'docker run -d --name redis1 redis:5.0');
    expect(r.status).toBe(0);
    expect(r.execs).toEqual([
      `/bin/sh ${ENTRY} redis-server`,
      'id -u',
      'find . ! -user redis -exec chown redis {} +',
      `gosu redis ${ENTRY} redis-server`,
      `/bin/sh ${ENTRY} redis-server`,
      'id -u',
      'redis-server',
    ]);
    // uid 999 is redis in the image; docker top names users from the host's passwd (none for 999).
    expect(topUserAndCommand(run(host, 'docker top redis1').stdout)).toEqual([
      '999 redis-server *:6379',
    ]);
    // Docker's default umask 0022 is left as it is (facts.md §6.5, 5.0 step 1).
    expect(run(host, 'docker exec redis1 grep Umask /proc/1/status').stdout).toBe('Umask:\t0022\n');
  });

  it('2. --appendonly yes: the entrypoint puts redis-server in front, then the same path', () => {
    const r = run(host, 'docker run -d --name redis2 redis:5.0 --appendonly yes');
    expect(r.execs).toEqual([
      `/bin/sh ${ENTRY} --appendonly yes`,
      'id -u',
      'find . ! -user redis -exec chown redis {} +',
      `gosu redis ${ENTRY} redis-server --appendonly yes`,
      `/bin/sh ${ENTRY} redis-server --appendonly yes`,
      'id -u',
      'redis-server --appendonly yes',
    ]);
  });

  it('3. redis.conf: set -- redis-server redis.conf, gosu re-entry, redis-server exits 1 on the missing file', () => {
    const r = run(host, 'docker run --name redis3 redis:5.0 redis.conf');
    expect(r.execs).toEqual([
      `/bin/sh ${ENTRY} redis.conf`,
      'id -u',
      'find . ! -user redis -exec chown redis {} +',
      `gosu redis ${ENTRY} redis-server redis.conf`,
      `/bin/sh ${ENTRY} redis-server redis.conf`,
      'id -u',
      'redis-server redis.conf',
    ]);
    // 5.0.5's config.c names the file as given, without errno (facts.md §6.5 item 3);
    // 7.0.15 names the absolute path and the error (test/sim/userland/redis-server.test.ts).
    expect(r.stdout.replace(/^1:C \d\d \w{3} \d{4} [\d:.]{12} /, '1:C DATE ')).toBe(
      "1:C DATE # Fatal error, can't open config file 'redis.conf'\n",
    );
    expect(r.status).toBe(1);
  });

  it('4. bash: no chown, no gosu, bash as root; without -it it reads end of file and exits 0', () => {
    const r = run(host, 'docker run --rm redis:5.0 bash');
    expect(r).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
      execs: [`/bin/sh ${ENTRY} bash`, 'id -u', 'bash'],
    });
    // `id` in place of bash shows the root identity it keeps (facts.md §1: uid 0 groups 0).
    expect(run(host, 'docker run --rm redis:5.0 id').stdout).toBe(
      'uid=0(root) gid=0(root) groups=0(root)\n',
    );
  });

  it('5. --user 1000: no chown, no gosu, redis-server as 1000:0 (no passwd entry: group root)', () => {
    const r = run(host, 'docker run -d --name redis5 --user 1000 redis:5.0');
    expect(r.execs).toEqual([`/bin/sh ${ENTRY} redis-server`, 'id -u', 'redis-server']);
    // docker top runs on the host, whose passwd names uid 1000 (the learner).
    expect(topUserAndCommand(run(host, 'docker top redis5').stdout)).toEqual([
      'learner redis-server *:6379',
    ]);
    expect(run(host, 'docker run --rm --user 1000 redis:5.0 id').stdout).toBe(
      'uid=1000 gid=0(root) groups=0(root)\n',
    );
  });
});

// 7.2 and 8.2.1 end with umask 0077 in every path (facts.md §6.5, 7.2 and 8.2.1 notes).
for (const version of ['7.2', '8.2.1'] as const) {
  describe.skipIf(PENDING[version])(`docker run redis:${version}, facts.md §6.5`, () => {
    const host = hostWith(version);

    it('no arguments: redis-server as PID 1, uid 999, umask 0077', () => {
      const r = run(host, `docker run -d --name redis1 redis:${version}`);
      if (version === '7.2')
        // 7.2 (gosu 1.17): the 5.0 path; umask is a builtin, so no exec shows it.
        expect(r.execs).toEqual([
          `/bin/sh ${ENTRY} redis-server`,
          'id -u',
          'find . ! -user redis -exec chown redis {} +',
          `gosu redis ${ENTRY} redis-server`,
          `/bin/sh ${ENTRY} redis-server`,
          'id -u',
          'redis-server',
        ]);
      else {
        // 8.2.1 (a bash script): capability checks and data-dir fixing as root, then the setpriv re-entry.
        expect(r.execs[0]).toBe(`/bin/bash ${ENTRY} redis-server`);
        expect(r.execs.slice(-5)).toEqual([
          '/usr/bin/setpriv --reuid redis --regid redis --clear-groups --nnp --inh-caps=-all --ambient-caps=-all --bounding-set=-all /usr/local/bin/docker-entrypoint.sh redis-server',
          `/bin/bash ${ENTRY} redis-server`,
          'readlink -f /usr/local/bin/redis-server',
          'id -u',
          'redis-server',
        ]);
        // The entrypoint's own lines (8.2.1 docker-entrypoint.sh lines 151 and 155) before redis logs.
        expect(run(host, 'docker logs redis1').stdout).toMatch(
          /^Starting Redis Server\nWarning: Default Redis modules directory \/usr\/local\/lib\/redis\/modules\/ does not exist\.\n1:C /,
        );
      }
      expect(topUserAndCommand(run(host, 'docker top redis1').stdout)).toEqual([
        '999 redis-server *:6379',
      ]);
      expect(run(host, 'docker exec redis1 grep Umask /proc/1/status').stdout).toBe(
        'Umask:\t0077\n',
      );
    });

    it('bash: root, umask 0077 (facts.md §6.5 [V])', () => {
      expect(run(host, `docker run --rm redis:${version} bash -c 'id; umask'`).stdout).toBe(
        'uid=0(root) gid=0(root) groups=0(root)\n0077\n',
      );
    });

    it('--user 1000: uid 1000 gid 0, umask 0077', () => {
      expect(
        run(host, `docker run --rm --user 1000 redis:${version} sh -c 'id; umask'`).stdout,
      ).toBe('uid=1000 gid=0(root) groups=0(root)\n0077\n');
    });
  });
}
