import { simulatedExecutable } from '../../kernel/binfmt.ts';
import { digestOf } from '../lib/digest.ts';
import { encodeArchive, type ArchiveMember } from './archive.ts';
import { REDIS_RELEASES, type RedisRelease } from './redis-source.ts';

/**
 * The offline "internet": the artefacts the redis Dockerfiles fetch
 * (../shared/reference/redis/*Dockerfile*), served by wget from here and
 * from nowhere else. Each body is a stand-in the simulator can work with (an
 * executable in the simulator's binary format, a signature naming what it
 * signs, an archive of the modelled source tree), never the real file. What
 * an artefact carries of the real one is its published identity: the SHA-256
 * its publisher states, where a source pins it (the Dockerfiles' ENV and
 * `case` lines). See identity.ts.
 */
export interface Artefact {
  readonly url: string;
  readonly body: string;
  readonly contentType: string;
  /** The SHA-256 the publisher states for the real file, when a Dockerfile pins it. */
  readonly publishedSha256?: string;
  /** For a detached signature: what it signs and how (gpg.ts checks it). */
  readonly signature?: SignatureFacts;
  /** The server's Last-Modified, in seconds since the epoch: wget gives the saved file this time. */
  readonly lastModified: number;
}

/** What a detached OpenPGP signature of the simulator says (its body is an armoured stand-in). */
export interface SignatureFacts {
  /** The signing key's fingerprint. */
  readonly fingerprint: string;
  /** Seconds since the epoch. */
  readonly created: number;
  /** The identity (identity.ts) of the bytes it signs. */
  readonly signedIdentity: string;
}

/** gosu's release key (the Dockerfiles' --recv-keys argument). */
export const GOSU_KEY_FINGERPRINT = 'B42F6819007F00F88E364FD4036A9C25BF357DD4';

const GOSU_RELEASES = 'https://github.com/tianon/gosu/releases/download';

interface GosuRelease {
  readonly version: string;
  /** gosu-amd64's published SHA-256 (1.17: redis 7.2's `case "$arch"`). */
  readonly sha256?: string;
  /**
   * When the .asc was made: 1.17's from a recorded `gpg --verify` ("Thu Nov  2
   * 21:37:18 2023 UTC"), also the assets' Last-Modified (the same transcript's
   * `ls -l` shows both downloads dated Nov  2  2023); 1.10's is modelled.
   */
  readonly signed: number;
}

const GOSU: readonly GosuRelease[] = [
  {
    version: '1.10',
    // Pinned by a public install script (`echo '5b3b0371…  gosu' | sha256sum -c -` after
    // fetching 1.10/gosu-amd64), found with the search tools.
    sha256: '5b3b03713a888cee84ecbf4582b21ac9fd46c3d935ff2d7ea25dd5055d302d3c',
    signed: Date.UTC(2016, 8, 27, 0, 0, 0) / 1000,
  },
  {
    version: '1.17',
    sha256: 'bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3',
    signed: Date.UTC(2023, 10, 2, 21, 37, 18) / 1000,
  },
];

/** The redis tarballs' SHA-256 as the Dockerfiles' REDIS_DOWNLOAD_SHA pin them. */
const REDIS_SHA256: Readonly<Record<string, string>> = {
  '5.0.5': '2139009799d21d8ff94fc40b7f36ac46699b9e1254086299f8d3b223ca54a375',
  '7.2.5': '5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d',
  '8.2.1': 'e2c1cb9dd4180a35b943b85dfc7dcdd42566cdbceca37d0d0b14c21731582d3e',
};

function gosuArtefacts(release: GosuRelease): Artefact[] {
  const url = `${GOSU_RELEASES}/${release.version}/gosu-amd64`;
  const body = simulatedExecutable(
    `gosu-${release.version}/gosu`,
    // gosu's release builds are static (its Dockerfile: CGO_ENABLED=0, -ldflags '-d'): ldd finds no libraries.
    `Stands for ${url} (gosu ${release.version}, linux/amd64).\nSTATIC\n`,
  );
  const binary: Artefact = {
    url,
    body,
    contentType: 'application/octet-stream',
    lastModified: release.signed,
    ...(release.sha256 ? { publishedSha256: release.sha256 } : {}),
  };
  const signature: SignatureFacts = {
    fingerprint: GOSU_KEY_FINGERPRINT,
    created: release.signed,
    signedIdentity: release.sha256 ?? digestOf('sha256', body),
  };
  return [
    binary,
    { url: `${url}.asc`, lastModified: release.signed, ...signatureArtefact(signature) },
  ];
}

