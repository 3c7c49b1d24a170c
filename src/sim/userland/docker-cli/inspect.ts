import type { InspectData } from '../../docker/container-view.ts';
import { err, out } from '../lib/io.ts';
import { command, flag } from './command.ts';
import { callDaemon } from './daemon.ts';
import {
  executeTemplate,
  nilSlice,
  parseTemplate,
  stringSlice,
  type GoValue,
} from './go-template.ts';
import { INSPECT_HELP } from './help-texts.ts';

/** The container as Go's typed container.InspectResponse holds it: nil slices stay nil. */
function goValue(data: InspectData): GoValue {
  return {
    ...data,
    Args: data.Args,
    State: { ...data.State },
    Config: {
      ...data.Config,
      Env: data.Config.Env,
      Cmd: stringSlice(data.Config.Cmd ?? undefined),
      Entrypoint: data.Config.Entrypoint === null ? nilSlice : data.Config.Entrypoint,
    },
  };
}

/**
 * `docker inspect -f TEMPLATE CONTAINER…`: the template applied to each
 * container, one result per line (docker/cli cli/command/inspect). A
 * template that does not parse is refused before any request, with
 * "template parsing error: …" and status 64 (observed with the 28.2.2
 * client); an unknown name prints an empty line and "Error: No such object:
 * NAME" on stderr, status 1. Without -f the client prints the whole JSON
 * document, which the simulator does not carry yet.
 */
export const inspect = command({
  name: 'inspect',
  help: INSPECT_HELP,
  minArgs: 1,
  *run(flags, args) {
    const format = flag(flags, 'format');
    const unmodelled = [...flags.keys()].find((f) => !['format', 'help'].includes(f));
    if (format === undefined || format === 'json' || unmodelled) {
      yield* err(
        'docker: inspect without a -f template is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n',
      );
      return 1;
    }
    const template = parseTemplate(format);
    if ('error' in template) {
      yield* err(`template parsing error: ${template.error}\n`);
      return 64;
    }
    let results = '';
    const missing: string[] = [];
    for (const ref of args) {
      const data = (yield* callDaemon({ op: 'inspect', ref })) as InspectData | null;
      if (data === null) missing.push(ref);
      else results += executeTemplate(template, goValue(data)) + '\n';
    }
    yield* out(results === '' ? '\n' : results);
    if (missing.length === 0) return 0;
    yield* err(missing.map((ref) => `Error: No such object: ${ref}\n`).join(''));
    return 1;
  },
});
