import { WOULD_BLOCK, type LineInput, type OpenFile } from '../kernel/files.ts';
import { LineEditor, type EditorEvent } from './line-editor.ts';
import {
  DEFAULT_TERMINAL_SIZE,
  OUTPUT_BUFFER,
  type TerminalPort,
  type TerminalSize,
} from './terminal-port.ts';

/** Sends a signal to a process group (host PID of its leader) on behalf of the terminal. */
export type SignalGroup = (pgid: number, sig: number) => void;

const SIGINT = 2;
const SIGQUIT = 3;

/**
 * termios' VINTR and VQUIT characters, the signal each raises and the echo
 * (ECHOCTL). VSUSP (Ctrl-Z, SIGTSTP, "^Z") joins them once the shell waits
 * for its jobs with WUNTRACED; until then a stopped job would hang the prompt.
 */
const SIGNAL_KEYS: Readonly<Record<string, readonly [number, string]>> = {
  '\x03': [SIGINT, '^C'],
  '\x1c': [SIGQUIT, '^\\'],
};

/**
 * A pseudo-terminal: the slave side is an open file for the processes (their
 * stdin, stdout and stderr), the master side is the TerminalPort an emulator
 * attaches to. It does what the line discipline and readline do together:
 * output post-processing ("\n" becomes "\r\n", termios ONLCR), line editing
 * for a shell that asks for a line, type-ahead while a command runs, and
 * Ctrl-C / Ctrl-\ as SIGINT / SIGQUIT to the foreground process group.
 */
export class TerminalDevice implements OpenFile {
  readonly isTerminal = true;
  readonly name: string;
  private readonly editor: LineEditor;
  private readonly listeners = new Set<(data: string) => void>();
  /** Listeners that acknowledge what they have shown (flow control). */
  private readonly acknowledging = new Set<(data: string) => void>();
  /** Output given to acknowledging listeners and not acknowledged yet. */
  private unacknowledged = 0;
  /** Listeners that hold output not yet drawn and drop it when the terminal flushes. */
  private readonly flushListeners = new Map<(data: string) => void, () => void>();
  /** Flush listeners are being told (their acknowledgements wait to wake writers). */
  private flushing = false;
  private readonly waiters = new Set<() => void>();
  private readonly writeWaiters = new Set<() => void>();
  private readonly lines: LineInput[] = [];
  private size: TerminalSize = DEFAULT_TERMINAL_SIZE;
  private foreground: number | null = null;
  private readonly signalGroup: SignalGroup;
  private closed = false;
  private held = '';
  /** What is left of a line a read with a count took only part of. */
  private partial = '';

  constructor(name: string, signalGroup: SignalGroup) {
    this.name = name;
    this.signalGroup = signalGroup;
    this.editor = new LineEditor({ cols: this.size.cols });
  }

  /** The emulator's side of the terminal. */
  readonly port: TerminalPort = {
    write: (data) => this.input(data),
    onOutput: (listener, options) => {
      this.listeners.add(listener);
      if (options?.flowControl) this.acknowledging.add(listener);
      if (options?.onFlush) this.flushListeners.set(listener, options.onFlush);
      const held = this.held;
      this.held = '';
      if (held) this.deliver(listener, held);
      this.wakeWriters();
      return () => {
        this.listeners.delete(listener);
        this.flushListeners.delete(listener);
        if (this.acknowledging.delete(listener) && this.acknowledging.size === 0)
          this.unacknowledged = 0;
        this.wakeWriters();
      };
    },
    acknowledge: (chars) => {
      this.unacknowledged = Math.max(0, this.unacknowledged - chars);
      if (!this.flushing) this.wakeWriters();
    },
    resize: (cols, rows) => {
      this.size = { cols: Math.max(1, Math.floor(cols)), rows: Math.max(1, Math.floor(rows)) };
      this.handle(this.editor.resize(this.size.cols));
    },
    dispose: () => {
      this.closed = true;
      this.listeners.clear();
      this.acknowledging.clear();
      this.flushListeners.clear();
      this.wakeWriters();
    },
  };

  windowSize(): TerminalSize {
    return this.size;
  }

  foregroundGroup(): number | null {
    return this.foreground;
  }

  setForeground(pgid: number | null): void {
    this.foreground = pgid;
  }

