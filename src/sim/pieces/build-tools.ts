/**
 * The build tools piece (ADR 0010): what the redis Dockerfiles' RUN steps
 * run (wget, gpg, tar, make, sed, mawk, apt …), with apt's package indexes.
 */
import type { Program } from '../kernel/exec.ts';
import { aptGet } from '../userland/apt/apt-get.ts';
import { aptMark } from '../userland/apt/apt-mark.ts';
import { dpkgQuery } from '../userland/apt/dpkg-query.ts';
import { awk } from '../userland/awk/awk.ts';
import { dpkgArchitecture } from '../userland/dpkg/dpkg-architecture.ts';
import { gpg } from '../userland/gnupg/gpg.ts';
import { gpgconf } from '../userland/gnupg/gpgconf.ts';
import { gosu110, gosu117 } from '../userland/gosu/gosu.ts';
import { ldd } from '../userland/libc-bin/ldd.ts';
import { make } from '../userland/make/make.ts';
import { RELEASE_PROGRAMS } from '../userland/redis/release-builds.ts';
import { sed } from '../userland/sed/sed.ts';
import { tar } from '../userland/tar/tar.ts';
import { wget } from '../userland/wget/wget.ts';

export const programs: readonly Program[] = [
  gosu110,
  gosu117,
  wget,
  gpg,
  gpgconf,
  sed,
  awk,
  tar,
  make,
  ...RELEASE_PROGRAMS,
  dpkgArchitecture,
  ldd,
  aptGet,
  aptMark,
  dpkgQuery,
];
