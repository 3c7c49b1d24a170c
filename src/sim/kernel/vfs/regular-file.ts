import type { Clock } from '../clock.ts';
import { Errno, type SysResult } from '../errno.ts';
import type { OpenFile } from '../files.ts';
import type { OpenFlags } from '../syscall-api.ts';
import type { Inode } from './inode.ts';

/** An open regular file with its own offset (or a directory opened for reading). */
export class RegularFile implements OpenFile {
  readonly isTerminal = false;
  private offset = 0;
  private readonly inode: Inode;
  private readonly flags: OpenFlags;
  private readonly clock: Clock;

  constructor(inode: Inode, flags: OpenFlags, clock: Clock) {
    this.inode = inode;
    this.flags = flags;
    this.clock = clock;
    if (flags.truncate && flags.write && !inode.generate) {
      inode.data = '';
      inode.modified(clock.now());
    }
  }

  read(count = Infinity): SysResult<string> {
    if (!this.flags.read) return new Errno('EBADF');
    if (this.inode.kind === 'dir') return new Errno('EISDIR');
    const data = this.inode.read();
    const chunk = data.slice(this.offset, this.offset + count);
    this.offset += chunk.length;
    return chunk;
  }

  write(data: string): SysResult<number> {
    if (!this.flags.write) return new Errno('EBADF');
    if (this.inode.generate) return new Errno('EINVAL');
    const current = this.inode.data;
    const at = this.flags.append ? current.length : this.offset;
    this.inode.data = current.slice(0, at) + data + current.slice(at + data.length);
    this.offset = at + data.length;
    this.inode.modified(this.clock.now());
    return data.length;
  }
}
