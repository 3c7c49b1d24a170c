import type { Archive, Origin } from './archive.ts';
import { BOOKWORM } from './index/bookworm.ts';
import { STRETCH } from './index/stretch.ts';

/** What `apt-get update` prints for one fetched item. */
export interface FetchItem {
  /** "Get" (fetched), or "Ign" (apt 1.4 tried stretch's InRelease and fell back to Release). */
  readonly verb: 'Get' | 'Ign';
  readonly what: string;
  readonly bytes: number;
}

/**
 * A Debian release as apt in its images behaves: the archive the mirrors
 * serve, the sources file its images carry, and the few places where apt 1.4
 * (stretch) and apt 2.6 (bookworm) print differently.
 */
export interface AptRelease {
  readonly archive: Archive;
  /** Where the image keeps its sources, and their text. */
  readonly sourcesPath: string;
  readonly sourcesText: string;
  /** apt-get update with empty lists: the items in the order apt prints them. */
  readonly firstUpdate: readonly FetchItem[];
  /** apt-get update again, lists present. */
  readonly laterUpdate: readonly FetchItem[];
  /** "Building dependency tree..." (apt 2.6) or apt 1.4's line on a terminal. */
  readonly buildingTreeTty: string;
  /** dpkg's database size of the base image ("(Reading database ... N files"). */
  readonly baseDatabaseEntries: number;
  /** libc-bin's version (its ldconfig trigger runs after libraries are installed). */
  readonly libcBinVersion: string;
  /** Virtual seconds a fetch takes: a fixed latency plus bytes at this rate. */
  readonly bytesPerSecond: number;
  /** What maintainer scripts print while setting a package up (recorded), by package. */
  readonly setupNotes: Readonly<Record<string, string>>;
  /** What they print while removing one, and while purging its configuration (recorded: purge-fetchdeps). */
  readonly removeNotes: Readonly<Record<string, string>>;
  readonly purgeNotes: Readonly<Record<string, string>>;
}

function packagesItem(o: Origin): FetchItem {
  return {
    verb: 'Get',
    what: `${o.uri} ${o.suite}/${o.component} amd64 Packages`,
    bytes: o.packagesBytes,
  };
}

function inRelease(o: Origin): FetchItem {
  return { verb: 'Get', what: `${o.uri} ${o.suite} InRelease`, bytes: o.releaseBytes };
}

/** Bookworm (apt 2.6.1): test/fixtures/apt/bookworm/update.out and update-again.out. */
const bookworm: AptRelease = {
  archive: BOOKWORM,
  sourcesPath: '/etc/apt/sources.list.d/debian.sources',
  sourcesText: `Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`,
  firstUpdate: [...BOOKWORM.origins.map(inRelease), ...BOOKWORM.origins.map(packagesItem)],
  laterUpdate: BOOKWORM.origins.map(inRelease),
  buildingTreeTty: 'Building dependency tree... Done',
  baseDatabaseEntries: 6096,
  libcBinVersion: '2.36-9+deb12u14',
  bytesPerSecond: 6_662_000,
  setupNotes: {},
  removeNotes: { 'ca-certificates': 'Removing dangling symlinks from /etc/ssl/certs... done.\n' },
  purgeNotes: { 'ca-certificates': 'Removing dangling symlinks from /etc/ssl/certs... done.\n' },
};

/**
 * Stretch (apt 1.4.9): the update and install transcript of a
 * debian:stretch-slim based container in 2019 (an AKS lab's
 * `apt-get update` / `apt-get install procps`; search corpus "code", id
 * 5983833095), with the mirror host names apt printed then.
 */
const [stretchMain, stretchSecurity, stretchUpdates] = STRETCH.origins as [Origin, Origin, Origin];
const stretch: AptRelease = {
  archive: STRETCH,
  sourcesPath: '/etc/apt/sources.list',
  // debuerreotype/docker-debian-artifacts stretch/slim/rootfs.sources-list (without the snapshot comments).
  sourcesText: `deb http://deb.debian.org/debian stretch main
deb http://security.debian.org/debian-security stretch/updates main
deb http://deb.debian.org/debian stretch-updates main
`,
  firstUpdate: [
    { verb: 'Ign', what: `${stretchMain.uri} stretch InRelease`, bytes: 0 },
    inRelease(stretchSecurity),
    inRelease(stretchUpdates),
    { verb: 'Get', what: `${stretchMain.uri} stretch Release`, bytes: stretchMain.releaseBytes },
    { verb: 'Get', what: `${stretchMain.uri} stretch Release.gpg`, bytes: 2434 },
    packagesItem(stretchSecurity),
    packagesItem(stretchUpdates),
    packagesItem(stretchMain),
  ],
  laterUpdate: [
    { verb: 'Ign', what: `${stretchMain.uri} stretch InRelease`, bytes: 0 },
    inRelease(stretchSecurity),
    inRelease(stretchUpdates),
    { verb: 'Get', what: `${stretchMain.uri} stretch Release`, bytes: stretchMain.releaseBytes },
    { verb: 'Get', what: `${stretchMain.uri} stretch Release.gpg`, bytes: 2434 },
  ],
  buildingTreeTty: 'Building dependency tree       ',
  baseDatabaseEntries: 7034,
  libcBinVersion: '2.24-11+deb9u4',
  bytesPerSecond: 4_035_000,
  removeNotes: {},
  purgeNotes: {},
  setupNotes: {
    procps:
      'update-alternatives: using /usr/bin/w.procps to provide /usr/bin/w (w) in auto mode\n' +
      "update-alternatives: warning: skip creation of /usr/share/man/man1/w.1.gz because associated file /usr/share/man/man1/w.procps.1.gz (of link group w) doesn't exist\n",
  },
};

export const APT_RELEASES: Readonly<Record<string, AptRelease>> = { bookworm, stretch };

/** The release a sources file names (the first suite it lists). */
export function releaseOfSources(text: string): AptRelease | undefined {
  for (const [codename, release] of Object.entries(APT_RELEASES))
    if (new RegExp(`\\b${codename}\\b`).test(text)) return release;
  return undefined;
}
