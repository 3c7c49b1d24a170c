import type { LineInput, OpenFile } from '../kernel/files.ts';

/**
 * Standard input for a shell fed from a script (the plain CLI, tests): it
 * hands out one line per read, with no prompt and no echo, and end of file
 * after the last line.
 */
export class ScriptInput implements OpenFile {
  readonly isTerminal = false;
  private readonly lines: string[];
  private partial = '';

  constructor(script: string) {
    this.lines = script.split('\n');
    if (this.lines.at(-1) === '') this.lines.pop();
  }

  readLine(): LineInput {
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
