import { Errno, type SysResult } from './errno.ts';
import { WOULD_BLOCK, type OpenFile } from './files.ts';

/** pipe(7): 16 pages on Linux, 65,536 bytes. A writer waits while the pipe is full. */
export const PIPE_CAPACITY = 65_536;

/**
 * A pipe: bytes written at one end are read at the other, in order. Reads
 * wait while it is empty and writers remain; end of file once every writer
 * has closed. Writing with no reader left fails with EPIPE (the kernel also
 * sends SIGPIPE: see syscalls/file-calls.ts).
 */
export class Pipe {
  private buffer = '';
  readers = 0;
  writers = 0;
  private readonly readWaiters = new Set<() => void>();
  private readonly writeWaiters = new Set<() => void>();

  readonly readEnd: OpenFile = {
    isTerminal: false,
    read: (count) => this.read(count),
    write: () => new Errno('EBADF'),
    release: () => {
      this.readers--;
      this.wakeAll(this.writeWaiters);
    },
    onReadable: (wake) => this.watch(this.readWaiters, wake),
  };

  readonly writeEnd: OpenFile = {
    isTerminal: false,
    read: () => new Errno('EBADF'),
    write: (data) => this.write(data),
    release: () => {
      this.writers--;
      this.wakeAll(this.readWaiters);
    },
    onWritable: (wake) => this.watch(this.writeWaiters, wake),
  };

  private read(count = Infinity): string | typeof WOULD_BLOCK {
    if (this.buffer === '') return this.writers > 0 ? WOULD_BLOCK : '';
    const chunk = this.buffer.slice(0, count);
    this.buffer = this.buffer.slice(chunk.length);
    this.wakeAll(this.writeWaiters);
    return chunk;
  }

  private write(data: string): SysResult<number> | typeof WOULD_BLOCK {
    if (this.readers === 0) return new Errno('EPIPE');
    const room = PIPE_CAPACITY - this.buffer.length;
    if (room <= 0) return WOULD_BLOCK;
    const part = data.slice(0, room);
    this.buffer += part;
    this.wakeAll(this.readWaiters);
    return part.length;
  }

  private watch(set: Set<() => void>, wake: () => void): () => void {
    set.add(wake);
    return () => set.delete(wake);
  }

  private wakeAll(set: Set<() => void>): void {
    for (const wake of [...set]) wake();
  }
}
