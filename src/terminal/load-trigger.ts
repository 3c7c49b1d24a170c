import { DisposableStore, toDisposable, type Disposable } from './disposable-store.ts';

/** The browser facilities the trigger waits on; tests pass fakes. */
export interface TriggerEnvironment {
  /** Calls back once the element is (partly) in the viewport. */
  whenVisible(element: Element, callback: () => void): Disposable;
  /** Calls back once the browser is idle after the page loaded. */
  whenIdle(callback: () => void): Disposable;
}

export const browserTriggers: TriggerEnvironment = {
  whenVisible(element, callback) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) callback();
    });
    observer.observe(element);
    return toDisposable(() => observer.disconnect());
  },
  whenIdle(callback) {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(callback, { timeout: 3000 });
      return toDisposable(() => cancelIdleCallback(handle));
    }
    const handle = setTimeout(callback, 200);
    return toDisposable(() => clearTimeout(handle));
  },
};

/**
 * Runs `load` once, at the first of: the element becomes visible, the
 * browser is idle, or the user points at or focuses the element. Keeps the
 * terminal's code off the critical path while the page paints.
 */
export function loadOnFirstTrigger(
  element: Element,
  load: () => void,
  env: TriggerEnvironment = browserTriggers,
): Disposable {
  const store = new DisposableStore();
  const fire = (): void => {
    if (store.isDisposed) return;
    store.dispose();
    load();
  };
  store.add(env.whenVisible(element, fire));
  store.add(env.whenIdle(fire));
  for (const type of ['pointerdown', 'focusin'] as const) {
    element.addEventListener(type, fire);
    store.add(toDisposable(() => element.removeEventListener(type, fire)));
  }
  return store;
}