/** A detached, ASCII-armoured signature stand-in: the armour lines, then the facts gpg reads. */
function signatureArtefact(facts: SignatureFacts): Omit<Artefact, 'url' | 'lastModified'> {
  const body = `-----BEGIN PGP SIGNATURE-----

stepdown-signature key=${facts.fingerprint} created=${facts.created} signs-sha256=${facts.signedIdentity}
-----END PGP SIGNATURE-----
`;
  return { body, contentType: 'application/octet-stream', signature: facts };
}

/**
 * Member times (seconds): modelled as the date of the docker-library commit
 * that pinned the release (the headers of ../shared/reference/redis/).
 */
const TARBALL_DATES: Readonly<Record<string, number>> = {
  '5.0.5': Date.UTC(2019, 4, 15) / 1000,
  '7.2.5': Date.UTC(2024, 5, 28) / 1000,
  '8.2.1': Date.UTC(2025, 7, 18) / 1000,
};

/** The tarball's members: root-owned, directories 0775 and files 0664. */
function redisTarball(release: RedisRelease): Artefact {
  const top = `redis-${release.version}`;
  const mtime = TARBALL_DATES[release.version] ?? 0;
  const dirs = new Set<string>([top]);
  for (const path of Object.keys(release.files)) {
    const parts = path.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) dirs.add(`${top}/${parts.slice(0, i).join('/')}`);
  }
  const owner = { uid: 0, gid: 0, owner: 'root', group: 'root', mtime };
  const members: ArchiveMember[] = [
    ...[...dirs]
      .sort()
      .map((name) => ({ name: `${name}/`, kind: 'dir' as const, mode: 0o775, ...owner })),
    ...Object.entries(release.files).map(([path, data]) => ({
      name: `${top}/${path}`,
      kind: 'file' as const,
      mode: 0o664,
      data,
      ...owner,
    })),
  ];
  const url = `http://download.redis.io/releases/redis-${release.version}.tar.gz`;
  const sha = REDIS_SHA256[release.version];
  return {
    url,
    body: encodeArchive({ gzip: true, members }),
    contentType: 'application/octet-stream',
    lastModified: mtime,
    ...(sha ? { publishedSha256: sha } : {}),
  };
}

const ARTEFACTS: readonly Artefact[] = [
  ...GOSU.flatMap(gosuArtefacts),
  ...REDIS_RELEASES.map(redisTarball),
];

const BY_URL = new Map(ARTEFACTS.map((a) => [a.url, a]));
const BY_BODY = new Map(ARTEFACTS.map((a) => [a.body, a]));

export function artefactAt(url: string): Artefact | undefined {
  return BY_URL.get(url);
}

/** The artefact whose bytes these are, exactly (an untouched download or copy). */
export function artefactWithBody(data: string): Artefact | undefined {
  return BY_BODY.get(data);
}

/**
 * The hosts the store answers for and the addresses wget prints for them.
 * The addresses are modelled (TEST-NET ranges of RFC 5737), not the real ones.
 */
export const HOSTS: Readonly<Record<string, string>> = {
  'github.com': '192.0.2.10',
  'download.redis.io': '198.51.100.20',
};

/** An OpenPGP public key as a keyserver hands it out. */
export interface PublicKey {
  readonly fingerprint: string;
  /** The user IDs, primary first. */
  readonly userIds: readonly string[];
}

/**
 * gosu's release key with the user IDs a recorded `gpg --batch --verify` of
 * gosu 1.17 listed (2025, key fetched from hkps://keys.openpgp.org; public
 * transcript found with the search tools): "Good signature from" the first,
 * "aka" the others, in this order.
 */
export const PUBLIC_KEYS: readonly PublicKey[] = [
  {
    fingerprint: GOSU_KEY_FINGERPRINT,
    userIds: [
      'Tianon Gravi <tianon@tianon.xyz>',
      'Andrew Page (Tianon Gravi) <admwiggin@gmail.com>',
      'Tianon Gravi (Andrew Page) <tianon@infosiftr.com>',
      'Tianon Gravi <tianon@debian.org>',
      'Tianon Gravi <tianon@dockerproject.org>',
    ],
  },
];

/**
 * Keyservers that answer (the Dockerfiles' --keyserver values; gpg 2.2's
 * default is hkps://keys.openpgp.org). The SKS pool was shut down in 2021; it
 * is modelled as answering, as it did when the 5.0 Dockerfile was written.
 */
export const KEYSERVERS: readonly string[] = [
  'ha.pool.sks-keyservers.net',
  'hkps://keys.openpgp.org',
  'keys.openpgp.org',
];
