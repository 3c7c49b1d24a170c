import { describe, expect, it } from 'vitest';
import { registerServiceWorker, type RegistrationEnvironment } from '../../src/offline/register.ts';
import { toDisposable } from '../../src/terminal/disposable-store.ts';

/** An environment whose terminal and idle moments the test brings about, step by step. */
function fakeEnvironment(
  base = '/',
  register: (url: string) => Promise<unknown> = () => Promise.resolve(),
) {
  const steps: string[] = [];
  let ready: (() => void) | undefined;
  let idle: (() => void) | undefined;
  const env: RegistrationEnvironment = {
    base,
    whenTerminalReady(callback) {
      steps.push('waits for a ready terminal');
      ready = callback;
    },
    whenIdle(callback) {
      steps.push('waits for idle');
      idle = callback;
      return toDisposable(() => undefined);
    },
    register(url) {
      steps.push(`registers ${url}`);
      return register(url);
    },
  };
  return {
    env,
    steps,
    terminalReady: () => ready?.(),
    browserIdle: () => idle?.(),
  };
}

describe('registerServiceWorker', () => {
  it('registers sw.js only once a terminal is ready and the browser then idle', () => {
    const fake = fakeEnvironment();
    registerServiceWorker(fake.env);
    expect(fake.steps).toEqual(['waits for a ready terminal']);
    fake.terminalReady();
    expect(fake.steps).toEqual(['waits for a ready terminal', 'waits for idle']);
    fake.browserIdle();
    expect(fake.steps).toEqual([
      'waits for a ready terminal',
      'waits for idle',
      'registers /sw.js',
    ]);
  });

  it('finds sw.js at the site’s base, with or without its trailing slash', () => {
    const urls = ['/docs/stepdown/', '/docs/stepdown'].map((base) => {
      const fake = fakeEnvironment(base);
      registerServiceWorker(fake.env);
      fake.terminalReady();
      fake.browserIdle();
      return fake.steps.at(-1);
    });
    expect(urls).toEqual(['registers /docs/stepdown/sw.js', 'registers /docs/stepdown/sw.js']);
  });

  it('lets a refused registration go: the site stays online-only, with no unhandled rejection', async () => {
    let rejected = false;
    const fake = fakeEnvironment('/', () => {
      rejected = true;
      return Promise.reject(new DOMException('The document is sandboxed', 'SecurityError'));
    });
    registerServiceWorker(fake.env);
    fake.terminalReady();
    fake.browserIdle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rejected).toBe(true);
  });

  it('does nothing where there is nothing to register (no service workers, astro dev)', () => {
    expect(() => registerServiceWorker(undefined)).not.toThrow();
  });
});
