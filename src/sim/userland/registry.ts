import type { ProgramLoader } from '../kernel/exec.ts';
import { unmodelledProgram } from './apt/unmodelled.ts';
import { PACKAGES } from './packages/index.ts';

/**
 * The one table of programs: every program of every package
 * (src/sim/userland/packages/). An executable in an image names one of these
 * (its `program` field); the kernel's loader looks it up here. Programs that
 * differ between releases get one entry per release.
 */
const BY_NAME = new Map(PACKAGES.flatMap((pkg) => pkg.programs).map((p) => [p.name, p]));

/** A name of no modelled program: an unmodelled executable of a Debian package (apt/unmodelled.ts). */
export const loadProgram: ProgramLoader = (name) => BY_NAME.get(name) ?? unmodelledProgram(name);

export function programNames(): string[] {
  return [...BY_NAME.keys()];
}
