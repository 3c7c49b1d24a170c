import type { Package } from './package.ts';

/** Tools that start, switch and signal processes (kill, setpriv, su, tini, redis-server …). */
export const PROCESS_TOOL_PACKAGES: readonly Package[] = [];
