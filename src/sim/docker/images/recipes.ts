import { fileEntry } from '../build/build-context.ts';
import type { ImageRecipe } from '../build/image-requests.ts';
import { REDIS_DOCKERFILES } from './redis/dockerfiles.ts';
import { REDIS_ENTRYPOINTS, type RedisVersion } from './redis/entrypoints.ts';

/**
 * The images the daemon builds from their pinned Dockerfiles the first time
 * they are used (SOURCE.md in ./redis): the Dockerfile's folder is the build
 * context, with docker-entrypoint.sh (mode 0755 in the upstream repositories).
 */
function redis(version: RedisVersion, tags: readonly string[], committed: number): ImageRecipe {
  return {
    repository: 'redis',
    tags,
    dockerfile: REDIS_DOCKERFILES[version],
    context: {
      dockerfile: 'Dockerfile',
      entries: [fileEntry('docker-entrypoint.sh', REDIS_ENTRYPOINTS[version], 0o755, committed)],
    },
  };
}

/** The files' time in the context (COPY keeps it): the day of the pinned commit (SOURCE.md), 00:00 UTC. */
const MAY_15_2019 = 1_557_878_400_000;
const JUNE_28_2024 = 1_719_532_800_000;
const AUGUST_18_2025 = 1_755_475_200_000;

/** Tags as Docker Hub's library/redis listed them for these versions (the official-images library file). */
export const IMAGE_RECIPES: readonly ImageRecipe[] = [
  redis('5.0', ['5.0', '5.0.5', '5'], MAY_15_2019),
  redis('7.2', ['7.2', '7.2.5'], JUNE_28_2024),
  redis('8.2.1', ['8.2.1', '8.2', '8', 'latest'], AUGUST_18_2025),
];
