import type { TerminalPort } from '../../src/sim/index.ts';

/** A TerminalPort that records what it is sent and prints what the test tells it to. */
export class FakePort implements TerminalPort {
  readonly written: string[] = [];
  readonly sizes: [number, number][] = [];
  disposed = false;
  readonly #listeners = new Set<(data: string) => void>();

  write(data: string): void {
    this.written.push(data);
  }

  onOutput(listener: (data: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  resize(cols: number, rows: number): void {
    this.sizes.push([cols, rows]);
  }

  dispose(): void {
    this.disposed = true;
  }

  /** The host prints `data`. */
  print(data: string): void {
    for (const listener of this.#listeners) listener(data);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
