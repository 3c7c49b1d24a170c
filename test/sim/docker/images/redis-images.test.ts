import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import type { RedisVersion } from '../../../../src/sim/docker/images/redis/entrypoints.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * The redis images are built from their pinned Dockerfiles the first time
 * `docker run` names them (src/sim/docker/images/recipes.ts). A build that
 * cannot finish yet is pending on the tool it stops at, named here; the
 * test is skipped until that tool lands (the build log says where it stops:
 * host.images.buildLog('redis:TAG')).
 */
const PENDING: Readonly<Record<RedisVersion, string | undefined>> = {
  '5.0': undefined,
  '7.2': undefined,
  '8.2.1': undefined,
};

/** The user the Dockerfiles create (groupadd -r [-g 999] redis; useradd -r … redis): 999 on a fresh Debian. */
const REDIS_ID = 'uid=999(redis) gid=999(redis) groups=999(redis)\n';

/** docker history's IMAGE and CREATED BY columns (times and sizes follow the simulated downloads and files). */
function historyColumns(table: string): string[] {
  const [header = '', ...rows] = table.trimEnd().split('\n');
  const by = header.indexOf('CREATED BY');
  const size = header.indexOf('SIZE');
  return rows.map((row) => `${row.slice(0, 12)} ${row.slice(by, size).trimEnd()}`);
}

describe('redis:5.0, built from the 5.0 Dockerfile (6845f6d)', () => {
  const host = createHost();
  const steps: string[] = [];
  host.images.stepListeners.add(({ image, step, total, instruction: { keyword, span } }) =>
    steps.push(
      `${image} ${step}/${total} ${keyword} ${span.startLine}:${span.startColumn}-${span.endLine}:${span.endColumn}`,
    ),
  );
  runPlain('docker run --rm redis:5.0 true', host);

  it('tells walkthroughs which instruction runs, with its place in the Dockerfile', () => {
    // 0-based lines of src/sim/docker/images/redis/5.0/Dockerfile (its RUN steps span several lines).
    expect(steps).toEqual([
      'redis 1/15 FROM 0:0-0:24',
      'redis 2/15 RUN 3:0-3:50',
      'redis 3/15 ENV 7:0-7:21',
      'redis 4/15 RUN 8:0-31:42',
      'redis 5/15 ENV 33:0-33:23',
      'redis 6/15 ENV 34:0-34:75',
      'redis 7/15 ENV 35:0-35:87',
      'redis 8/15 RUN 38:0-73:42',
      'redis 9/15 RUN 75:0-75:42',
      'redis 10/15 VOLUME 76:0-76:12',
      'redis 11/15 WORKDIR 77:0-77:13',
      'redis 12/15 COPY 79:0-79:41',
      'redis 13/15 ENTRYPOINT 80:0-80:35',
      'redis 14/15 EXPOSE 82:0-82:11',
      'redis 15/15 CMD 83:0-83:20',
    ]);
  });

  it("has the Dockerfile's layers, in docker history's words", () => {
    // created_by as moby records it (src/sim/docker/build/created-by.ts), cut at 45 characters.
    expect(historyColumns(runPlain('docker history redis:5.0', host).stdout)).toEqual([
      '158f22672070 /bin/sh -c #(nop)  CMD ["redis-server"]',
      '989cccea5e0e /bin/sh -c #(nop)  EXPOSE 6379',
      'db0f4c3f43e2 /bin/sh -c #(nop)  ENTRYPOINT ["docker-entry…',
      '9760e11f0340 /bin/sh -c #(nop) COPY file:6ca0008fda4fd198…',
      'f163aac1ff5d /bin/sh -c #(nop) WORKDIR /data',
      'dbfc51ba6630 /bin/sh -c #(nop)  VOLUME [/data]',
      '1448f8c68cf1 /bin/sh -c mkdir /data && chown redis:redis …',
      "8cf1d326cc0f /bin/sh -c set -ex;   buildDeps='   ca-certi…",
      '73cd68a1948a /bin/sh -c #(nop)  ENV REDIS_DOWNLOAD_SHA=21…',
      'b3e93a250352 /bin/sh -c #(nop)  ENV REDIS_DOWNLOAD_URL=ht…',
      '5defd3c5e578 /bin/sh -c #(nop)  ENV REDIS_VERSION=5.0.5',
      '999a57758f7f /bin/sh -c set -ex;   fetchDeps="   ca-certi…',
      '8dd0ba288c84 /bin/sh -c #(nop)  ENV GOSU_VERSION=1.10',
      '444325e43f0b /bin/sh -c groupadd -r redis && useradd -r -…',
      '7dfa35115326 /bin/sh -c #(nop)  CMD ["bash"]',
      '<missing>    /bin/sh -c #(nop) ADD file:ad5c43a7fa28f4361…',
    ]);
  });

  it('holds what its RUN steps made: the redis user, gosu and the redis binaries, /data', () => {
    expect(
      runPlain(
        'docker run --rm redis:5.0 sh -c "pwd; ls -ld /data; ls /usr/local/bin; ls -l /usr/local/bin/docker-entrypoint.sh; id redis"',
        host,
      ),
    ).toMatchObject({
      stdout:
        '/data\n' +
        'drwxr-xr-x 2 redis redis 4096 Nov 28 17:01 /data\n' +
        'docker-entrypoint.sh\ngosu\nredis-benchmark\nredis-check-aof\nredis-check-rdb\nredis-cli\nredis-sentinel\nredis-server\n' +
        // COPY keeps the context file's mode and time (the pinned commit's day).
        '-rwxr-xr-x 1 root root 374 May 15  2019 /usr/local/bin/docker-entrypoint.sh\n' +
        'uid=999(redis) gid=999(redis) groups=999(redis)\n',
      stderr: '',
      status: 0,
    });
  });

  it('is listed under its three tags once built', () => {
    expect(runPlain('docker images --quiet redis', host).stdout).toBe(
      '158f22672070\n158f22672070\n158f22672070\n',
    );
  });
});

describe('redis images built from their Dockerfiles', () => {
  for (const [version, pending] of Object.entries(PENDING) as [
    RedisVersion,
    string | undefined,
  ][]) {
    it.skipIf(pending !== undefined)(
      `redis:${version}${pending === undefined ? '' : ` (pending: ${pending})`}`,
      () => {
        const host = createHost();
        expect(runPlain(`docker run --rm redis:${version} id redis`, host)).toMatchObject({
          stdout: REDIS_ID,
          stderr: '',
          status: 0,
        });
        // The image's config comes from the Dockerfile: ENTRYPOINT, CMD, WORKDIR, VOLUME.
        const history = runPlain(`docker history --no-trunc -q redis:${version}`, host).stdout;
        expect(history.split('\n').length).toBeGreaterThan(10);
        expect(runPlain(`docker run --rm redis:${version} pwd`, host).stdout).toBe('/data\n');
      },
    );
  }
});
