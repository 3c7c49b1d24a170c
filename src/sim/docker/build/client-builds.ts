import { NullFile } from '../../kernel/files.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { blockOn, done, type Outcome } from '../../kernel/outcome.ts';
import type { Process } from '../../kernel/process.ts';
import { sendSignal } from '../../kernel/signal.ts';
import { SIGKILL } from '../../kernel/signals.ts';
import { normaliseReference } from '../image-store.ts';
import { newBuildJob, type BuildJob, type BuildProcesses } from './build-process.ts';
import type { BuildError, BuildImageRequest } from './image-requests.ts';
import { DockerfileParseError, parseDockerfile } from './parse.ts';

/**
 * `docker build` as the daemon serves it: the Dockerfile is read from the
 * context (its errors are the HTTP response's), the build's output streams
 * to the client, and a client that dies (Ctrl-C) cancels its build.
 */
export class ClientBuilds {
  private readonly kernel: Kernel;
  private readonly processes: BuildProcesses;
  /** `docker build` clients by host PID. */
  private readonly clients = new Map<number, BuildJob>();

  constructor(kernel: Kernel, processes: BuildProcesses) {
    this.kernel = kernel;
    this.processes = processes;
    this.kernel.events.subscribe(
      (event) => {
        if (event.type !== 'exit') return;
        const client = this.clients.get(event.process.hostPid);
        if (!client) return;
        this.clients.delete(event.process.hostPid);
        // The client went away (Ctrl-C): the daemon cancels the build (builder.go, ctx.Done()).
        if (!client.ended && client.builder?.alive)
          sendSignal(this.kernel, client.builder, SIGKILL, null);
      },
      ['exit'],
    );
  }

  build(caller: Process, request: BuildImageRequest): Outcome {
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
    const job = newBuildJob([caller]);
    const stdout = request.quiet ? new NullFile() : (caller.fds.get(1) ?? new NullFile());
    const tags = request.tags.map(normaliseReference);
    this.processes.start(job, stdout, {
      dockerfile: parsed,
      context,
      buildArgs: new Map(request.buildArgs ?? []),
      tags,
      noCache: request.noCache === true,
    });
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
}
