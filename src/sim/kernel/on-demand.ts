/**
 * Code the simulator reads in when it is first needed (ADR 0010). The site
 * ships the simulator in pieces: the kernel, the shells and the terminal come
 * first, the other programs and the Docker daemon arrive when a process first
 * runs them, the way a real kernel reads an executable's pages from disk. A
 * process that needs code that is not here yet sleeps until it arrives; when its
 * fetch fails, the wait ends in EIO (a read-ahead's failure is forgotten).
 *
 * Node (the tests, the CLI, the replay) provides every piece before the first
 * host boots (src/sim/index.ts), so nothing ever waits there and a run stays
 * deterministic. The only asynchronous part is the fetch itself, which the
 * host awaits between two slices, like input from the terminal.
 */
import { Errno } from './errno.ts';

type State<T> =
  | { readonly kind: 'absent' }
  | { readonly kind: 'fetching'; readonly settled: Promise<void> }
  | { readonly kind: 'here'; readonly value: T }
  | { readonly kind: 'failed' };

/** Fetches in flight, for hosts waiting to wake their sleepers. */
const inFlight = new Set<Promise<unknown>>();
/** How many fetches have settled: a host compares it to know whether code came while it looked away. */
let settledCount = 0;

export class OnDemand<T> {
  private state: State<T> = { kind: 'absent' };
  readonly what: string;
  private readonly fetch: () => Promise<T>;

  /** `what` names the piece for messages; `fetch` is a dynamic import. */
  constructor(what: string, fetch: () => Promise<T>) {
    this.what = what;
    this.fetch = fetch;
  }

  /** Hands the code over up front (Node); later fetches are never started. */
  provide(value: T): void {
    this.state = { kind: 'here', value };
  }

  /** The code if it is here, without starting a fetch. */
  peek(): T | undefined {
    return this.state.kind === 'here' ? this.state.value : undefined;
  }

  /**
   * Starts reading the code ahead of need (the terminal does once its prompt
   * is up). A read-ahead that fails is forgotten, as Linux forgets a failed
   * readahead: whoever needs the code next fetches it again.
   */
  prefetch(): void {
    if (this.state.kind === 'absent') void this.start(true);
  }

  /**
   * The code if it is here; otherwise starts fetching it (once) and answers
   * undefined, or EIO once, when a fetch started here failed (the next call
   * tries again). A caller that finds a read-ahead on its way waits for it,
   * and fetches again itself if it fails (filemap_fault re-reads a page once).
   */
  get(): T | Errno | undefined {
    switch (this.state.kind) {
      case 'here':
        return this.state.value;
      case 'fetching':
        return undefined;
      case 'failed':
        this.state = { kind: 'absent' };
        return new Errno('EIO');
      case 'absent':
        void this.start(false);
        return undefined;
    }
  }

  /** The code, fetching it first if need be (rejects when the fetch fails). */
  whenHere(): Promise<T> {
    if (this.state.kind === 'here') return Promise.resolve(this.state.value);
    const settled = this.state.kind === 'fetching' ? this.state.settled : this.start(false);
    return settled.then(() => {
      const value = this.peek();
      if (value === undefined) throw new Error(`${this.what}: the code could not be fetched`);
      return value;
    });
  }

  /** Starts the fetch; the promise settles once it has arrived or failed. */
  private start(readAhead: boolean): Promise<void> {
    const settled = this.fetch().then(
      (value) => {
        this.state = { kind: 'here', value };
        settledCount++;
      },
      () => {
        this.state = readAhead ? { kind: 'absent' } : { kind: 'failed' };
        settledCount++;
      },
    );
    this.state = { kind: 'fetching', settled };
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
    return settled;
  }
}

/** A count that changes each time a fetch arrives or fails. */
export function codeSettledCount(): number {
  return settledCount;
}

/** Whether any code is on its way. */
export function codeInFlight(): boolean {
  return inFlight.size > 0;
}

/** Settles when the fetches in flight now have arrived or failed. */
export function codeArrived(): Promise<void> {
  return Promise.all(inFlight).then(() => undefined);
}
