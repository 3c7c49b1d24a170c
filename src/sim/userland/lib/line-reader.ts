import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from './io.ts';

/**
 * Lines from a descriptor, read chunk by chunk: a tool can stop at any
 * line without waiting for the end of its input (grep -q on a pipe).
 * The last line is returned even without its newline.
 */
export class LineReader {
  private buffer = '';
  private ended = false;
  private readonly fd: number;

  constructor(fd: number) {
    this.fd = fd;
  }

  /** The next line without its newline, null at the end, or the read error. */
  *next(): Gen<string | null | Errno> {
    for (;;) {
      const at = this.buffer.indexOf('\n');
      if (at >= 0) {
        const line = this.buffer.slice(0, at);
        this.buffer = this.buffer.slice(at + 1);
        return line;
      }
      if (this.ended) {
        const rest = this.buffer;
        this.buffer = '';
        return rest === '' ? null : rest;
      }
      const chunk = yield* sys.read(this.fd);
      if (chunk instanceof Errno) return chunk;
      if (chunk === '') this.ended = true;
      else this.buffer += chunk;
    }
  }
}
