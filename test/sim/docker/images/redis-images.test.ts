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
  host.events.subscribe((event) => {
    if (event.type !== 'build-step') return;
    const { tags, step, total, keyword, span } = event;
    steps.push(
      `${tags[0]} ${step}/${total} ${keyword} ${span.start.line}:${span.start.col}-${span.end.line}:${span.end.col}`,
    );
  });
  runPlain('docker run --rm redis:5.0 true', host);

  it('tells walkthroughs which instruction runs, with its place in the Dockerfile', () => {
    // Lines and columns of src/sim/docker/images/redis/5.0/Dockerfile as an editor counts them,
    // from 1, the end exclusive (its RUN steps span several lines).
    expect(steps).toEqual([
      'redis:5.0 1/15 FROM 1:1-1:25',
      'redis:5.0 2/15 RUN 4:1-4:51',
      'redis:5.0 3/15 ENV 8:1-8:22',
      'redis:5.0 4/15 RUN 9:1-32:43',
      'redis:5.0 5/15 ENV 34:1-34:24',
      'redis:5.0 6/15 ENV 35:1-35:76',
      'redis:5.0 7/15 ENV 36:1-36:88',
      'redis:5.0 8/15 RUN 39:1-74:43',
      'redis:5.0 9/15 RUN 76:1-76:43',
      'redis:5.0 10/15 VOLUME 77:1-77:13',
      'redis:5.0 11/15 WORKDIR 78:1-78:14',
      'redis:5.0 12/15 COPY 80:1-80:42',
      'redis:5.0 13/15 ENTRYPOINT 81:1-81:36',
      'redis:5.0 14/15 EXPOSE 83:1-83:12',
      'redis:5.0 15/15 CMD 84:1-84:21',
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
