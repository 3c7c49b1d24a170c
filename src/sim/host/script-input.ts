import { WOULD_BLOCK, type LineInput, type OpenFile } from '../kernel/files.ts';

/**
 * Standard input for a shell fed from a script (the plain CLI, tests): it
 * hands out one line per read, with no prompt and no echo, and end of file
 * after the last line.
 *
 * Paced, it types like a person at the prompt: the shell's next line waits
 * until the driver calls `typeNext()` after a scheduler slice, so what the
 * last command started (a container's entrypoint, a background job) runs
 * until it waits before the next command arrives, as it would in the
 * seconds a learner takes to type. Without pacing, `docker run -d …` then
 * `docker stop …` would stop a container whose entrypoint has not reached
 * its `exec` yet.
 */
export class ScriptInput implements OpenFile {
  readonly isTerminal = false;
  private readonly lines: string[];
  private readonly paced: boolean;
  private partial = '';
  private typed = false;
  private waiting: (() => void) | undefined;

  constructor(script: string, options: { readonly paced?: boolean } = {}) {
    this.lines = script.split('\n');
    if (this.lines.at(-1) === '') this.lines.pop();
    this.paced = options.paced ?? false;
  }

  readonly onReadable = (wake: () => void): (() => void) => {
    this.waiting = wake;
    return () => {
      if (this.waiting === wake) this.waiting = undefined;
    };
  };

  /** Lets a shell waiting at the prompt have its next line; false when none waits. */
  typeNext(): boolean {
    const wake = this.waiting;
    if (!wake) return false;
    this.waiting = undefined;
    this.typed = true;
    wake();
    return true;
  }

  readLine(): LineInput | typeof WOULD_BLOCK {
    if (this.paced) {
      if (!this.typed) return WOULD_BLOCK;
      this.typed = false;
    }
    if (this.partial !== '') {
      const rest = this.partial.replace(/\n$/, '');
      this.partial = '';
      return { line: rest };
    }
    const line = this.lines.shift();
    return line === undefined ? { eof: true } : { line };
  }

  /** One line per read, or its first `count` characters (the rest comes next). */
  read(count = Infinity): string {
    if (this.partial === '') {
      const line = this.lines.shift();
      if (line === undefined) return '';
      this.partial = line + '\n';
    }
    const chunk = this.partial.slice(0, count);
    this.partial = this.partial.slice(chunk.length);
    return chunk;
  }

  write(): number {
    return 0;
  }

  get remaining(): number {
    return this.lines.length;
  }
}
