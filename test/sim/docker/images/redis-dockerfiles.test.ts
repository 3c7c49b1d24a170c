import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../../src/sim/docker/build/parse.ts';
import { REDIS_DOCKERFILES } from '../../../../src/sim/docker/images/redis/dockerfiles.ts';
import { OUT, render, VERSIONS } from '../../../../scripts/embed-dockerfiles.ts';

const REFERENCE = {
  '5.0': 'redis-5.0_Dockerfile_6845f6d.txt',
  '7.2': 'redis-7.2-debian_Dockerfile_e920499.txt',
  '8.2.1': 'redis-8.2.1-debian_Dockerfile_a13b788.txt',
} as const;
const fileOf = (v: string) => `src/sim/docker/images/redis/${v}/Dockerfile`;

describe('the pinned redis Dockerfiles', () => {
  it('the generated module is what scripts/embed-dockerfiles.ts writes today (rerun it after changing a Dockerfile)', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(render());
  });

  for (const version of VERSIONS) {
    it.skipIf(!existsSync('../shared/reference/redis'))(
      `${version}: the Dockerfile is the reference's verbatim part`,
      () => {
        const reference = readFileSync(`../shared/reference/redis/${REFERENCE[version]}`, 'utf8');
        expect(readFileSync(fileOf(version), 'utf8')).toBe(
          reference.split('#@ ----- begin verbatim file -----\n')[1],
        );
      },
    );

    it(`${version}: the run-time parser reads it as dockerfile-ast does`, () => {
      const parsed = parseDockerfile(readFileSync(fileOf(version), 'utf8'));
      expect(parsed).toEqual(REDIS_DOCKERFILES[version]);
    });
  }
});
