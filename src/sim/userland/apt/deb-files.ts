import { PACKAGES } from '../packages/index.ts';
import type { Archive } from './archive.ts';

/** A file a Debian package puts on disk, as the simulator lays it out. */
export interface DebFile {
  readonly path: string;
  /** For executables: the registry program it runs (UNMODELLED_PREFIX + package when the simulator has none). */
  readonly program?: string;
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
  const byName = programsOfDeb(name);
  const files: DebFile[] = [];
  const seen = new Set<string>();
  for (const path of archive.files[name] ?? []) {
    const base = basename(path);
    seen.add(base);
    if (!/\/s?bin\//.test(path)) files.push({ path });
    else {
      const program = programAt().get(merged(path)) ?? byName.get(base);
      files.push({ path, program: program ?? `${UNMODELLED_PREFIX}${name}` });
    }
  }
  // Programs the simulator models for this package but the archive lists no files for.
  for (const [base, program] of byName)
    if (!seen.has(base)) files.push({ path: `/usr/bin/${base}`, program });
  return files;
}

/** /bin/ps and /usr/bin/ps are one file on a merged-/usr system. */
function merged(path: string): string {
  return path.replace(/^\/(s?bin|lib|lib64)\//, '/usr/$1/');
}

let atPath: Map<string, string> | undefined;

/** Program names by path in the Debian 12 layout. */
function programAt(): Map<string, string> {
  if (atPath) return atPath;
  atPath = new Map();
  for (const pkg of PACKAGES)
    for (const system of ['host', 'lab'] as const)
      for (const [path, what] of Object.entries(pkg.installs[system] ?? {}))
        if (typeof what === 'string') atPath.set(merged(path), what);
  return atPath;
}

/** Program names by command of the simulator's packages that name Debian package DEB. */
function programsOfDeb(deb: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const pkg of PACKAGES) {
    if (pkg.deb !== deb) continue;
    for (const [path, what] of Object.entries(pkg.installs.lab ?? pkg.installs.host ?? {}))
      if (typeof what === 'string') found.set(basename(path), what);
  }
  return found;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
