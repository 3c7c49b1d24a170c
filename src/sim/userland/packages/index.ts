import { BUILD_TOOL_PACKAGES } from './build-tools.ts';
import { APT_PACKAGES } from './apt-tools.ts';
import { CORE_PACKAGES, DOCKER_PACKAGE, SYSTEMD_PACKAGE } from './core.ts';
import { FILE_TOOL_PACKAGES } from './file-tools.ts';
import type { Package, SystemName } from './package.ts';
import { PROCESS_TOOL_PACKAGES } from './process-tools.ts';
import { SHELL_PACKAGES } from './shells.ts';
import type { TreeBuilder } from '../../kernel/vfs/tree-builder.ts';

export type { Package, SystemName } from './package.ts';

/**
 * The packages by the piece of the simulator that carries their programs'
 * code (src/sim/pieces/, ADR 0010): the boot programs come with the kernel,
 * the others when first run.
 */
export const PACKAGES_BY_PIECE = {
  boot: [SYSTEMD_PACKAGE, ...SHELL_PACKAGES],
  commands: [...CORE_PACKAGES, ...FILE_TOOL_PACKAGES, ...PROCESS_TOOL_PACKAGES],
  buildTools: [...BUILD_TOOL_PACKAGES, ...APT_PACKAGES],
  docker: [DOCKER_PACKAGE],
} as const satisfies Record<string, readonly Package[]>;

export type PieceName = keyof typeof PACKAGES_BY_PIECE;

/** Every package, in the order their files are laid out. */
export const PACKAGES: readonly Package[] = [
  ...CORE_PACKAGES,
  SYSTEMD_PACKAGE,
  DOCKER_PACKAGE,
  ...SHELL_PACKAGES,
  ...FILE_TOOL_PACKAGES,
  ...PROCESS_TOOL_PACKAGES,
  ...BUILD_TOOL_PACKAGES,
  ...APT_PACKAGES,
];

/** Lays out every package's files for one system (executables, links, set-user-ID bits). */
export function installPackages(tree: TreeBuilder, system: SystemName): void {
  for (const pkg of PACKAGES) {
    for (const [path, what] of Object.entries(pkg.installs[system] ?? {})) {
      if (typeof what === 'string')
        tree.program(path, what, { perm: pkg.setuid?.includes(path) ? 0o4755 : 0o755 });
      else tree.symlink(path, what.symlinkTo);
    }
  }
}
