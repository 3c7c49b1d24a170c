import { Credentials } from '../../kernel/credentials.ts';
import { NullFile, SinkFile, type OpenFile } from '../../kernel/files.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../../kernel/outcome.ts';
import type { Process } from '../../kernel/process.ts';
import { sendSignal } from '../../kernel/signal.ts';
import { SIGKILL } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { ProcessGen } from '../../kernel/syscall-api.ts';
import type { EngineError, EngineRequest } from '../api.ts';
import type { DockerEngine } from '../engine.ts';
import { findImage, normaliseReference } from '../image-store.ts';
import { imageId, type Image } from '../images/image.ts';
import { tagImage } from '../images/image-tags.ts';
import type { BuildContext } from './build-context.ts';
import { build, type BuildOutcome } from './builder.ts';
import type { BuildBackend } from './build-state.ts';
import type { Instruction, ParsedDockerfile } from './instruction.ts';
import { DockerfileParseError, parseDockerfile } from './parse.ts';

/** An image the daemon builds from its Dockerfile the first time it is needed (redis:5.0 …). */
export interface ImageRecipe {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly dockerfile: ParsedDockerfile;
  readonly context: BuildContext;
}

/** `docker build`: the context the client sends, with the Dockerfile inside it. */
export interface BuildImageRequest {
  readonly op: 'build';
  readonly context: BuildContext;
  readonly tags: readonly string[];
  readonly buildArgs?: readonly (readonly [string, string])[];
  /** -q: no build output; the client prints the image ID. */
  readonly quiet?: boolean;
  readonly noCache?: boolean;
}

/** A failed build: `response` when the daemon answered the request with it, before any output. */
export interface BuildError extends EngineError {
  readonly response?: boolean;
}

export interface ImageSummary {
  readonly repository: string;
  readonly tag: string;
  readonly id: string;
  readonly created: number;
  readonly size: number;
  /** Another image was built on it (a build's intermediate image, hidden by `docker images`). */
  readonly hasChildren: boolean;
}

export interface HistoryRow {
  /** The image of this layer, or "<missing>" when it is not in the store. */
  readonly id: string;
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

export type ImageRequest =
  | BuildImageRequest
  | { readonly op: 'images' }
  | { readonly op: 'history'; readonly ref: string }
  /** The builder's FROM: a catalog image not built yet is built first (as a pull would fetch it). */
  | { readonly op: 'image-ensure'; readonly ref: string };

interface BuildJob {
  outcome: BuildOutcome | undefined;
  /** The daemon process running the build. */
  builder?: Process;
  ended: boolean;
  log: string;
  readonly waiters: Set<Process>;
}

/** A build step as it starts, for walkthroughs (the span is the instruction's place in its Dockerfile). */
export interface BuildStepNote {
  readonly image: string;
  readonly step: number;
  readonly total: number;
  readonly instruction: Instruction;
}

/**
 * The daemon's image side: the image store shared with the engine, builds
 * (`docker build`, and the catalog's images built from their Dockerfiles on
 * first use), `docker images` and `docker history`. Requests it does not
 * serve go on to the engine.
 */
export class ImageService {
  private readonly kernel: Kernel;
  private readonly engine: DockerEngine;
  private readonly hostInit: () => Process;
  private readonly images: Image[];
  private readonly recipes: readonly ImageRecipe[];
  private readonly jobs = new Map<ImageRecipe, BuildJob>();
  private readonly jobPids = new Map<number, BuildJob>();
  /** `docker build` clients by host PID: a client that dies (Ctrl-C) cancels its build. */
  private readonly clients = new Map<number, BuildJob>();
  private containers = 0;
  /** Listeners for build steps as they start. */
  readonly stepListeners = new Set<(note: BuildStepNote) => void>();

