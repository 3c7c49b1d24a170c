/**
 * Registers the service worker that keeps the site working offline (ADR
 * 0013), from the terminal's script bundle (src/components/Terminal.astro):
 * once a terminal is ready and the browser is then idle, so that the
 * precache's downloads never compete with the terminal's startup (most of
 * what it precaches is then in the HTTP cache already). A browser without
 * service workers, a sandboxed frame where they are refused, or a failed
 * registration leaves the site as it is: online only.
 */
import { browserTriggers, type TriggerEnvironment } from '../terminal/load-trigger.ts';
import { TERMINAL_READY_MARK } from '../terminal/ready-mark.ts';
import { SERVICE_WORKER_FILE } from './precache.ts';

/** The browser facilities the registration waits on and calls; tests pass fakes. */
export interface RegistrationEnvironment {
  /** The site's base URL (Astro's BASE_URL), where the service worker's script is. */
  readonly base: string;
  /** Calls back once a terminal on the page has its first prompt up. */
  whenTerminalReady(callback: () => void): void;
  whenIdle: TriggerEnvironment['whenIdle'];
  register(url: string): Promise<unknown>;
}

export function registerServiceWorker(
  env: RegistrationEnvironment | undefined = browserEnvironment(),
): void {
  if (!env) return;
  const url = `${env.base.replace(/\/?$/, '/')}${SERVICE_WORKER_FILE}`;
  env.whenTerminalReady(() => {
    env.whenIdle(() => {
      env.register(url).catch(() => undefined);
    });
  });
}

/** Undefined where there is nothing to register: in `astro dev`, or without service workers. */
function browserEnvironment(): RegistrationEnvironment | undefined {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined;
  return {
    base: import.meta.env.BASE_URL,
    whenTerminalReady(callback) {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName(TERMINAL_READY_MARK).length === 0) return;
        observer.disconnect();
        callback();
      });
      observer.observe({ type: 'mark', buffered: true });
    },
    whenIdle: (callback) => browserTriggers.whenIdle(callback),
    // async: reading navigator.serviceWorker throws in a sandboxed frame; that becomes a rejection.
    register: async (url) => navigator.serviceWorker.register(url),
  };
}
