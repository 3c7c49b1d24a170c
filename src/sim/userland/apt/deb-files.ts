import { PACKAGES } from '../packages/index.ts';
import type { Installed } from '../packages/package.ts';
import type { Archive } from './archive.ts';

/** A file a Debian package puts on disk, as the simulator lays it out. */
export interface DebFile {
  readonly path: string;
  /** For executables: the registry program it runs (UNMODELLED_PREFIX + package when the simulator has none). */
  readonly program?: string;
  /** For symbolic links the Debian 12 layout has at this path (/bin/sh -> dash). */
  readonly symlinkTo?: string;
  /** Made by a maintainer script, not in dpkg's file list. */
  readonly unlisted?: boolean;
}

/** Executables of packages whose programs the simulator does not model run this (see unmodelled.ts). */
export const UNMODELLED_PREFIX = 'unmodelled:';

/**
 * The one place that says what a Debian package contains: the package's
 * file list (its programs and shared libraries, from the archive). Each
 * program is the simulator's program installed at the same path in the
 * Debian 12 layout (src/sim/userland/packages, `lab` and `host`, /bin read
 * as /usr/bin), or else one of the simulator's packages naming this Debian
 * package (`deb`) with a program of that name. Image layouts and
 * `apt-get install` at run time both lay out these files.
 */
export function debFiles(archive: Archive, name: string): DebFile[] {
  const own = layoutOfDeb(name);
  const byName = new Map<string, string>();
  for (const [path, what] of own) if (typeof what === 'string') byName.set(basename(path), what);
  const files: DebFile[] = [];
  const listed = new Set<string>();
  for (const path of archive.files[name] ?? []) {
    listed.add(merged(path));
    if (!/\/s?bin\//.test(path)) files.push({ path });
    else {
      const laid = layoutAt().get(merged(path));
      if (laid !== undefined && typeof laid !== 'string')
        files.push({ path, symlinkTo: laid.symlinkTo });
      else
        files.push({
          path,
          program: laid ?? byName.get(basename(path)) ?? `${UNMODELLED_PREFIX}${name}`,
        });
    }
  }
  // What the simulator's package lays out beyond the file list: links maintainer scripts make
  // (update-alternatives' /usr/bin/awk), programs of a release without a file list. dpkg does not list them.
  for (const [path, what] of own)
    if (
      !listed.has(merged(path)) &&
      !files.some((f) => basename(f.path) === basename(path) && f.program === what)
    )
      files.push(
        typeof what === 'string'
          ? { path, program: what, unlisted: true }
          : { path, symlinkTo: what.symlinkTo, unlisted: true },
      );
  return files;
}

/** /bin/ps and /usr/bin/ps are one file on a merged-/usr system. */
function merged(path: string): string {
  return path.replace(/^\/(s?bin|lib|lib64)\//, '/usr/$1/');
}

let atPath: Map<string, Installed> | undefined;

/** Program names and links by path in the Debian 12 layout. */
function layoutAt(): Map<string, Installed> {
  if (atPath) return atPath;
  atPath = new Map();
  for (const pkg of PACKAGES)
    for (const system of ['host', 'lab'] as const)
      for (const [path, what] of Object.entries(pkg.installs[system] ?? {}))
        atPath.set(merged(path), what);
  return atPath;
}

/** What the simulator's packages naming Debian package DEB lay out in the Debian 12 layout. */
function layoutOfDeb(deb: string): [string, Installed][] {
  return PACKAGES.filter((pkg) => pkg.deb === deb).flatMap((pkg) =>
    Object.entries(pkg.installs.lab ?? pkg.installs.host ?? {}),
  );
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
