/**
 * The pieces of the simulator that arrive when first needed (ADR 0010):
 * each is a module whose code the browser fetches on demand, the way a
 * kernel reads an executable from disk (src/sim/kernel/on-demand.ts). What
 * comes with the kernel (init, the shells) is in boot.ts. Node provides
 * every piece up front (all.ts, through src/sim/index.ts).
 */
import type { startDockerDaemon } from '../docker/daemon.ts';
import type { Program } from '../kernel/exec.ts';
import { OnDemand } from '../kernel/on-demand.ts';

export interface ProgramPiece {
  readonly programs: readonly Program[];
}

export interface DockerPiece extends ProgramPiece {
  readonly startDockerDaemon: typeof startDockerDaemon;
}

export type ShellParts = typeof import('./shell.ts');

/** The shells' less used builtins and syntax (ADR 0011), faulted in by src/sim/shell/paged.ts. */
export const SHELL_PARTS = new OnDemand<ShellParts>('shell', () => import('./shell.ts'));

export const COMMANDS = new OnDemand<ProgramPiece>('commands', () => import('./commands.ts'));

export const BUILD_TOOLS = new OnDemand<ProgramPiece>(
  'build tools',
  () => import('./build-tools.ts'),
);

/** The Docker client, the shim and the daemon; the daemon's `docker top` runs the commands' ps. */
export const DOCKER = new OnDemand<DockerPiece>('docker', () =>
  Promise.all([import('./docker.ts'), COMMANDS.whenHere()]).then(([piece]) => piece),
);

/** The pieces that carry programs, by the name packages/index.ts files them under. */
export const PROGRAM_PIECES = {
  commands: COMMANDS,
  buildTools: BUILD_TOOLS,
  docker: DOCKER,
} as const satisfies Record<string, OnDemand<ProgramPiece>>;

/** Starts fetching every piece not here yet (the terminal does once it is ready). */
export function prefetchPieces(): void {
  SHELL_PARTS.prefetch();
  for (const piece of Object.values(PROGRAM_PIECES)) piece.prefetch();
}
