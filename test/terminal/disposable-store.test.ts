import { describe, expect, it } from 'vitest';
import { DisposableStore, toDisposable } from '../../src/terminal/disposable-store.ts';

function recorder(): { log: string[]; item: (name: string) => { dispose(): void } } {
  const log: string[] = [];
  return { log, item: (name) => toDisposable(() => log.push(name)) };
}

describe('DisposableStore', () => {
  it('releases everything once, last added first', () => {
    const { log, item } = recorder();
    const store = new DisposableStore();
    store.add(item('a'));
    store.add(item('b'));
    store.dispose();
    store.dispose();
    expect(log).toEqual(['b', 'a']);
    expect(store.isDisposed).toBe(true);
  });

  it('releases at once what is added after dispose', () => {
    const { log, item } = recorder();
    const store = new DisposableStore();
    store.dispose();
    store.add(item('late'));
    expect(log).toEqual(['late']);
  });

  it('toDisposable runs its release function only once', () => {
    const { log, item } = recorder();
    const once = item('x');
    once.dispose();
    once.dispose();
    expect(log).toEqual(['x']);
  });
});
