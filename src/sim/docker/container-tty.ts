import { WOULD_BLOCK, type LineInput, type OpenFile } from '../kernel/files.ts';

/** Output post-processing of a terminal (termios ONLCR): "\n" leaves as "\r\n". */
export const onlcr = (data: string): string => data.replace(/\r?\n/g, '\r\n');

const DEFAULT_SIZE = { cols: 80, rows: 24 } as const;

/**
 * The pseudo-terminal Docker gives a container or an exec with -t. What the
 * processes write leaves with CR LF (stdout and stderr are one stream). With
 * -i and a client attached from a terminal, input is that terminal's: the
 * client's raw mode passes every key through, so the container's shell edits
 * its lines there and the terminal's Ctrl-C reaches the container's
 * foreground process group. With -i and nobody attached, reads wait for
 * ever; without -i they give end of file.
 */
export class ContainerTty implements OpenFile {
  readonly isTerminal = true;
  private readonly output: (data: string) => void;
  private readonly input: OpenFile | undefined;
  private readonly openStdin: boolean;
  private prompted = false;

  constructor(options: {
    output: (data: string) => void;
    /** The client's terminal, when one is attached with -i. */
    input?: OpenFile | undefined;
    openStdin: boolean;
  }) {
    this.output = options.output;
    this.input = options.input;
    this.openStdin = options.openStdin;
  }

  read(): string | typeof WOULD_BLOCK {
    if (this.input) {
      const data = this.input.read();
      return typeof data === 'string' || data === WOULD_BLOCK ? data : '';
    }
    return this.openStdin ? WOULD_BLOCK : '';
  }

  readLine(prompt: string): LineInput | typeof WOULD_BLOCK {
    if (this.input?.readLine) return this.input.readLine(prompt);
    // The kernel asks again on every wake-up; the prompt reaches the terminal once.
    if (prompt && !this.prompted) this.write(prompt);
    this.prompted = true;
    return this.openStdin ? WOULD_BLOCK : { eof: true };
  }

  write(data: string): number {
    this.output(onlcr(data));
    return data.length;
  }

  setForeground(pgid: number | null): void {
    this.input?.setForeground?.(pgid);
  }

  windowSize(): { readonly cols: number; readonly rows: number } {
    return this.input?.windowSize?.() ?? DEFAULT_SIZE;
  }

  get onReadable(): ((wake: () => void) => () => void) | undefined {
    return this.input?.onReadable?.bind(this.input);
  }
}

/** Standard input kept open by -i with nobody attached: reads wait for ever. */
export class OpenStdin implements OpenFile {
  readonly isTerminal = false;
  read(): typeof WOULD_BLOCK {
    return WOULD_BLOCK;
  }
  write(data: string): number {
    return data.length;
  }
}
