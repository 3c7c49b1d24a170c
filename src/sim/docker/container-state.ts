import type { Container } from './container.ts';

/**
 * moby's State.StateString(): created, running or exited. Its own module so
 * the host snapshot, which the terminal's first chunk carries, does not bring
 * `docker ps`'s words along (issue 6's size budget).
 */
export function stateString(container: Container): string {
  if (container.state === 'running') return 'running';
  return container.startedAt === 0 || container.startError !== undefined ? 'created' : 'exited';
}
