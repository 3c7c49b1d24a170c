import { PACKAGES } from '../packages/index.ts';
import type { Installed } from '../packages/package.ts';
import type { Archive } from './archive.ts';

/** A file a Debian package puts on disk, as the simulator lays it out. */
export interface DebFile {
  readonly path: string;
  /** For executables: the registry program it runs (UNMODELLED_PREFIX + package when the simulator has none). */
  readonly program?: string;
}

/** Executables of packages whose programs the simulator does not model run this (see lib/unmodelled.ts). */
export const UNMODELLED_PREFIX = 'unmodelled:';

/**
 * The one place that says what a Debian package contains: the package's
 * file list (its programs and shared libraries, from the archive), each
 * program matched by name to the simulator's package of the same Debian
 * name (src/sim/userland/packages, field `deb`). Image layouts and
 * `apt-get install` at run time both lay out these files.
 */
export function debFiles(archive: Archive, name: string): DebFile[] {
  const modelled = modelledPrograms(name);
  const files: DebFile[] = [];
  const seen = new Set<string>();
  for (const path of archive.files[name] ?? []) {
    const base = basename(path);
    seen.add(base);
    if (!/\/s?bin\//.test(path)) files.push({ path });
    else files.push({ path, program: modelled.get(base) ?? `${UNMODELLED_PREFIX}${name}` });
  }
  // Programs the simulator models for this package but the archive lists no files for.
  for (const [base, program] of modelled)
    if (!seen.has(base)) files.push({ path: `/usr/bin/${base}`, program });
  return files;
}

/**
 * Program names by command for a Debian package, from the simulator's
 * packages (the Debian 12 layout). A command the package installs as a
 * link (dash's sh, mawk's awk through /etc/alternatives) runs the program
 * the link leads to.
 */
function modelledPrograms(deb: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const pkg of PACKAGES) {
    if (pkg.deb !== deb) continue;
    const installs = pkg.installs.lab ?? pkg.installs.host ?? {};
    for (const [path, what] of Object.entries(installs)) {
      let target: Installed | undefined = what;
      for (
        let at = path, hops = 0;
        target !== undefined && typeof target !== 'string' && hops < 8;
        hops++
      ) {
        const to = target.symlinkTo;
        at = to.startsWith('/') ? to : `${at.slice(0, at.lastIndexOf('/'))}/${to}`;
        target = installs[at];
      }
      if (typeof target === 'string') found.set(basename(path), target);
    }
  }
  return found;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
