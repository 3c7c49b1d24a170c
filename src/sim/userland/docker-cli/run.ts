import { isEngineError, type CreateResponse, type StartResponse } from '../../docker/api.ts';
import { Errno } from '../../kernel/errno.ts';
import { SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2 } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { flagsFromHelp, parseFlags } from './flags.ts';
import { RUN_HELP } from './help-texts.ts';

const RUN_FLAGS = flagsFromHelp(RUN_HELP);
const USAGE = 'Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]';
/** Flags this simulator acts on; the others are recognised but not modelled yet. */
const MODELLED = new Set(['rm', 'name', 'help', 'interactive', 'tty', 'detach']);
/** Signals the CLI passes on to the container while attached (--sig-proxy, on by default). */
const PROXIED = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2];

/** `docker run`: create the container, attach to its output, start it, wait, and exit with its status. */
export function* run(args: readonly string[]): Gen<number> {
  const parsed = parseFlags(args, RUN_FLAGS);
  if ('error' in parsed) {
    yield* err(`${parsed.error}\n\n${USAGE}\n\nRun 'docker run --help' for more information\n`);
    return 125;
  }
  if (parsed.values.has('help')) {
    yield* out(RUN_HELP);
    return 0;
  }
  const unmodelled = [...parsed.values.keys()].find((flag) => !MODELLED.has(flag));
  if (unmodelled) {
    yield* err(
      `docker: --${unmodelled} is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n`,
    );
    return 125;
  }
  const [image, ...cmd] = parsed.args;
  if (image === undefined) {
    yield* err(
      `docker: 'docker run' requires at least 1 argument\n\n${USAGE}\n\nSee 'docker run --help' for more information\n`,
    );
    return 1;
  }
  const name = parsed.values.get('name')?.at(-1);
  const created = (yield* engine({
    op: 'create',
    image,
    cmd,
    autoRemove: parsed.values.has('rm'),
    ...(name ? { name } : {}),
  })) as CreateResponse;
  if (isEngineError(created)) return yield* daemonError(created);
  let id = '';
  for (const sig of PROXIED) {
    yield* sys.sigaction(sig, function* (received) {
      if (id) yield* engine({ op: 'signal', id, signal: received });
    });
  }
  id = created.id;
  if (parsed.values.has('detach')) {
    const started = yield* engine({ op: 'start', id });
    if (isEngineError(started)) return yield* daemonError(started);
    yield* out(`${id}\n`);
    return 0;
  }
  const started = yield* engine({ op: 'start-attached', id });
  if (isEngineError(started)) return yield* daemonError(started);
  for (;;) {
    const ended = (yield* engine({ op: 'wait', id })) as StartResponse | Errno;
    if (ended instanceof Errno) continue;
    if (isEngineError(ended)) return yield* daemonError(ended);
    return ended.exitCode;
  }
}

function* engine(request: unknown): Gen<unknown> {
  return yield* sys.service('docker', request);
}

/** "docker: Error response from daemon: …", a blank line, the hint; on stderr (docs/research/docker-texts.md §1, §2). */
function* daemonError(error: { error: string; status: number; preamble?: string }): Gen<number> {
  yield* err(
    `${error.preamble ?? ''}docker: Error response from daemon: ${error.error}\n\nRun 'docker run --help' for more information\n`,
  );
  return error.status;
}
