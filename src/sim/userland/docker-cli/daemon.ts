import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from '../lib/io.ts';

/** One request to the Docker daemon over its socket (the `service` system call). */
export function* callDaemon(request: unknown): Gen<unknown> {
  return yield* sys.service('docker', request);
}
