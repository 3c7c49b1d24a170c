import type { TreeBuilder } from '../../kernel/vfs/tree-builder.ts';
import { indexOf, type DebPackage } from './archive.ts';
import { debFiles } from './deb-files.ts';
import {
  EXTENDED_STATES,
  extendedStatesText,
  listPath,
  STATUS_FILE,
  statusStanza,
} from './dpkg-db.ts';
import { APT_RELEASES } from './releases.ts';

/**
 * Lays out a Debian slim image's packages at image time, as debootstrap
 * left them: each package's files (debFiles, the same as `apt-get install`
 * writes at run time), dpkg's status database and file lists, the sources
 * apt reads, and empty package lists (the images ship without them).
 * `extra` packages are installed too, marked automatic when `auto` says so.
 */
export function installDebianBase(
  tree: TreeBuilder,
  codename: 'bookworm' | 'stretch',
  extra: readonly string[] = [],
): void {
  const release = APT_RELEASES[codename];
  if (!release) throw new Error(`no apt release ${codename}`);
  const index = indexOf(release.archive);
  // Bookworm's /usr merge (stretch keeps /bin and /sbin as directories).
  if (codename === 'bookworm')
    for (const dir of ['bin', 'sbin', 'lib', 'lib64']) {
      tree.dir(`/usr/${dir}`);
      tree.symlink(`/${dir}`, `usr/${dir}`);
    }
  const packages: DebPackage[] = [];
  for (const name of [...release.archive.base, ...extra]) {
    const pkg = index.packages.get(name);
    if (!pkg) throw new Error(`${codename} has no package ${name}`);
    packages.push(pkg);
  }
  for (const pkg of packages) {
    const files = debFiles(release.archive, pkg.name);
    for (const file of files)
      if (file.symlinkTo !== undefined) tree.symlink(file.path, file.symlinkTo);
      else if (file.program !== undefined) tree.program(file.path, file.program);
      else tree.file(file.path, '');
    tree.file(
      listPath(pkg),
      files
        .filter((f) => !f.unlisted)
        .map((f) => f.path + '\n')
        .join(''),
    );
  }
  tree.file(STATUS_FILE, packages.map((p) => statusStanza(p, 'installed')).join(''));
  tree.file(EXTENDED_STATES, extendedStatesText([]));
  tree.file(release.sourcesPath, release.sourcesText);
  tree.dir('/var/lib/apt/lists');
  tree.dir('/var/cache/apt/archives/partial');
}
