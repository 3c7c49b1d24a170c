import { err, out, type Gen } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { DOCKER_HELP } from './help-texts.ts';
import { run } from './run.ts';
import { exec, kill, stop } from './container-commands.ts';
import { inspect } from './inspect.ts';
import { restart, rm, start } from './lifecycle.ts';
import { logs } from './logs.ts';
import { ps } from './ps.ts';
import { top } from './top.ts';
import { build } from './build.ts';
import { history } from './history.ts';
import { images } from './images.ts';

type Command = (args: readonly string[], envp: readonly string[]) => Gen<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  run,
  exec,
  stop,
  kill,
  ps,
  logs,
  rm,
  start,
  restart,
  top,
  inspect,
  build,
  history,
  images,
};

/** Every command `docker --help` lists (its indented first words). */
const KNOWN = new Set(
  [...DOCKER_HELP.matchAll(/^ {2}([a-z][\w-]*)\*? {2,}/gm)].map((m) => m[1] as string),
);

/**
 * The docker CLI (Docker 28.2.2): the client side of each command, talking to
 * the daemon through its socket. Usage and flag errors are the client's own
 * texts (captured from the real client: scripts/capture-docker-texts.sh).
 */
export const docker = program(
  'docker-28.2.2/docker',
  { vszKb: 1853000, rssKb: 38000 },
  function* ({ argv, envp }) {
    const args = argv.slice(1);
    const first = args[0];
    if (first === undefined) {
      yield* err(DOCKER_HELP);
      return 0;
    }
    if (first === '--help' || first === '-h') {
      yield* out(DOCKER_HELP);
      return 0;
    }
    const command = COMMANDS[first];
    if (command) return yield* command(args.slice(1), envp);
    if (KNOWN.has(first)) {
      yield* err(
        `docker: '${first}' is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n`,
      );
      return 1;
    }
    yield* err(
      `docker: unknown command: docker ${first}\n\nRun 'docker --help' for more information\n`,
    );
    return 1;
  },
);
