import { describe, expect, it } from 'vitest';
import { LabSession } from '../support/lab-session.ts';

/**
 * The redis Dockerfiles' fetch-and-patch lines, verbatim from
 * ../shared/reference/redis/*Dockerfile* (5.0 lines 56-67, 7.2 lines 82-111,
 * 8.2.1 lines 61-89), run by dash in the lab image with `set -eu` (the
 * Dockerfiles use -ex/-eux; the trace is the shell's business and left out
 * here). The grep checks pass only if the sed edits really changed the files.
 * Expected grep output: the modelled source lines (artefacts/redis-source.ts).
 */
function fetchAndUnpack(version: string, sha: string): string {
  return `set -eu
REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-${version}.tar.gz
REDIS_DOWNLOAD_SHA=${sha}
wget -q -O redis.tar.gz "$REDIS_DOWNLOAD_URL"
echo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -
mkdir -p /usr/src/redis
tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1
rm redis.tar.gz
`;
}

const JEMALLOC = `grep -F 'cd jemalloc && ./configure ' /usr/src/redis/deps/Makefile
extraJemallocConfigureFlags="--build=x86_64-linux-gnu --with-lg-page=12 --with-lg-hugepage=21"
sed -ri 's!cd jemalloc && ./configure !&'"$extraJemallocConfigureFlags"' !' /usr/src/redis/deps/Makefile
grep -F "cd jemalloc && ./configure $extraJemallocConfigureFlags " /usr/src/redis/deps/Makefile
`;

const PROTECTED_7 = `grep -E '^ *createBoolConfig[(]"protected-mode",.*, *1 *,.*[)],$' /usr/src/redis/src/config.c
sed -ri 's!^( *createBoolConfig[(]"protected-mode",.*, *)1( *,.*[)],)$!\\10\\2!' /usr/src/redis/src/config.c
grep -E '^ *createBoolConfig[(]"protected-mode",.*, *0 *,.*[)],$' /usr/src/redis/src/config.c
`;

const CONFIGURE_5_3 =
  '--with-version=5.3.0-0-g0 --with-lg-quantum=3 --disable-cache-oblivious --with-jemalloc-prefix=je_ CFLAGS="$(JEMALLOC_CFLAGS)" LDFLAGS="$(JEMALLOC_LDFLAGS)"';
const CONFIG_LINE = (v: number) =>
  `    createBoolConfig("protected-mode", NULL, MODIFIABLE_CONFIG, server.protected_mode, ${v}, NULL, NULL),\n`;

describe("the redis Dockerfiles' fetch-and-patch steps", () => {
  it('5.0.5: protected mode off in src/server.h', () => {
    const s = new LabSession();
    const script =
      fetchAndUnpack('5.0.5', '2139009799d21d8ff94fc40b7f36ac46699b9e1254086299f8d3b223ca54a375') +
      `grep -q '^#define CONFIG_DEFAULT_PROTECTED_MODE 1$' /usr/src/redis/src/server.h
sed -ri 's!^(#define CONFIG_DEFAULT_PROTECTED_MODE) 1$!\\1 0!' /usr/src/redis/src/server.h
grep -q '^#define CONFIG_DEFAULT_PROTECTED_MODE 0$' /usr/src/redis/src/server.h
`;
    expect(s.run(['sh', '-c', script], { cwd: '/' })).toEqual({
      stdout: 'redis.tar.gz: OK\n',
      stderr: '',
      status: 0,
    });
    expect(s.read('/usr/src/redis/src/server.h')).toContain(
      '\n#define CONFIG_DEFAULT_PROTECTED_MODE 0\n',
    );
  });

  for (const [version, sha] of [
    ['7.2.5', '5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d'],
    ['8.2.1', 'e2c1cb9dd4180a35b943b85dfc7dcdd42566cdbceca37d0d0b14c21731582d3e'],
  ] as const) {
    it(`${version}: protected mode off in src/config.c, jemalloc flags in deps/Makefile`, () => {
      const s = new LabSession();
      const script = fetchAndUnpack(version, sha) + PROTECTED_7 + JEMALLOC;
      expect(s.run(['sh', '-c', script], { cwd: '/' })).toEqual({
        stdout:
          'redis.tar.gz: OK\n' +
          CONFIG_LINE(1) +
          CONFIG_LINE(0) +
          `\tcd jemalloc && ./configure ${CONFIGURE_5_3}\n` +
          `\tcd jemalloc && ./configure --build=x86_64-linux-gnu --with-lg-page=12 --with-lg-hugepage=21 ${CONFIGURE_5_3}\n`,
        stderr: '',
        status: 0,
      });
    });
  }

  it('a tarball modified after download fails sha256sum -c and stops the step', () => {
    const s = new LabSession();
    const script = `set -eu
wget -q -O redis.tar.gz http://download.redis.io/releases/redis-7.2.5.tar.gz
echo x >> redis.tar.gz
echo "5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d *redis.tar.gz" | sha256sum -c -
echo not reached
`;
    expect(s.run(['sh', '-c', script], { cwd: '/' })).toEqual({
      stdout: 'redis.tar.gz: FAILED\n',
      stderr: 'sha256sum: WARNING: 1 computed checksum did NOT match\n',
      status: 1,
    });
  });
});
