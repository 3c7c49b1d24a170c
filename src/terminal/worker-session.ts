/**
 * The page's side of the terminal (ADR 0007): a login on the host that
 * runs in the worker, as a TerminalSession, so PortAttachAddon attaches
 * to it exactly as it would to a host on the page.
 */
import type { TerminalSession } from '../sim/index.ts';
import type { Channel, FromHost, ToHost } from './worker-protocol.ts';

/** A TerminalSession whose output must be acknowledged once it is on screen. */
export interface WorkerSession extends TerminalSession {
  /** `chars` characters of output have been drawn (the worker may run on). */
  acknowledge(chars: number): void;
}

/** Opens a login of `cols` × `rows` on the worker's host. */
export function openWorkerSession(
  channel: Channel<ToHost, FromHost>,
  size: { readonly cols: number; readonly rows: number },
): WorkerSession {
  const outputListeners = new Set<(data: string) => void>();
  const flushListeners = new Set<() => void>();
  const exitListeners = new Set<(status: number) => void>();
  let disposed = false;
  const receive = ({ data: message }: { data: FromHost }): void => {
    if (message.type === 'output') for (const listener of outputListeners) listener(message.data);
    else if (message.type === 'flush') for (const listener of flushListeners) listener();
    else for (const listener of exitListeners) listener(message.status);
  };
  const send = (message: ToHost): void => {
    if (!disposed) channel.postMessage(message);
  };
  channel.addEventListener('message', receive);
  send({ type: 'open', cols: size.cols, rows: size.rows });
  return {
    write: (data) => send({ type: 'write', data }),
    resize: (cols, rows) => send({ type: 'resize', cols, rows }),
    // Sent even after dispose: the worker counts output across logins.
    acknowledge: (chars) => channel.postMessage({ type: 'ack', chars }),
    onOutput: (listener, options) => {
      const onFlush = options?.onFlush;
      outputListeners.add(listener);
      if (onFlush) flushListeners.add(onFlush);
      return () => {
        outputListeners.delete(listener);
        if (onFlush) flushListeners.delete(onFlush);
      };
    },
    onExit: (listener) => {
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      channel.removeEventListener('message', receive);
      outputListeners.clear();
      flushListeners.clear();
      exitListeners.clear();
    },
  };
}
