import type { Archive } from '../archive.ts';
import { formatStanza, parseControl, parseDependencies, type Stanza } from '../control.ts';
import { BOOKWORM } from './bookworm.ts';

/**
 * The packages of debian:stretch-slim as redis:5.0 (May 2019) was built on:
 * debuerreotype/docker-debian-artifacts stretch/rootfs.manifest at commit
 * 064f343 (snapshot 2019-03-26, amd64) less the seven packages only the
 * full image has (compare stretch/slim/rootfs.manifest). Name, version and
 * whether dpkg names it name:amd64 are sourced; the other fields of these
 * installed packages (architecture, description, size) are bookworm's for
 * the same name (src/sim/LIMITATIONS.md).
 */
const SLIM_MANIFEST: readonly (readonly [string, string, boolean?])[] = [
  ['adduser', '3.115'],
  ['apt', '1.4.9'],
  ['base-files', '9.9+deb9u8'],
  ['base-passwd', '3.5.43'],
  ['bash', '4.4-5'],
  ['bsdutils', '1:2.29.2-1+deb9u1'],
  ['coreutils', '8.26-3'],
  ['dash', '0.5.8-2.4'],
  ['debconf', '1.5.61'],
  ['debian-archive-keyring', '2017.5'],
  ['debianutils', '4.8.1.1'],
  ['diffutils', '1:3.5-3'],
  ['dpkg', '1.18.25'],
  ['e2fslibs', '1.43.4-2', true],
  ['e2fsprogs', '1.43.4-2'],
  ['findutils', '4.6.0+git+20161106-2'],
  ['gcc-6-base', '6.3.0-18+deb9u1', true],
  ['gpgv', '2.1.18-8~deb9u4'],
  ['grep', '2.27-2'],
  ['gzip', '1.6-5+b1'],
  ['hostname', '3.18+b1'],
  ['init-system-helpers', '1.48'],
  ['libacl1', '2.2.52-3+b1', true],
  ['libapt-pkg5.0', '1.4.9', true],
  ['libattr1', '1:2.4.47-2+b2', true],
  ['libaudit-common', '1:2.6.7-2'],
  ['libaudit1', '1:2.6.7-2', true],
  ['libblkid1', '2.29.2-1+deb9u1', true],
  ['libbz2-1.0', '1.0.6-8.1', true],
  ['libc-bin', '2.24-11+deb9u4'],
  ['libc6', '2.24-11+deb9u4', true],
  ['libcap-ng0', '0.7.7-3+b1', true],
  ['libcomerr2', '1.43.4-2', true],
  ['libdb5.3', '5.3.28-12+deb9u1', true],
  ['libdebconfclient0', '0.227', true],
  ['libfdisk1', '2.29.2-1+deb9u1', true],
  ['libgcc1', '1:6.3.0-18+deb9u1', true],
  ['libgcrypt20', '1.7.6-2+deb9u3', true],
  ['libgpg-error0', '1.26-2', true],
  ['liblz4-1', '0.0~r131-2+b1', true],
  ['liblzma5', '5.2.2-1.2+b1', true],
  ['libmount1', '2.29.2-1+deb9u1', true],
  ['libncursesw5', '6.0+20161126-1+deb9u2', true],
  ['libpam-modules', '1.1.8-3.6', true],
  ['libpam-modules-bin', '1.1.8-3.6'],
  ['libpam-runtime', '1.1.8-3.6'],
  ['libpam0g', '1.1.8-3.6', true],
  ['libpcre3', '2:8.39-3', true],
  ['libselinux1', '2.6-3+b3', true],
  ['libsemanage-common', '2.6-2'],
  ['libsemanage1', '2.6-2', true],
  ['libsepol1', '2.6-2', true],
  ['libsmartcols1', '2.29.2-1+deb9u1', true],
  ['libss2', '1.43.4-2', true],
  ['libstdc++6', '6.3.0-18+deb9u1', true],
  ['libsystemd0', '232-25+deb9u9', true],
  ['libtinfo5', '6.0+20161126-1+deb9u2', true],
  ['libudev1', '232-25+deb9u9', true],
  ['libustr-1.0-1', '1.0.4-6', true],
  ['libuuid1', '2.29.2-1+deb9u1', true],
  ['login', '1:4.4-4.1'],
  ['lsb-base', '9.20161125'],
  ['mawk', '1.3.3-17+b3'],
  ['mount', '2.29.2-1+deb9u1'],
  ['multiarch-support', '2.24-11+deb9u4'],
  ['ncurses-base', '6.0+20161126-1+deb9u2'],
  ['ncurses-bin', '6.0+20161126-1+deb9u2'],
  ['passwd', '1:4.4-4.1'],
  ['perl-base', '5.24.1-3+deb9u5'],
  ['sed', '4.4-1'],
  ['sensible-utils', '0.0.9+deb9u1'],
  ['sysvinit-utils', '2.88dsf-59.9'],
  ['tar', '1.29b-1.1'],
  ['tzdata', '2018i-0+deb9u1'],
  ['util-linux', '2.29.2-1+deb9u1'],
  ['zlib1g', '1:1.2.8.dfsg-5', true],
];

