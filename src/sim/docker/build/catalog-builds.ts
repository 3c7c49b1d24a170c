import { SinkFile } from '../../kernel/files.ts';
import { blockOn, type Outcome } from '../../kernel/outcome.ts';
import type { Process } from '../../kernel/process.ts';
import type { EngineError } from '../api.ts';
import { findImage, normaliseReference } from '../image-store.ts';
import type { Image } from '../images/image.ts';
import { newBuildJob, type BuildJob, type BuildProcesses } from './build-process.ts';
import type { ImageRecipe } from './image-requests.ts';

/**
 * The catalog's images built from their Dockerfiles on first use (redis:7.2
 * …): a request for one not built yet starts its build once and waits for it.
 */
export class CatalogBuilds {
  private readonly processes: BuildProcesses;
  private readonly images: readonly Image[];
  private readonly recipes: readonly ImageRecipe[];
  private readonly jobs = new Map<ImageRecipe, BuildJob>();

  constructor(
    processes: BuildProcesses,
    images: readonly Image[],
    recipes: readonly ImageRecipe[],
  ) {
    this.processes = processes;
    this.images = images;
    this.recipes = recipes;
  }

  /** A catalog image is being built for its first use. */
  get building(): boolean {
    for (const job of this.jobs.values()) if (!job.ended) return true;
    return false;
  }

  /** The build log of a catalog image (empty until its first use). */
  buildLog(reference: string): string {
    const recipe = this.recipeFor(normaliseReference(reference));
    return recipe ? (this.jobs.get(recipe)?.log ?? '') : '';
  }

  /** The recipe of an image that is not in the store yet, if the catalog has one. */
  pendingRecipe(image: string): ImageRecipe | undefined {
    const reference = normaliseReference(image);
    return findImage(this.images, reference) ? undefined : this.recipeFor(reference);
  }

  /** Starts a catalog image's build (once) and blocks the caller until it ends, then answers with `then`. */
  afterBuild(caller: Process, recipe: ImageRecipe, then: () => { value: unknown }): Outcome {
    const job = this.start(recipe);
    return blockOn({
      poll: () => {
        if (!job.ended) {
          job.waiters.add(caller);
          return undefined;
        }
        job.waiters.delete(caller);
        if (job.outcome && 'error' in job.outcome)
          return { value: { error: job.outcome.error, status: 125 } satisfies EngineError };
        return then();
      },
      interruptible: false,
    });
  }

  private recipeFor(reference: string): ImageRecipe | undefined {
    return this.recipes.find((r) => r.tags.some((t) => `${r.repository}:${t}` === reference));
  }

  /** Starts a catalog image's build once; its output is kept as the job's log. */
  private start(recipe: ImageRecipe): BuildJob {
    const known = this.jobs.get(recipe);
    if (known) return known;
    const job = newBuildJob();
    this.jobs.set(recipe, job);
    const sink = new SinkFile((data) => (job.log += data));
    this.processes.start(job, sink, {
      dockerfile: recipe.dockerfile,
      context: recipe.context,
      buildArgs: new Map(),
      tags: recipe.tags.map((t) => `${recipe.repository}:${t}`),
    });
    return job;
  }
}
