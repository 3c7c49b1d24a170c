import { fileEntry } from '../build/build-context.ts';
import type { ImageRecipe } from '../build/image-service.ts';
import { REDIS_DOCKERFILES } from './redis/dockerfiles.ts';
import { REDIS_ENTRYPOINTS, type RedisVersion } from './redis/entrypoints.ts';

/**
 * The images the daemon builds from their pinned Dockerfiles the first time
 * they are used (SOURCE.md in ./redis): the Dockerfile's folder is the build
 * context, with docker-entrypoint.sh (mode 0755 in the upstream repositories).
 */
function redis(version: RedisVersion, tags: readonly string[]): ImageRecipe {
  return {
    repository: 'redis',
    tags,
    dockerfile: REDIS_DOCKERFILES[version],
    context: {
      dockerfile: 'Dockerfile',
      entries: [fileEntry('docker-entrypoint.sh', REDIS_ENTRYPOINTS[version], 0o755)],
    },
  };
}

/** Tags as Docker Hub's library/redis listed them for these versions (the official-images library file). */
export const IMAGE_RECIPES: readonly ImageRecipe[] = [
  redis('5.0', ['5.0', '5.0.5', '5']),
  redis('7.2', ['7.2', '7.2.5']),
  redis('8.2.1', ['8.2.1', '8.2', '8', 'latest']),
];
