import { describe, expect, it } from 'vitest';
import { toDisposable } from '../../src/terminal/disposable-store.ts';
import { loadOnFirstTrigger, type TriggerEnvironment } from '../../src/terminal/load-trigger.ts';

/** Fake visibility, idleness and an element that only records listeners. */
function harness() {
  let visible = (): void => undefined;
  let idle = (): void => undefined;
  const released: string[] = [];
  const listeners = new Map<string, () => void>();
  const env: TriggerEnvironment = {
    whenVisible: (_element, callback) => {
      visible = callback;
      return toDisposable(() => released.push('visible'));
    },
    whenIdle: (callback) => {
      idle = callback;
      return toDisposable(() => released.push('idle'));
    },
  };
  const element = {
    addEventListener: (type: string, listener: () => void) => listeners.set(type, listener),
    removeEventListener: (type: string) => {
      listeners.delete(type);
      released.push(type);
    },
  } as unknown as Element;
  let loads = 0;
  loadOnFirstTrigger(element, () => (loads += 1), env);
  return {
    loads: () => loads,
    released,
    visible: () => visible(),
    idle: () => idle(),
    dispatch: (type: string) => listeners.get(type)?.(),
  };
}

describe('loadOnFirstTrigger', () => {
  it.each(['visible', 'idle', 'pointerdown', 'focusin'])(
    'loads once on %s and releases every other trigger',
    (first) => {
      const h = harness();
      if (first === 'visible') h.visible();
      else if (first === 'idle') h.idle();
      else h.dispatch(first);
      h.visible();
      h.idle();
      expect(h.loads()).toBe(1);
      expect(h.released.sort()).toEqual(['focusin', 'idle', 'pointerdown', 'visible']);
    },
  );
});
