import type { Program } from '../../kernel/exec.ts';
import { simulatedExecutable } from '../../kernel/binfmt.ts';
import { REDIS_RELEASES, type RedisRelease } from '../artefacts/redis-source.ts';
import { digestOf } from '../lib/digest.ts';
import { err, out } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { createRedisServer } from './redis-server.ts';
import { dialectOf } from './dialects.ts';

/**
 * The programs `make` builds from a redis release tarball (the redis
 * Dockerfiles' `make -C /usr/src/redis … && make … install`): redis-server
 * (the existing model, with this release's version), redis-cli and
 * redis-benchmark. `redis-server -v` has the real line's shape, "Redis server
 * v=7.2.5 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=d284576ab9ca3cc5"
 * (published transcripts of 7.2.5 builds); the build id, a hash of the build
 * host and time in reality, is modelled from the version. `redis-cli
 * --version` prints "redis-cli 7.2.5" (same transcripts).
 */
function buildId(version: string): string {
  return digestOf('md5', `redis-${version} docker-library build`).slice(0, 16);
}

/** The shared libraries a build links against (what ldd lists); TLS adds OpenSSL's. */
export function linkedLibraries(tls: boolean): string[] {
  return ['libm.so.6', ...(tls ? ['libssl.so.3', 'libcrypto.so.3'] : []), 'libc.so.6'];
}

export type RedisBinary = 'redis-server' | 'redis-cli' | 'redis-benchmark';

/** The bytes `make` writes for a built binary: the simulator's executable format, its libraries listed as NEEDED lines. */
export function builtBinary(release: RedisRelease, binary: RedisBinary, tls: boolean): string {
  const needed = linkedLibraries(tls)
    .map((lib) => `NEEDED ${lib}\n`)
    .join('');
  return simulatedExecutable(
    `redis-${release.version}/${binary}`,
    `${binary} ${release.version}, built by make from the release tarball (compiling is modelled)\n${needed}`,
  );
}

function redisCli(release: RedisRelease): Program {
  return program(
    `redis-${release.version}/redis-cli`,
    { vszKb: 12000, rssKb: 3600 },
    function* (ctx) {
      const arg = ctx.argv[1];
      if (arg === '-v' || arg === '--version') {
        yield* out(`redis-cli ${release.version}\n`);
        return 0;
      }
      yield* err('redis-cli: connecting to a server is not modelled in this simulator\n');
      return 1;
    },
  );
}

function redisBenchmark(release: RedisRelease): Program {
  return program(
    `redis-${release.version}/redis-benchmark`,
    { vszKb: 12000, rssKb: 3600 },
    function* () {
      yield* err('redis-benchmark: not modelled in this simulator\n');
      return 1;
    },
  );
}

export const RELEASE_PROGRAMS: readonly Program[] = REDIS_RELEASES.flatMap((release) => [
  createRedisServer({
    name: `redis-${release.version}/redis-server`,
    version: release.version,
    versionText: `Redis server v=${release.version} sha=00000000:0 malloc=jemalloc-${release.jemalloc} bits=64 build=${buildId(release.version)}\n`,
    dialect: dialectOf(release.version),
  }),
  redisCli(release),
  redisBenchmark(release),
]);
