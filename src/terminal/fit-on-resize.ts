import { toDisposable, type Disposable } from './disposable-store.ts';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

type ResizeObserverLike = Pick<ResizeObserver, 'observe' | 'disconnect'>;
export type ResizeObserverFactory = (callback: (size: BoxSize) => void) => ResizeObserverLike;

const browserResizeObserver: ResizeObserverFactory = (callback) =>
  new ResizeObserver((entries) => {
    const box = entries.at(-1)?.contentRect;
    if (box) callback({ width: box.width, height: box.height });
  });

/**
 * Calls `fit` from a ResizeObserver: first when the browser next lays the
 * page out (the observer's initial notification), then whenever `element`
 * changes size. Observers are notified after layout and at most once per
 * frame, so FitAddon.fit(), which reads computed styles, finds the layout
 * clean instead of forcing a synchronous one, and a window drag costs one
 * fit a frame.
 */
export function fitOnResize(
  element: Element,
  fit: () => void,
  createObserver: ResizeObserverFactory = browserResizeObserver,
): Disposable {
  let disposed = false;
  const observer = createObserver(() => {
    if (!disposed) fit();
  });
  observer.observe(element);
  return toDisposable(() => {
    disposed = true;
    observer.disconnect();
  });
}

/**
 * The size of `element`'s content box at the browser's next layout, read
 * from a ResizeObserver rather than clientWidth, which would force a layout
 * while the page is still settling.
 */
export function nextContentBox(
  element: Element,
  createObserver: ResizeObserverFactory = browserResizeObserver,
): Promise<BoxSize> {
  return new Promise((resolve) => {
    const observer = createObserver((size) => {
      observer.disconnect();
      resolve(size);
    });
    observer.observe(element);
  });
}
