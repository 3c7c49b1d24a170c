/**
 * The performance mark <stepdown-terminal> sets once its first prompt is on
 * screen: the benchmark's time to a ready terminal (scripts/bench-browser.ts),
 * and what the service worker's registration waits for (src/offline/register.ts).
 */
export const TERMINAL_READY_MARK = 'stepdown:terminal-ready';
