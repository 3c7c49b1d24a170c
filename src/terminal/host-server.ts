/**
 * The worker's side of the terminal (ADR 0007): one simulated host whose
 * login sessions speak the messages of worker-protocol.ts. It runs the
 * simulation in slices, lets virtual time follow real time, batches output
 * into one message per slice and passes the page's acknowledgements to the
 * session's flow control (writers to the terminal wait while 64 KiB are not
 * on screen, src/sim/tty). No DOM: the unit tests drive it in Node through a
 * fake channel.
 */
import { createHost, prefetchPieces, type TerminalSession } from '../sim/index-on-demand.ts';
import { DisposableStore, toDisposable, type Disposable } from './disposable-store.ts';
import { followRealTime, type Timers } from './real-time-clock.ts';
import type { Channel, FromHost, ToHost } from './worker-protocol.ts';

export interface HostServerOptions {
  /** Runs a callback as a later task (setTimeout in a worker). */
  readonly defer?: (run: () => void) => void;
  /** Real time, for the virtual clock (the browser's by default). */
  readonly timers?: Timers;
}

export function serveHost(
  channel: Channel<FromHost, ToHost>,
  options: HostServerOptions = {},
): Disposable {
  const store = new DisposableStore();
  const defer = options.defer ?? ((run: () => void) => void setTimeout(run, 0));
  const host = createHost({
    defer: (slice) =>
      defer(() => {
        if (store.isDisposed) return;
        slice();
        clock.poke();
      }),
  });
  const clock = store.add(followRealTime(host, options.timers));

  let pending = '';
  const flush = (): void => {
    if (pending === '' || store.isDisposed) return;
    channel.postMessage({ type: 'output', data: pending });
    pending = '';
  };

  let session: TerminalSession | undefined;
  /** The current login's listeners; a new `open` ends the previous login. */
  let current = store.add(new DisposableStore());

  const open = (cols: number, rows: number): void => {
    current.dispose();
    current = store.add(new DisposableStore());
    const next = host.openTerminal({ cols, rows });
    const mine = current;
    current.add(toDisposable(() => next.dispose()));
    current.add(
      toDisposable(
        next.onOutput(
          (data) => {
            if (pending === '') queueMicrotask(flush);
            pending += data;
            clock.poke();
          },
          {
            flowControl: true,
            // What is batched goes first: the page drops all of it that it has not drawn.
            onFlush: () => {
              flush();
              channel.postMessage({ type: 'flush' });
            },
          },
        ),
      ),
    );
    current.add(
      toDisposable(
        next.onExit((status) => {
          if (mine.isDisposed) return;
          queueMicrotask(() => {
            flush();
            channel.postMessage({ type: 'exit', status });
          });
        }),
      ),
    );
    session = next;
    clock.poke();
    // The prompt is up: fetch the rest of the simulator meanwhile (ADR 0010).
    defer(prefetchPieces);
  };

  const receive = ({ data: message }: { data: ToHost }): void => {
    switch (message.type) {
      case 'open':
        open(message.cols, message.rows);
        break;
      case 'write':
        session?.write(message.data);
        clock.poke();
        break;
      case 'resize':
        session?.resize(message.cols, message.rows);
        break;
      case 'ack':
        // Acknowledgements for an earlier login reach the current one: at worst a
        // writer gets one buffer early (the count never goes below zero).
        session?.acknowledge?.(message.chars);
        break;
    }
  };
  channel.addEventListener('message', receive);
  store.add(toDisposable(() => channel.removeEventListener('message', receive)));
  return store;
}
