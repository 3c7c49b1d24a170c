import type { Kernel } from '../../kernel/kernel.ts';
import { done, type Outcome } from '../../kernel/outcome.ts';
import type { Process } from '../../kernel/process.ts';
import type { EngineRequest } from '../api.ts';
import type { DockerEngine } from '../engine.ts';
import type { Image } from '../images/image.ts';
import { BuildProcesses } from './build-process.ts';
import { CatalogBuilds } from './catalog-builds.ts';
import { ClientBuilds } from './client-builds.ts';
import { imageHistory, imageSummaries } from './image-listing.ts';
import type { ImageRecipe, ImageRequest } from './image-requests.ts';

/**
 * The daemon's image side: the image store shared with the engine, builds
 * (`docker build`, and the catalog's images built from their Dockerfiles on
 * first use), `docker images` and `docker history`. Requests it does not
 * serve go on to the engine.
 */
export class ImageService {
  private readonly engine: DockerEngine;
  private readonly images: Image[];
  private readonly processes: BuildProcesses;
  private readonly catalog: CatalogBuilds;
  private readonly clientBuilds: ClientBuilds;

  constructor(init: {
    kernel: Kernel;
    engine: DockerEngine;
    hostInit: () => Process;
    images: Image[];
    recipes: readonly ImageRecipe[];
  }) {
    this.engine = init.engine;
    this.images = init.images;
    this.processes = new BuildProcesses(init);
    this.catalog = new CatalogBuilds(this.processes, init.images, init.recipes);
    this.clientBuilds = new ClientBuilds(init.kernel, this.processes);
  }

  /** A catalog image is being built for its first use. */
  get building(): boolean {
    return this.catalog.building;
  }

  /** The build log of a catalog image (empty until its first use). */
  buildLog(reference: string): string {
    return this.catalog.buildLog(reference);
  }

  /** The daemon socket: image requests here, a create of a not yet built catalog image waits for its build. */
  handle(caller: Process, request: EngineRequest | ImageRequest): Outcome {
    switch (request.op) {
      case 'build':
        return this.clientBuilds.build(caller, request);
      case 'images':
        return done(imageSummaries(this.images));
      case 'history':
        return done(imageHistory(this.images, request.ref));
      case 'create': {
        const recipe = this.catalog.pendingRecipe(request.image);
        if (!recipe) break;
        return this.catalog.afterBuild(caller, recipe, () => {
          const answer = this.engine.handle(caller, request);
          return 'value' in answer ? answer : { value: { error: 'busy', status: 125 } };
        });
      }
      case 'image-ensure': {
        const recipe = this.catalog.pendingRecipe(request.ref);
        return recipe ? this.catalog.afterBuild(caller, recipe, () => ({ value: 0 })) : done(0);
      }
      default:
        break;
    }
    return this.engine.handle(caller, request);
  }
}
