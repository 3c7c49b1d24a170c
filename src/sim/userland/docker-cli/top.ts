import { isEngineError, type EngineError, type TopResponse } from '../../docker/api.ts';
import { out } from '../lib/io.ts';
import { command } from './command.ts';
import { callDaemon } from './daemon.ts';
import { TOP_HELP } from './help-texts.ts';
import { daemonError, resolve } from './resolve.ts';
import { tabwrite } from './tabwriter.ts';

/**
 * `docker top CONTAINER [ps OPTIONS]`: the daemon's table of the container's
 * processes (host ps, default -ef, host PIDs), printed through a tabwriter
 * of minimum width 20 and padding 3 (docker/cli cli/command/container/top.go).
 */
export const top = command({
  name: 'top',
  help: TOP_HELP,
  minArgs: 1,
  *run(_flags, args) {
    const [ref = '', ...psArgs] = args;
    const id = yield* resolve(ref);
    if (id === null) {
      yield* daemonError({ error: `No such container: ${ref}`, status: 1 });
      return 1;
    }
    const reply = (yield* callDaemon({ op: 'top', id, psArgs })) as TopResponse | EngineError;
    if (isEngineError(reply)) {
      yield* daemonError(reply);
      return 1;
    }
    yield* out(tabwrite([reply.titles, ...reply.processes], 20, 3));
    return 0;
  },
});
