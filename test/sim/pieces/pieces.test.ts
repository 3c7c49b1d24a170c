import { describe, expect, it } from 'vitest';
import { programs as bootPrograms } from '../../../src/sim/pieces/boot.ts';
import { programs as buildToolPrograms } from '../../../src/sim/pieces/build-tools.ts';
import { programs as commandPrograms } from '../../../src/sim/pieces/commands.ts';
import { programs as dockerPrograms } from '../../../src/sim/pieces/docker.ts';
import { PACKAGES_BY_PIECE } from '../../../src/sim/userland/packages/index.ts';
import { loadProgram, programNames } from '../../../src/sim/userland/registry.ts';

/**
 * The packages name their programs (metadata the kernel has at boot); the
 * pieces carry the programs' code (fetched on demand in the browser, ADR
 * 0010). The two must agree, or a program would be installed whose code no
 * piece brings.
 */
const CODE = {
  boot: bootPrograms,
  commands: commandPrograms,
  buildTools: buildToolPrograms,
  docker: dockerPrograms,
};

const sorted = (names: Iterable<string>) => [...names].sort();

describe('the pieces and the packages', () => {
  for (const piece of Object.keys(CODE) as (keyof typeof CODE)[]) {
    it(`the ${piece} piece carries exactly the programs its packages name`, () => {
      const named = PACKAGES_BY_PIECE[piece].flatMap((pkg) => pkg.programs);
      expect(sorted(CODE[piece].map((program) => program.name))).toEqual(sorted(new Set(named)));
    });
  }

  it('no program is in two pieces', () => {
    const names = Object.values(CODE).flatMap((programs) => programs.map((p) => p.name));
    expect(names.length).toBe(new Set(names).size);
    expect(sorted(programNames())).toEqual(sorted(names));
  });

  it('every program an installed path names is found by the loader (all pieces at hand in Node)', () => {
    const installed = Object.values(PACKAGES_BY_PIECE)
      .flat()
      .flatMap((pkg) => Object.values(pkg.installs).flatMap((paths) => Object.values(paths)))
      .filter((what): what is string => typeof what === 'string');
    const missing = installed.filter((name) => typeof loadProgram(name) !== 'object');
    expect(missing).toEqual([]);
  });
});
