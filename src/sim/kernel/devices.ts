import { Errno, type SysResult } from './errno.ts';
import { NullFile, type OpenFile } from './files.ts';

/** What one read(2) without a count gives: the 128 KiB that cat and most tools ask for (io_blksize). */
const DEFAULT_READ = 131_072;

/**
 * The memory character devices (drivers/char/mem.c): /dev/null swallows
 * writes and reads as end of file; /dev/zero reads as NUL bytes; /dev/full
 * reads as NUL bytes and refuses writes with ENOSPC; /dev/random and
 * /dev/urandom read as pseudo-random 7-bit bytes from the kernel's seeded
 * generator (deterministic: the simulator has no entropy); /dev/tty is the
 * caller's controlling terminal, ENXIO without one (drivers/tty/tty_io.c).
 */
export function openDevice(
  name: string,
  random: (count: number) => string,
  controllingTerminal: () => OpenFile | undefined,
): OpenFile | Errno {
  switch (name) {
    case 'tty':
      return controllingTerminal() ?? new Errno('ENXIO');
    case 'zero':
      return device(
        (count) => '\0'.repeat(count),
        (data) => data.length,
      );
    case 'full':
      return device(
        (count) => '\0'.repeat(count),
        () => new Errno('ENOSPC'),
      );
    case 'random':
    case 'urandom':
      return device(random, (data) => data.length);
    default:
      return new NullFile();
  }
}

function device(
  read: (count: number) => string,
  write: (data: string) => SysResult<number>,
): OpenFile {
  return {
    isTerminal: false,
    read: (count = DEFAULT_READ) => read(count),
    write,
  };
}

/**
 * A seeded generator of bytes (xorshift32), one per kernel, so every run of
 * the same commands reads the same "random" bytes.
 */
export class ByteGenerator {
  private state: number;

  constructor(seed = 0x2545f491) {
    this.state = seed >>> 0 || 1;
  }

  bytes(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) {
      let x = this.state;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.state = x >>> 0;
      // Seven bits: the simulator carries data as text, where a byte above 0x7f would count twice.
      out += String.fromCharCode(this.state & 0x7f);
    }
    return out;
  }
}
