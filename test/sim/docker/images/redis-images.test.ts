import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import type { RedisVersion } from '../../../../src/sim/docker/images/redis/entrypoints.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * The redis images are built from their pinned Dockerfiles the first time
 * `docker run` names them (src/sim/docker/images/recipes.ts). A build that
 * cannot finish yet is pending on the tool it stops at, named here; the
 * test is skipped until that tool lands (the build log says where it stops:
 * host.images.buildLog('redis:TAG')).
 */
const PENDING: Readonly<Record<RedisVersion, string | undefined>> = {
  '5.0': 'apt-get on stretch: the stretch index has no ca-certificates, dirmngr, gnupg or wget',
  '7.2': "apt-mark manual of the saved manual list fails after gosu's verification",
  '8.2.1': 'dpkg-architecture --query DEB_BUILD_GNU_TYPE (dpkg-dev) is not modelled',
};

/** The user the Dockerfiles create (groupadd -r [-g 999] redis; useradd -r … redis): 999 on a fresh Debian. */
const REDIS_ID = 'uid=999(redis) gid=999(redis) groups=999(redis)\n';

describe('redis images built from their Dockerfiles', () => {
  for (const [version, pending] of Object.entries(PENDING) as [
    RedisVersion,
    string | undefined,
  ][]) {
    it.skipIf(pending !== undefined)(
      `redis:${version}${pending === undefined ? '' : ` (pending: ${pending})`}`,
      () => {
        const host = createHost();
        expect(runPlain(`docker run --rm redis:${version} id redis`, host)).toMatchObject({
          stdout: REDIS_ID,
          stderr: '',
          status: 0,
        });
        // The image's config comes from the Dockerfile: ENTRYPOINT, CMD, WORKDIR, VOLUME.
        const history = runPlain(`docker history --no-trunc -q redis:${version}`, host).stdout;
        expect(history.split('\n').length).toBeGreaterThan(10);
        expect(runPlain(`docker run --rm redis:${version} pwd`, host).stdout).toBe('/data\n');
      },
    );
  }
});
