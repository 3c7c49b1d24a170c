import { SIGTERM } from '../kernel/signals.ts';

/**
 * docker stop: the stop signal (STOPSIGNAL or --stop-signal, else SIGTERM),
 * then SIGKILL after the timeout, which defaults to the daemon's 10 seconds
 * on Linux (docker/cli container_stop.md; facts.md §5).
 */
export const DEFAULT_STOP_SIGNAL = SIGTERM;
export const DEFAULT_STOP_TIMEOUT_S = 10;