  /** Canonical mode: one line per read, or its first `count` characters (the rest comes next). */
  read(count = Infinity): string | typeof WOULD_BLOCK {
    if (this.partial === '') {
      const next = this.lines.shift() ?? this.startEdit('');
      if (!next) return WOULD_BLOCK;
      if (!('line' in next)) return '';
      this.partial = next.line + '\n';
    }
    const chunk = this.partial.slice(0, count);
    this.partial = this.partial.slice(chunk.length);
    return chunk;
  }

  readLine(prompt: string): LineInput | typeof WOULD_BLOCK {
    if (this.partial !== '') return { line: this.takePartialLine() };
    return this.lines.shift() ?? this.startEdit(prompt) ?? WOULD_BLOCK;
  }

  /** The rest of a line a counted read left, without its newline. */
  private takePartialLine(): string {
    const rest = this.partial.replace(/\n$/, '');
    this.partial = '';
    return rest;
  }

  /**
   * A program's output (ONLCR: "\n" becomes "\r\n"). While OUTPUT_BUFFER
   * characters wait for a screen that has not shown them (no emulator
   * attached, or one with flow control behind), the writer waits, so `yes`
   * on a terminal is bounded in memory and stays interruptible.
   */
  write(data: string): number | typeof WOULD_BLOCK {
    if (this.closed) return data.length;
    const room = OUTPUT_BUFFER - this.backlog();
    if (room <= 0) return WOULD_BLOCK;
    const part = data.slice(0, room);
    this.emit(part.replace(/\r?\n/g, '\r\n'));
    return part.length;
  }

  onReadable(wake: () => void): () => void {
    this.waiters.add(wake);
    return () => this.waiters.delete(wake);
  }

  onWritable(wake: () => void): () => void {
    this.writeWaiters.add(wake);
    return () => this.writeWaiters.delete(wake);
  }

  /** Output not yet on a screen: held for a missing emulator, or unacknowledged by one. */
  private backlog(): number {
    return this.listeners.size === 0 ? this.held.length : this.unacknowledged;
  }

  private wakeWriters(): void {
    if (!this.closed && this.backlog() >= OUTPUT_BUFFER) return;
    for (const wake of [...this.writeWaiters]) wake();
  }

  private deliver(listener: (data: string) => void, data: string): void {
    if (this.acknowledging.has(listener)) this.unacknowledged += data.length;
    listener(data);
  }

  private startEdit(prompt: string): LineInput | undefined {
    if (this.editor.active) return undefined;
    this.handle(this.editor.begin(prompt));
    return this.lines.shift();
  }

  private input(data: string): void {
    if (this.closed) return;
    if (this.editor.active) {
      this.handle(this.editor.feed(data));
      return;
    }
    for (const chunk of data.split(/([\x03\x1c])/)) {
      const key = SIGNAL_KEYS[chunk];
      if (key) this.interruptForeground(key[0], key[1]);
      else if (chunk) this.handle(this.editor.feed(chunk));
    }
  }

  /**
   * ISIG without NOFLSH: output the emulator has not drawn is flushed, the
   * terminal echoes ^C (or ^\\) and signals the foreground group
   * (drivers/tty/n_tty.c n_tty_receive_signal_char(): isig(), then the echo).
   * The room the flush frees wakes writers only once the signal is sent, so
   * a writer that the signal ends writes nothing after the flush.
   */
  private interruptForeground(sig: number, echo: string): void {
    this.flushing = true;
    for (const flush of [...this.flushListeners.values()]) flush();
    this.flushing = false;
    this.emit(echo);
    if (this.foreground !== null) this.signalGroup(this.foreground, sig);
    this.wakeWriters();
  }

  private handle(events: readonly EditorEvent[]): void {
    for (const event of events) {
      if (event.kind === 'output') this.emit(event.data);
      else if (event.kind === 'line') this.lines.push({ line: event.line });
      else if (event.kind === 'interrupt') this.lines.push({ interrupt: true });
      else this.lines.push({ eof: true });
    }
    if (this.lines.length > 0) for (const wake of [...this.waiters]) wake();
  }

  /** Like a pty's buffer, output waits until someone reads the master side. */
  private emit(data: string): void {
    if (data === '' || this.closed) return;
    if (this.listeners.size === 0) {
      this.held += data;
      return;
    }
    for (const listener of this.listeners) this.deliver(listener, data);
  }
}
