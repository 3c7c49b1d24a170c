/**
 * The service worker's script (ADR 0013), bundled at build time into sw.js
 * at the root of the site by scripts/service-worker.ts, which replaces
 * `__STEPDOWN_PRECACHE__` with the built files' precache.
 */
import type { Precache } from './precache.ts';
import { serveOffline, type ServiceWorkerScope } from './service-worker.ts';

declare const __STEPDOWN_PRECACHE__: Precache;

serveOffline(self as unknown as ServiceWorkerScope, __STEPDOWN_PRECACHE__);
