import { parseControl, parseDependencies, type Dependency, type Stanza } from './control.ts';

/** Where a package index comes from: a line of sources.list (one suite, one component). */
export interface Origin {
  /** The mirror, e.g. "http://deb.debian.org/debian". */
  readonly uri: string;
  /** e.g. "bookworm", "bookworm-security", "stretch/updates". */
  readonly suite: string;
  readonly component: string;
  /** Bytes apt fetches for the suite's release file(s) and this component's Packages index. */
  readonly releaseBytes: number;
  readonly packagesBytes: number;
  /** The index itself: Packages stanzas (trimmed to the fields the simulator reads). */
  readonly packages: string;
}

/** One binary package of the archive, as its Packages stanza describes it. */
export interface DebPackage {
  readonly name: string;
  readonly version: string;
  readonly architecture: string;
  /** "same" packages are named name:amd64 by dpkg. */
  readonly multiArch: string | undefined;
  readonly essential: boolean;
  readonly priority: string;
  readonly section: string;
  readonly installedSizeKb: number;
  readonly sizeBytes: number;
  readonly filename: string;
  readonly description: string;
  readonly depends: readonly Dependency[];
  readonly preDepends: readonly Dependency[];
  readonly recommends: readonly Dependency[];
  readonly suggests: readonly Dependency[];
  readonly provides: readonly string[];
  readonly origin: Origin;
}

/** A Debian release as the simulated mirrors serve it. */
export interface Archive {
  readonly codename: string;
  readonly origins: readonly Origin[];
  /** Files each package installs that the simulator lays out (programs, libraries); from the packages' .list files. */
  readonly files: Readonly<Record<string, readonly string[]>>;
  /** How many paths each package adds to dpkg's database (its .list less what the base system has). */
  readonly entries?: Readonly<Record<string, number>>;
  /** The packages of the release's slim image (debian:bookworm-slim, debian:stretch-slim). */
  readonly base: readonly string[];
  /** Packages with configuration files (dpkg purges them: "Purging configuration files for …"). */
  readonly conffiles?: readonly string[];
}

export interface ArchiveIndex {
  readonly archive: Archive;
  readonly packages: ReadonlyMap<string, DebPackage>;
  /** Virtual package name -> the packages that provide it. */
  readonly providers: ReadonlyMap<string, readonly DebPackage[]>;
}

const cache = new WeakMap<Archive, ArchiveIndex>();

/** The archive's packages by name (the newest version when suites overlap, as apt's candidate). */
export function indexOf(archive: Archive): ArchiveIndex {
  const known = cache.get(archive);
  if (known) return known;
  const packages = new Map<string, DebPackage>();
  for (const origin of archive.origins)
    for (const stanza of parseControl(origin.packages)) {
      const pkg = toPackage(stanza, origin);
      const old = packages.get(pkg.name);
      if (!old || compareVersions(pkg.version, old.version) > 0) packages.set(pkg.name, pkg);
    }
  const providers = new Map<string, DebPackage[]>();
  for (const pkg of packages.values())
    for (const name of pkg.provides) providers.set(name, [...(providers.get(name) ?? []), pkg]);
  const index = { archive, packages, providers };
  cache.set(archive, index);
  return index;
}

function toPackage(s: Stanza, origin: Origin): DebPackage {
  const field = (name: string) => s.get(name);
  return {
    name: field('Package') ?? '',
    version: field('Version') ?? '',
    architecture: field('Architecture') ?? 'amd64',
    multiArch: field('Multi-Arch'),
    essential: field('Essential') === 'yes',
    priority: field('Priority') ?? 'optional',
    section: field('Section') ?? 'misc',
    installedSizeKb: Number(field('Installed-Size') ?? '0'),
    sizeBytes: Number(field('Size') ?? '0'),
    filename: field('Filename') ?? '',
    description: (field('Description') ?? '').split('\n')[0] ?? '',
    depends: parseDependencies(field('Depends')),
    preDepends: parseDependencies(field('Pre-Depends')),
    recommends: parseDependencies(field('Recommends')),
    suggests: parseDependencies(field('Suggests')),
    provides: parseDependencies(field('Provides')).flat(),
    origin,
  };
}

/** dpkg's name for a package in messages: "libc6:amd64" for Multi-Arch: same. */
export function dpkgName(pkg: { name: string; multiArch: string | undefined }): string {
  return pkg.multiArch === 'same' ? `${pkg.name}:amd64` : pkg.name;
}

/** deb-version(7) comparison: epoch, then upstream and revision by dpkg's character order. */
export function compareVersions(a: string, b: string): number {
  const [ea, ua, ra] = splitVersion(a);
  const [eb, ub, rb] = splitVersion(b);
  if (ea !== eb) return ea - eb;
  return compareFragment(ua, ub) || compareFragment(ra, rb);
}

function splitVersion(v: string): [number, string, string] {
  const colon = v.indexOf(':');
  const epoch = colon >= 0 ? Number(v.slice(0, colon)) : 0;
  const rest = colon >= 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash >= 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
}

function order(c: string): number {
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/\d/.test(a[i] ?? '')) || (j < b.length && !/\d/.test(b[j] ?? ''))) {
      const ca = i < a.length && !/\d/.test(a[i] ?? '') ? order(a[i] ?? '') : 0;
      const cb = j < b.length && !/\d/.test(b[j] ?? '') ? order(b[j] ?? '') : 0;
      if (ca !== cb) return ca - cb;
      i++;
      j++;
    }
    let na = '';
    let nb = '';
    while (i < a.length && /\d/.test(a[i] ?? '')) na += a[i++] ?? '';
    while (j < b.length && /\d/.test(b[j] ?? '')) nb += b[j++] ?? '';
    const diff = Number(na || '0') - Number(nb || '0');
    if (diff !== 0) return diff;
  }
  return 0;
}
