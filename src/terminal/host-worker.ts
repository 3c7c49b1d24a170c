/**
 * The Web Worker that runs the simulated host off the page's main thread
 * (ADR 0007). Started by mount.ts; speaks worker-protocol.ts through the
 * worker's global scope (`self`).
 */
import { serveHost } from './host-server.ts';

serveHost(self);