  constructor(init: {
    kernel: Kernel;
    engine: DockerEngine;
    hostInit: () => Process;
    images: Image[];
    recipes: readonly ImageRecipe[];
  }) {
    this.kernel = init.kernel;
    this.engine = init.engine;
    this.hostInit = init.hostInit;
    this.images = init.images;
    this.recipes = init.recipes;
    this.kernel.events.subscribe((event) => {
      if (event.type !== 'exit') return;
      const client = this.clients.get(event.process.hostPid);
      if (client) {
        this.clients.delete(event.process.hostPid);
        // The client went away (Ctrl-C): the daemon cancels the build (builder.go, ctx.Done()).
        if (!client.ended && client.builder?.alive)
          sendSignal(this.kernel, client.builder, SIGKILL, null);
      }
      const job = this.jobPids.get(event.process.hostPid);
      if (!job) return;
      this.jobPids.delete(event.process.hostPid);
      job.ended = true;
      for (const waiter of job.waiters) this.kernel.wake(waiter);
    });
  }

  /** The daemon socket: image requests here, a create of a not yet built catalog image waits for its build. */
  handle(caller: Process, request: EngineRequest | ImageRequest): Outcome {
    switch (request.op) {
      case 'build':
        return this.buildForClient(caller, request);
      case 'images':
        return done(this.summaries());
      case 'history':
        return done(this.history(request.ref));
      case 'create': {
        const recipe = this.pendingRecipe(request.image);
        if (!recipe) break;
        return this.afterBuild(caller, recipe, () => {
          const answer = this.engine.handle(caller, request);
          return 'value' in answer ? answer : { value: { error: 'busy', status: 125 } };
        });
      }
      case 'image-ensure': {
        const recipe = this.pendingRecipe(request.ref);
        return recipe ? this.afterBuild(caller, recipe, () => ({ value: 0 })) : done(0);
      }
      default:
        break;
    }
    return this.engine.handle(caller, request);
  }

