import type { Channel } from '../../src/terminal/worker-protocol.ts';

type Listener<T> = (event: { data: T }) => void;

/** One end of a fake MessageChannel: messages are cloned and delivered as later tasks. */
class End<Out, In> implements Channel<Out, In> {
  readonly listeners = new Set<Listener<In>>();
  other: End<In, Out> | undefined;
  readonly sent: Out[] = [];

  postMessage(message: Out): void {
    this.sent.push(message);
    const copy = structuredClone(message);
    const target = this.other;
    setTimeout(() => {
      for (const listener of [...(target?.listeners ?? [])]) listener({ data: copy });
    }, 0);
  }

  addEventListener(_type: 'message', listener: Listener<In>): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener<In>): void {
    this.listeners.delete(listener);
  }
}

/** The page's end and the worker's end of a channel, as a Worker and its global scope see it. */
export function fakeChannel<PageToWorker, WorkerToPage>(): {
  page: End<PageToWorker, WorkerToPage>;
  worker: End<WorkerToPage, PageToWorker>;
} {
  const page = new End<PageToWorker, WorkerToPage>();
  const worker = new End<WorkerToPage, PageToWorker>();
  page.other = worker;
  worker.other = page;
  return { page, worker };
}
