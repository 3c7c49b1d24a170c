import { Errno } from '../kernel/errno.ts';
import { NOT_HERE, type Program, type ProgramLoader } from '../kernel/exec.ts';
import type { OnDemand } from '../kernel/on-demand.ts';
import { programs as BOOT_PROGRAMS } from '../pieces/boot.ts';
import { PROGRAM_PIECES, type ProgramPiece } from '../pieces/index.ts';
import { unmodelledProgram } from './apt/unmodelled.ts';
import { PACKAGES_BY_PIECE } from './packages/index.ts';

/**
 * The one table of programs: every program of every package
 * (src/sim/userland/packages/). An executable in an image names one of these
 * (its `program` field); the kernel's loader looks it up here. Programs that
 * differ between releases get one entry per release. The boot programs are
 * always here; the others are in pieces fetched on first use (ADR 0010).
 */
const BOOT = byName(BOOT_PROGRAMS);

const PIECE_OF = new Map<string, OnDemand<ProgramPiece>>(
  (Object.keys(PROGRAM_PIECES) as (keyof typeof PROGRAM_PIECES)[]).flatMap((piece) =>
    PACKAGES_BY_PIECE[piece].flatMap((pkg) =>
      pkg.programs.map((name): [string, OnDemand<ProgramPiece>] => [name, PROGRAM_PIECES[piece]]),
    ),
  ),
);

const INDEXES = new WeakMap<ProgramPiece, Map<string, Program>>();

function byName(programs: readonly Program[]): Map<string, Program> {
  return new Map(programs.map((p) => [p.name, p]));
}

function programIn(piece: ProgramPiece, name: string): Program | undefined {
  let index = INDEXES.get(piece);
  if (!index) INDEXES.set(piece, (index = byName(piece.programs)));
  return index.get(name);
}

/** A name of no modelled program: an unmodelled executable of a Debian package (apt/unmodelled.ts). */
export const loadProgram: ProgramLoader = (name) => {
  const boot = BOOT.get(name);
  if (boot) return boot;
  const piece = PIECE_OF.get(name);
  if (!piece) return unmodelledProgram(name);
  const code = piece.get();
  if (code === undefined) return NOT_HERE;
  return code instanceof Errno ? code : programIn(code, name);
};

export function programNames(): string[] {
  return [...BOOT.keys(), ...PIECE_OF.keys()];
}
