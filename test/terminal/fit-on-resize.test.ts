import { describe, expect, it } from 'vitest';
import { fitOnResize } from '../../src/terminal/fit-on-resize.ts';

/** A ResizeObserver and an animation-frame queue the test drives by hand. */
function harness() {
  const calls: string[] = [];
  let notify = (): void => undefined;
  const frames: (() => void)[] = [];
  const observer = (callback: () => void) => {
    notify = callback;
    return {
      observe: () => calls.push('observe'),
      disconnect: () => calls.push('disconnect'),
    };
  };
  const runFrames = (): void => {
    for (const frame of frames.splice(0)) frame();
  };
  return {
    calls,
    start: () =>
      fitOnResize(
        {} as Element,
        () => calls.push('fit'),
        observer,
        (run) => frames.push(run),
      ),
    resize: () => {
      notify();
    },
    runFrames,
  };
}

describe('fitOnResize', () => {
  it('fits once at start and once per frame however many resizes arrive', () => {
    const h = harness();
    h.start();
    h.resize();
    h.resize();
    h.resize();
    h.runFrames();
    h.resize();
    h.runFrames();
    expect(h.calls).toEqual(['observe', 'fit', 'fit', 'fit']);
  });

  it('stops observing on dispose and drops a pending fit', () => {
    const h = harness();
    const fitting = h.start();
    h.resize();
    fitting.dispose();
    h.runFrames();
    h.resize();
    h.runFrames();
    expect(h.calls).toEqual(['observe', 'fit', 'disconnect']);
  });
});
