import { createHost } from '../../../src/sim/index.ts';

/**
 * A terminal on a host whose slices the test runs one by one, as the page's
 * setTimeout would (Host's `defer` hook): what the page sees, slice by slice.
 */
export function slicedTerminal() {
  const queue: (() => void)[] = [];
  const host = createHost({ defer: (callback) => queue.push(callback) });
  const port = host.openTerminal();
  let screen = '';
  port.onOutput((data) => (screen += data));
  let slices = 0;
  /** Runs up to `max` slices; returns how many ran. */
  const pump = (max: number) => {
    let ran = 0;
    for (; ran < max && queue.length > 0; ran++) queue.shift()?.();
    slices += ran;
    return ran;
  };
  return {
    host,
    port,
    pump,
    screen: () => screen,
    /** Slices run so far. */
    slices: () => slices,
    /** Slices waiting to run. */
    pending: () => queue.length,
  };
}
