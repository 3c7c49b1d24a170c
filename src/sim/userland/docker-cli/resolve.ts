import type { EngineError } from '../../docker/api.ts';
import { err, type Gen } from '../lib/io.ts';
import { callDaemon } from './daemon.ts';

/** A container by id, id prefix or name, as the daemon resolves it. */
export function* resolve(ref: string): Gen<string | null> {
  return (yield* callDaemon({ op: 'resolve', ref })) as string | null;
}

/** "Error response from daemon: …" on stderr (commands other than run print no "docker: " prefix). */
export function* daemonError(error: EngineError): Gen<void> {
  yield* err(`Error response from daemon: ${error.error}\n`);
}
