/**
 * The redis release tarballs as the simulator serves them: an excerpt of each
 * source tree holding the files the docker-library Dockerfiles read and
 * patch (../shared/reference/redis/*Dockerfile*), not the whole tree
 * (src/sim/LIMITATIONS.md). The patched lines are the ones the Dockerfiles'
 * own `grep` checks require:
 *
 * - 5.0.5: `^#define CONFIG_DEFAULT_PROTECTED_MODE 1$` in src/server.h
 *   (redis-5.0 Dockerfile, line 65 of the pinned copy).
 * - 7.2.5, 8.2.1: `createBoolConfig("protected-mode", …, 1, …),` in
 *   src/config.c, four spaces in as in redis's static_configs[] (public copies
 *   of config.c found with the search tools); `cd jemalloc && ./configure ` in
 *   deps/Makefile (the Dockerfiles' `grep -F`).
 *
 * The top-level Makefile is redis's own ("the real shit is at src/Makefile");
 * the deps/Makefile jemalloc recipe of 5.0 is the one a redis 5.0.9 build log
 * prints (`cd jemalloc && ./configure --with-version=5.1.0-0-g0 …`).
 */
export interface RedisRelease {
  readonly version: string;
  /** jemalloc bundled in deps/ (what `redis-server -v` names as malloc=). */
  readonly jemalloc: string;
  /** Files relative to the tarball's top directory (redis-VERSION/). */
  readonly files: Readonly<Record<string, string>>;
}

const TOP_MAKEFILE = `# Top level makefile, the real shit is at src/Makefile

default: all

.DEFAULT:
\tcd src && $(MAKE) $@

install:
\tcd src && $(MAKE) $@

.PHONY: install
`;

function versionHeader(version: string): string {
  return `#define REDIS_VERSION "${version}"\n`;
}

function depsMakefile(configure: string): string {
  return `jemalloc: .make-prerequisites
\t@printf '%b %b\\n' $(MAKECOLOR)MAKE$(ENDCOLOR) $(BINCOLOR)$@$(ENDCOLOR)
\tcd jemalloc && ./configure ${configure} CFLAGS="$(JEMALLOC_CFLAGS)" LDFLAGS="$(JEMALLOC_LDFLAGS)"
\tcd jemalloc && $(MAKE) CFLAGS="$(JEMALLOC_CFLAGS)" LDFLAGS="$(JEMALLOC_LDFLAGS)" lib/libjemalloc.a

.PHONY: jemalloc
`;
}

const SERVER_H_5 = `#ifndef __REDIS_H
#define __REDIS_H

#define CONFIG_DEFAULT_HZ        10             /* Time interrupt calls/sec. */
#define CONFIG_DEFAULT_SERVER_PORT        6379  /* TCP port. */
#define CONFIG_DEFAULT_TCP_BACKLOG       511    /* TCP listen backlog. */
#define CONFIG_DEFAULT_PROTECTED_MODE 1
#define CONFIG_DEFAULT_DBNUM     16

#endif
`;

const CONFIG_C_7 = `standardConfig static_configs[] = {
    /* Bool configs */
    createBoolConfig("rdbchecksum", NULL, IMMUTABLE_CONFIG, server.rdb_checksum, 1, NULL, NULL),
    createBoolConfig("daemonize", NULL, IMMUTABLE_CONFIG, server.daemonize, 0, NULL, NULL),
    createBoolConfig("always-show-logo", NULL, IMMUTABLE_CONFIG, server.always_show_logo, 0, NULL, NULL),
    createBoolConfig("protected-mode", NULL, MODIFIABLE_CONFIG, server.protected_mode, 1, NULL, NULL),
    createBoolConfig("rdbcompression", NULL, MODIFIABLE_CONFIG, server.rdb_compression, 1, NULL, NULL),
    createBoolConfig("rdb-del-sync-files", NULL, MODIFIABLE_CONFIG, server.rdb_del_sync_files, 0, NULL, NULL),
};
`;

const JEMALLOC_5_1 =
  '--with-version=5.1.0-0-g0 --with-lg-quantum=3 --with-jemalloc-prefix=je_ --enable-cc-silence';
const JEMALLOC_5_3 =
  '--with-version=5.3.0-0-g0 --with-lg-quantum=3 --disable-cache-oblivious --with-jemalloc-prefix=je_';

function release(
  version: string,
  jemalloc: string,
  configure: string,
  patched: Record<string, string>,
): RedisRelease {
  return {
    version,
    jemalloc,
    files: {
      Makefile: TOP_MAKEFILE,
      'deps/Makefile': depsMakefile(configure),
      'src/version.h': versionHeader(version),
      ...patched,
    },
  };
}

export const REDIS_RELEASES: readonly RedisRelease[] = [
  release('5.0.5', '5.1.0', JEMALLOC_5_1, { 'src/server.h': SERVER_H_5 }),
  release('7.2.5', '5.3.0', JEMALLOC_5_3, { 'src/config.c': CONFIG_C_7 }),
  release('8.2.1', '5.3.0', JEMALLOC_5_3, { 'src/config.c': CONFIG_C_7 }),
];

/** The release whose src/version.h says VERSION. */
export function redisRelease(version: string): RedisRelease | undefined {
  return REDIS_RELEASES.find((r) => r.version === version);
}
