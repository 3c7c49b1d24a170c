import type { SysResult } from './errno.ts';

/** What an interactive line read gives: a line, Ctrl-C at the prompt, or Ctrl-D on an empty line. */
export type LineInput =
  { readonly line: string } | { readonly interrupt: true } | { readonly eof: true };

/** read(2) has nothing yet and would block: the kernel parks the caller. */
export const WOULD_BLOCK = Symbol('EAGAIN');

/**
 * An open file description (open(2)): what a file descriptor points at.
 * Several descriptors, in one process or after fork, may share one.
 */
export interface OpenFile {
  /**
   * Data ('' at end of file), at most `count` characters when given;
   * WOULD_BLOCK when a blocking read must wait.
   */
  read(count?: number): SysResult<string> | typeof WOULD_BLOCK;
  /** Bytes written, or WOULD_BLOCK when a full pipe must wait for its reader. */
  write(data: string): SysResult<number> | typeof WOULD_BLOCK;
  /** isatty(3) */
  readonly isTerminal: boolean;
  /** Called when the last descriptor referring to it is closed. */
  release?(): void;
  /** A terminal reads a whole edited line for an interactive shell (readline(3) at the tty). */
  readLine?(prompt: string): LineInput | typeof WOULD_BLOCK;
  /** tcsetpgrp(3) on a terminal: which process group (host PID of its leader) is in the foreground. */
  setForeground?(pgid: number | null): void;
  /** TIOCGWINSZ: a terminal's size in columns and rows. */
  windowSize?(): { readonly cols: number; readonly rows: number };
  /** Readers blocked on this file are woken through this hook. */
  onReadable?: ((wake: () => void) => () => void) | undefined;
  /** Writers blocked on a full pipe are woken through this hook. */
  onWritable?: ((wake: () => void) => () => void) | undefined;
}

/** /dev/null: reads give end of file, writes vanish. */
export class NullFile implements OpenFile {
  readonly isTerminal = false;
  read(): string {
    return '';
  }
  write(data: string): number {
    return data.length;
  }
}

/** Output that goes to a callback, such as a container's log or the plain CLI's stdout. */
export class SinkFile implements OpenFile {
  readonly isTerminal: boolean;
  private readonly sink: (data: string) => void;
  constructor(sink: (data: string) => void, isTerminal = false) {
    this.sink = sink;
    this.isTerminal = isTerminal;
  }
  read(): string {
    return '';
  }
  write(data: string): number {
    this.sink(data);
    return data.length;
  }
}

/** A descriptor table entry: the open file plus its per-descriptor flags. */
export interface FileDescriptor {
  readonly file: OpenFile;
  cloexec: boolean;
}

/** The per-process table of file descriptors, with reference counts on the shared files. */
export class FdTable {
  private readonly fds = new Map<number, FileDescriptor>();
  private static readonly refs = new WeakMap<OpenFile, number>();

  static fromStdio(stdin: OpenFile, stdout: OpenFile, stderr: OpenFile): FdTable {
    const table = new FdTable();
    table.install(0, stdin);
    table.install(1, stdout);
    table.install(2, stderr);
    return table;
  }

  get(fd: number): OpenFile | undefined {
    return this.fds.get(fd)?.file;
  }

  /** Places a file at the lowest free descriptor, as open(2) does. */
  add(file: OpenFile): number {
    let fd = 0;
    while (this.fds.has(fd)) fd++;
    this.install(fd, file);
    return fd;
  }

  install(fd: number, file: OpenFile, cloexec = false): void {
    if (this.fds.get(fd)?.file === file) return;
    this.close(fd);
    FdTable.refs.set(file, (FdTable.refs.get(file) ?? 0) + 1);
    this.fds.set(fd, { file, cloexec });
  }

  /** fcntl(F_DUPFD): the lowest free descriptor at or above `min`. */
  dupFrom(file: OpenFile, min: number, cloexec = false): number {
    let fd = min;
    while (this.fds.has(fd)) fd++;
    this.install(fd, file, cloexec);
    return fd;
  }

  setCloexec(fd: number, cloexec: boolean): boolean {
    const entry = this.fds.get(fd);
    if (!entry) return false;
    entry.cloexec = cloexec;
    return true;
  }

  close(fd: number): boolean {
    const entry = this.fds.get(fd);
    if (!entry) return false;
    this.fds.delete(fd);
    const left = (FdTable.refs.get(entry.file) ?? 1) - 1;
    FdTable.refs.set(entry.file, left);
    if (left === 0) entry.file.release?.();
    return true;
  }

  closeAll(): void {
    for (const fd of [...this.fds.keys()]) this.close(fd);
  }

  /** execve(2) closes descriptors marked close-on-exec. */
  closeOnExec(): void {
    for (const [fd, entry] of this.fds) if (entry.cloexec) this.close(fd);
  }

  /** fork(2) duplicates the table; both share the open files. */
  clone(): FdTable {
    const copy = new FdTable();
    for (const [fd, entry] of this.fds) copy.install(fd, entry.file, entry.cloexec);
    return copy;
  }
}
