import type { LineInput, OpenFile } from '../kernel/files.ts';

/**
 * Standard input for a shell fed from a script (the plain CLI, tests): it
 * hands out one line per read, with no prompt and no echo, and end of file
 * after the last line.
 */
export class ScriptInput implements OpenFile {
  readonly isTerminal = false;
  private readonly lines: string[];

  constructor(script: string) {
    this.lines = script.split('\n');
    if (this.lines.at(-1) === '') this.lines.pop();
  }

  readLine(): LineInput {
    const line = this.lines.shift();
    return line === undefined ? { eof: true } : { line };
  }

  read(): string {
    const line = this.lines.shift();
    return line === undefined ? '' : line + '\n';
  }

  write(): number {
    return 0;
  }

  get remaining(): number {
    return this.lines.length;
  }
}