  /** Starts a catalog image's build (once) and blocks the caller until it ends, then answers with `then`. */
  private afterBuild(
    caller: Process,
    recipe: ImageRecipe,
    then: () => { value: unknown },
  ): Outcome {
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

  private recipeFor(reference: string): ImageRecipe | undefined {
    return this.recipes.find((r) => r.tags.some((t) => `${r.repository}:${t}` === reference));
  }

  private pendingRecipe(image: string): ImageRecipe | undefined {
    const reference = normaliseReference(image);
    return findImage(this.images, reference) ? undefined : this.recipeFor(reference);
  }

  /** Starts a catalog image's build once; its output is kept as the job's log. */
  private start(recipe: ImageRecipe): BuildJob {
    const known = this.jobs.get(recipe);
    if (known) return known;
    const job: BuildJob = { outcome: undefined, ended: false, log: '', waiters: new Set() };
    this.jobs.set(recipe, job);
    const sink = new SinkFile((data) => (job.log += data));
    const tags = recipe.tags.map((t) => `${recipe.repository}:${t}`);
    this.spawn(job, sink, recipe.dockerfile, recipe.context, new Map(), tags, recipe.repository);
    return job;
  }

  private buildForClient(caller: Process, request: BuildImageRequest): Outcome {
    const context = request.context;
    const text = context.entries.find((e) => e.path === context.dockerfile)?.data;
    // Errors before any output are the HTTP response's ("Error response from daemon: …").
    if (text === undefined)
      // remotecontext/detect.go openAt: the Dockerfile is missing from the context.
      return done({
        error: `Cannot locate specified Dockerfile: ${context.dockerfile}`,
        status: 1,
        response: true,
      } satisfies BuildError);
    const parsed = parseDockerfile(text);
    if (parsed instanceof DockerfileParseError)
      // buildkit parser errors with their line, as the 28.x daemon words them.
      return done({
        error: `dockerfile parse error line ${parsed.line}: ${parsed.message}`,
        status: 1,
        response: true,
      } satisfies BuildError);
    const job: BuildJob = { outcome: undefined, ended: false, log: '', waiters: new Set([caller]) };
    const stdout = request.quiet ? new NullFile() : (caller.fds.get(1) ?? new NullFile());
    const tags = request.tags.map(normaliseReference);
    this.spawn(
      job,
      stdout,
      parsed,
      context,
      new Map(request.buildArgs ?? []),
      tags,
      tags[0] ?? '',
      request.noCache === true,
    );
    this.clients.set(caller.hostPid, job);
    return blockOn({
      poll: () => {
        if (!job.ended) return undefined;
        this.clients.delete(caller.hostPid);
        const outcome = job.outcome ?? { error: 'build ended without a result', status: 1 };
        return { value: 'error' in outcome ? outcome : { id: outcome.image.id } };
      },
      interruptible: true,
    });
  }

  /** A daemon process runs the build; stdout carries the steps, stderr the RUN commands' errors in red. */
  private spawn(
    job: BuildJob,
    stdout: OpenFile,
    dockerfile: ParsedDockerfile,
    context: BuildContext,
    buildArgs: ReadonlyMap<string, string>,
    tags: readonly string[],
    label: string,
    noCache = false,
  ): void {
    // moby streamformatter.StderrFormatter: "\033[91m" + text + "\033[0m".
    const stderr = new SinkFile((data) => void stdout.write(`\x1b[91m${data}\x1b[0m`));
    const init = this.hostInit();
    const backend = this.backend();
    const onStep = (step: number, total: number, instruction: Instruction) => {
      for (const listener of this.stepListeners)
        listener({ image: label, step, total, instruction });
    };
    const images = this.images;
    const main = function* (): ProcessGen {
      const outcome = yield* build({ dockerfile, context, buildArgs, onStep, noCache }, backend);
      job.outcome = outcome;
      if ('error' in outcome) return 1;
      // moby daemon/builder/backend: "Successfully built %s", then tagImages: "Successfully tagged %s".
      yield* sys.write(1, `Successfully built ${outcome.image.id.slice(0, 12)}\n`);
      for (const tag of tags) {
        tagImage(images, outcome.image, tag);
        yield* sys.write(1, `Successfully tagged ${tag}\n`);
      }
      return 0;
    };
    const process = this.kernel.spawn({
      parent: init,
      pidns: this.kernel.rootNs,
      creds: new Credentials(0, 0),
      mnt: init.mnt,
      cwd: '/',
      hostname: init.hostname,
      stdio: [new NullFile(), stdout, stderr],
      main,
      comm: 'dockerd',
      argv: ['/usr/bin/dockerd'],
    });
    process.autoReap = true;
    job.builder = process;
    this.jobPids.set(process.hostPid, job);
  }

  private backend(): BuildBackend {
    return {
      findImage: (reference) => findImage(this.images, normaliseReference(reference)),
      register: (image) => {
        if (!this.images.some((x) => x.id === image.id)) this.images.push(image);
      },
      now: () => this.kernel.clock.now(),
      containerRoot: (id) => this.engine.find(id)?.mountNamespace?.root,
      configContainerId: () => imageId(`build-container:${++this.containers}`),
    };
  }

  private summaries(): ImageSummary[] {
    const parents = new Set(this.images.map((i) => i.parent).filter((p) => p !== undefined));
    // Newest first; images made in the same millisecond, the later one first.
    return [...this.images]
      .reverse()
      .flatMap((image) => {
        const base = {
          id: image.id,
          created: image.created ?? 0,
          size: imageSize(image),
          hasChildren: parents.has(image.id),
        };
        return image.tags.length === 0
          ? [{ ...base, repository: '<none>', tag: '<none>' }]
          : // The reference store lists an image's tags in lexical order.
            [...image.tags].sort().map((tag) => ({ ...base, repository: image.repository, tag }));
      })
      .sort((a, b) => b.created - a.created);
  }

  private history(ref: string): HistoryRow[] | EngineError {
    const reference = normaliseReference(ref);
    const image = findImage(this.images, reference);
    if (!image) return { error: `No such image: ${reference}`, status: 1 };
    const rows: HistoryRow[] = [];
    let current: Image | undefined = image;
    const entries = [...(image.history ?? [])].reverse();
    for (const entry of entries) {
      rows.push({ id: current?.id ?? '<missing>', ...entry });
      current =
        current?.parent === undefined
          ? undefined
          : this.images.find((x) => x.id === current?.parent);
    }
    return rows;
  }
}

/** The bytes of an image: its layers' sizes. */
export function imageSize(image: Image): number {
  return (image.history ?? []).reduce((sum, entry) => sum + entry.size, 0);
}
