import { describe, expect, it } from 'vitest';
import {
  fitOnResize,
  nextContentBox,
  type BoxSize,
  type ResizeObserverFactory,
} from '../../src/terminal/fit-on-resize.ts';

/** A ResizeObserver the test notifies by hand, as the browser does after each layout. */
function harness() {
  const calls: string[] = [];
  let notify: (size: BoxSize) => void = () => undefined;
  const observer: ResizeObserverFactory = (callback) => {
    notify = callback;
    return {
      observe: () => calls.push('observe'),
      disconnect: () => calls.push('disconnect'),
    };
  };
  return { calls, observer, layout: (size: BoxSize) => notify(size) };
}

const element = {} as Element;

describe('fitOnResize', () => {
  it('fits only when the observer reports a size (never synchronously, which would force a layout)', () => {
    const h = harness();
    fitOnResize(element, () => h.calls.push('fit'), h.observer);
    expect(h.calls).toEqual(['observe']);
    h.layout({ width: 400, height: 300 });
    h.layout({ width: 380, height: 300 });
    expect(h.calls).toEqual(['observe', 'fit', 'fit']);
  });

  it('stops observing on dispose and ignores a late notification', () => {
    const h = harness();
    const fitting = fitOnResize(element, () => h.calls.push('fit'), h.observer);
    h.layout({ width: 400, height: 300 });
    fitting.dispose();
    h.layout({ width: 380, height: 300 });
    expect(h.calls).toEqual(['observe', 'fit', 'disconnect']);
  });
});

describe('nextContentBox', () => {
  it('settles with the first size the observer reports, then stops observing', async () => {
    const h = harness();
    const box = nextContentBox(element, h.observer);
    expect(h.calls).toEqual(['observe']);
    h.layout({ width: 412, height: 384 });
    expect(await box).toEqual({ width: 412, height: 384 });
    expect(h.calls).toEqual(['observe', 'disconnect']);
  });
});
