import { NullFile, SinkFile, type OpenFile } from '../../kernel/files.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Process } from '../../kernel/process.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { ProcessGen } from '../../kernel/syscall-api.ts';
import type { DockerEngine } from '../engine.ts';
import { onHostAsRoot } from '../host-root.ts';
import { findImage, normaliseReference } from '../image-store.ts';
import { imageId, type Image } from '../images/image.ts';
import { tagImage } from '../images/image-tags.ts';
import { build, type BuildOutcome, type BuildRequest } from './builder.ts';
import type { BuildBackend } from './build-state.ts';

/** A build the daemon runs: its outcome once it ends, and the processes waiting for it. */
export interface BuildJob {
  outcome: BuildOutcome | undefined;
  /** The daemon process running the build. */
  builder?: Process;
  ended: boolean;
  log: string;
  readonly waiters: Set<Process>;
}

export function newBuildJob(waiters: Iterable<Process> = []): BuildJob {
  return { outcome: undefined, ended: false, log: '', waiters: new Set(waiters) };
}

/** What a daemon build is given: the builder's request, the tags for its image included. */
export type DaemonBuild = BuildRequest;

/**
 * Runs builds as daemon processes (`dockerd`): the classic builder over the
 * image store shared with the engine, then "Successfully built/tagged".
 * A job ends when its process exits, and its waiters are woken.
 */
export class BuildProcesses {
  private readonly kernel: Kernel;
  private readonly engine: DockerEngine;
  private readonly hostInit: () => Process;
  private readonly images: Image[];
  private readonly jobPids = new Map<number, BuildJob>();
  private containers = 0;

  constructor(init: {
    kernel: Kernel;
    engine: DockerEngine;
    hostInit: () => Process;
    images: Image[];
  }) {
    this.kernel = init.kernel;
    this.engine = init.engine;
    this.hostInit = init.hostInit;
    this.images = init.images;
    this.kernel.events.subscribe(
      (event) => {
        if (event.type !== 'exit') return;
        const job = this.jobPids.get(event.process.hostPid);
        if (!job) return;
        this.jobPids.delete(event.process.hostPid);
        job.ended = true;
        for (const waiter of job.waiters) this.kernel.wake(waiter);
      },
      ['exit'],
    );
  }

  /** A daemon process runs the build; stdout carries the steps, stderr the RUN commands' errors in red. */
  start(job: BuildJob, stdout: OpenFile, run: DaemonBuild): void {
    const { dockerfile, context, buildArgs, tags } = run;
    const noCache = run.noCache === true;
    // moby streamformatter.StderrFormatter: "\033[91m" + text + "\033[0m".
    const stderr = new SinkFile((data) => void stdout.write(`\x1b[91m${data}\x1b[0m`));
    const init = this.hostInit();
    const backend = this.backend();
    const images = this.images;
    const main = function* (): ProcessGen {
      const outcome = yield* build({ dockerfile, context, buildArgs, tags, noCache }, backend);
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
      ...onHostAsRoot(this.kernel, init),
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
}