const bookwormStanzas = new Map(
  BOOKWORM.origins.flatMap((o) => parseControl(o.packages)).map((s) => [s.get('Package') ?? '', s]),
);

function baseStanza([name, version, multiArch]: readonly [string, string, boolean?]): string {
  const twin = bookwormStanzas.get(name);
  const fields: [string, string | undefined][] = [
    ['Package', name],
    ['Version', version],
    ['Installed-Size', twin?.get('Installed-Size')],
    ['Architecture', multiArch ? 'amd64' : (twin?.get('Architecture') ?? 'amd64')],
    ['Multi-Arch', multiArch ? 'same' : undefined],
    ['Essential', twin?.get('Essential')],
    ['Priority', twin?.get('Priority') ?? 'required'],
    ['Description', twin?.get('Description')],
  ];
  return fields.map(([k, v]) => (v === undefined ? '' : `${k}: ${v}\n`)).join('') + '\n';
}

/**
 * What the article's `apt-get install procps` fetched on stretch: versions
 * and download sizes from the 2019 transcript of a stretch-slim based
 * container (search corpus "code", id 5983833095: libprocps6
 * 2:3.3.12-3+deb9u1 [58.5 kB], libncurses5 6.0+20161126-1+deb9u2 [93.4 kB],
 * procps [250 kB], libgpm2 1.20.4-6.2+b1 [34.2 kB], psmisc 22.21-2.1+b2
 * [123 kB]; "After this operation, 1789 kB"). The split of the 1789 kB
 * over the five packages and the dependency fields are modelled on
 * bookworm's (LIMITATIONS).
 */
const ARTICLE_PACKAGES = `Package: libprocps6
Version: 2:3.3.12-3+deb9u1
Installed-Size: 168
Architecture: amd64
Multi-Arch: same
Priority: optional
Depends: libc6 (>= 2.14), libsystemd0 (>= 209)
Filename: pool/main/p/procps/libprocps6_3.3.12-3+deb9u1_amd64.deb
Size: 58500
Description: library for accessing process information from /proc

Package: libncurses5
Version: 6.0+20161126-1+deb9u2
Installed-Size: 285
Architecture: amd64
Multi-Arch: same
Priority: optional
Depends: libtinfo5 (= 6.0+20161126-1+deb9u2), libc6 (>= 2.14)
Recommends: libgpm2
Filename: pool/main/n/ncurses/libncurses5_6.0+20161126-1+deb9u2_amd64.deb
Size: 93400
Description: shared libraries for terminal handling

Package: procps
Version: 2:3.3.12-3+deb9u1
Installed-Size: 695
Architecture: amd64
Priority: important
Depends: libc6 (>= 2.14), libncurses5 (>= 6), libncursesw5 (>= 6), libprocps6 (>= 2:3.3.12), libtinfo5 (>= 6), lsb-base (>= 3.0-10), init-system-helpers (>= 1.29~)
Recommends: psmisc
Filename: pool/main/p/procps/procps_3.3.12-3+deb9u1_amd64.deb
Size: 250000
Description: /proc file system utilities

Package: libgpm2
Version: 1.20.4-6.2+b1
Installed-Size: 62
Architecture: amd64
Multi-Arch: same
Priority: optional
Depends: libc6 (>= 2.14)
Suggests: gpm
Filename: pool/main/g/gpm/libgpm2_1.20.4-6.2+b1_amd64.deb
Size: 34200
Description: General Purpose Mouse - shared library

Package: psmisc
Version: 22.21-2.1+b2
Installed-Size: 537
Architecture: amd64
Priority: optional
Depends: libc6 (>= 2.15), libtinfo5 (>= 6)
Filename: pool/main/p/psmisc/psmisc_22.21-2.1+b2_amd64.deb
Size: 123000
Description: utilities that use the proc file system

`;

