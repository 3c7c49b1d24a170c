import { WORLD_START_MS } from '../kernel/clock.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import { ImageService } from './build/image-service.ts';
import { DockerEngine } from './engine.ts';
import { IMAGE_DEFINITIONS } from './images/catalog.ts';
import { buildImage, type Image } from './images/image.ts';
import { IMAGE_RECIPES } from './images/recipes.ts';

/** The Docker daemon: the container side (engine) and the image side (pull, build, history). */
export interface DockerDaemon {
  readonly engine: DockerEngine;
  readonly images: ImageService;
}

/** Starts the daemon on a host whose init is `hostInit`, with the catalog's base images. */
export function startDockerDaemon(kernel: Kernel, hostInit: () => Process): DockerDaemon {
  const images: Image[] = IMAGE_DEFINITIONS.map((d) =>
    buildImage(d, WORLD_START_MS - 30 * 86_400_000),
  );
  const engine = new DockerEngine(kernel, images, hostInit);
  // The image side of the daemon shares the engine's image list (builds add to it).
  return {
    engine,
    images: new ImageService({ kernel, engine, hostInit, images, recipes: IMAGE_RECIPES }),
  };
}
