import { toDisposable, type Disposable } from './disposable-store.ts';

type ResizeObserverLike = Pick<ResizeObserver, 'observe' | 'disconnect'>;
type ResizeObserverFactory = (callback: () => void) => ResizeObserverLike;

const browserResizeObserver: ResizeObserverFactory = (callback) => new ResizeObserver(callback);

/**
 * Calls `fit` whenever `element` changes size, at most once per animation
 * frame, and once now. FitAddon.fit() reads layout, so batching matters when
 * a drag resizes the window.
 */
export function fitOnResize(
  element: Element,
  fit: () => void,
  createObserver: ResizeObserverFactory = browserResizeObserver,
  schedule: (run: () => void) => void = (run) => requestAnimationFrame(run),
): Disposable {
  let pending = false;
  let disposed = false;
  const observer = createObserver(() => {
    if (pending || disposed) return;
    pending = true;
    schedule(() => {
      pending = false;
      if (!disposed) fit();
    });
  });
  observer.observe(element);
  fit();
  return toDisposable(() => {
    disposed = true;
    observer.disconnect();
  });
}