/**
 * The stretch mirrors of 2019 as apt 1.4 printed them (the same transcript's
 * `apt-get update`: stretch Release [118 kB], stretch/updates InRelease
 * [94.3 kB], stretch-updates InRelease [91.0 kB], Packages [7082 kB],
 * [499 kB], [27.4 kB]; "Fetched 7915 kB"): the byte counts are chosen within the
 * printed roundings so that they add up to the printed total. Only main
 * carries packages here.
 */
/**
 * What redis 5.0's Dockerfile installs and purges on stretch (fetchDeps:
 * ca-certificates dirmngr gnupg wget; buildDeps: ca-certificates wget gcc
 * libc6-dev make) is not sourced for stretch: bookworm's packages of those
 * names and their dependencies stand in, versions and all (LIMITATIONS), so
 * the build runs its steps.
 */
const REDIS_5_DEPS = ['ca-certificates', 'dirmngr', 'gnupg', 'wget', 'gcc', 'libc6-dev', 'make'];

function borrowedFromBookworm(): string {
  const have = new Set([
    ...SLIM_MANIFEST.map(([name]) => name),
    ...parseControl(ARTICLE_PACKAGES).map((s) => s.get('Package') ?? ''),
  ]);
  const wanted: Stanza[] = [];
  const todo = [...REDIS_5_DEPS];
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) {
    const stanza = bookwormStanzas.get(name) ?? providerOf(name);
    if (have.has(name) || !stanza || have.has(stanza.get('Package') ?? '')) continue;
    have.add(stanza.get('Package') ?? '');
    wanted.push(stanza);
    todo.push(...parseDependencies(stanza.get('Pre-Depends')).map((alts) => alts[0] ?? ''));
    todo.push(...parseDependencies(stanza.get('Depends')).map((alts) => alts[0] ?? ''));
  }
  return wanted.map((st) => formatStanza([...st])).join('');
}

function providerOf(name: string): Stanza | undefined {
  for (const st of bookwormStanzas.values())
    if (parseDependencies(st.get('Provides')).some((alts) => alts.includes(name))) return st;
  return undefined;
}

const BORROWED = borrowedFromBookworm();

export const STRETCH: Archive = {
  codename: 'stretch',
  origins: [
    {
      uri: 'http://cdn-fastly.deb.debian.org/debian',
      suite: 'stretch',
      component: 'main',
      releaseBytes: 118_400,
      packagesBytes: 7_082_400,
      packages: SLIM_MANIFEST.map(baseStanza).join('') + ARTICLE_PACKAGES + BORROWED,
    },
    {
      uri: 'http://security-cdn.debian.org/debian-security',
      suite: 'stretch/updates',
      component: 'main',
      releaseBytes: 94_340,
      packagesBytes: 499_400,
      packages: '',
    },
    {
      uri: 'http://cdn-fastly.deb.debian.org/debian',
      suite: 'stretch-updates',
      component: 'main',
      releaseBytes: 91_040,
      packagesBytes: 27_440,
      packages: '',
    },
  ],
  base: SLIM_MANIFEST.map(([name]) => name),
  // Stretch's file lists are not sourced: bookworm's lists of the same packages stand in (LIMITATIONS),
  // for the base packages too (their .deb paths, /bin/sh and /bin/ls, are the same in Debian 9).
  files: {
    ...Object.fromEntries(SLIM_MANIFEST.map(([name]) => [name, BOOKWORM.files[name] ?? []])),
    ...Object.fromEntries(
      parseControl(BORROWED).map((st) => {
        const name = st.get('Package') ?? '';
        return [name, BOOKWORM.files[name] ?? []];
      }),
    ),
    procps: BOOKWORM.files['procps'] ?? [],
    psmisc: BOOKWORM.files['psmisc'] ?? [],
  },
};
