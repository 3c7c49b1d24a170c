/**
 * The small port between a terminal emulator and the simulated host.
 *
 * It behaves like the master side of a pseudo-terminal: the emulator writes
 * what the user types (keystrokes, pasted text, escape sequences such as
 * "\x1b[A" for the up arrow) and reads what the host prints, already
 * translated for a terminal ("\r\n" line ends, ANSI sequences for cursor
 * moves). Nothing here knows about xterm.js or the DOM.
 */
export interface TerminalPort {
  /** Bytes from the keyboard or a paste, exactly as the emulator produced them. */
  write(data: string): void;
  /**
   * Subscribes to bytes for the screen. Returns a function that unsubscribes.
   * With `flowControl`, the subscriber promises to call acknowledge() with
   * the length of each piece once it is on screen; programs writing to the
   * terminal then wait while OUTPUT_BUFFER characters are unacknowledged,
   * as writers to a pty wait for a slow reader.
   */
  onOutput(listener: (data: string) => void, options?: OutputOptions): () => void;
  /** `chars` characters of output are on screen (flow control). */
  acknowledge?(chars: number): void;
  /** The emulator's size changed (columns and rows, both at least 1). */
  resize(cols: number, rows: number): void;
  /** Ends the session; later writes are ignored. */
  dispose(): void;
}

export interface OutputOptions {
  /** The subscriber acknowledges what it has shown (see onOutput). */
  readonly flowControl?: boolean;
  /**
   * The terminal flushed its output: Ctrl-C or Ctrl-\ raised a signal, and
   * without NOFLSH the line discipline discards output the emulator has not
   * read yet (drivers/tty/n_tty.c isig(): "clear output buffer", which for a
   * pty is pty_flush_buffer()'s tty_buffer_flush() of the master's side).
   * A subscriber that holds output it has not drawn drops it, and with
   * flowControl acknowledges it as if shown. Output after the call (the
   * `^C` echo) is new.
   */
  readonly onFlush?: () => void;
}

export interface TerminalSize {
  readonly cols: number;
  readonly rows: number;
}

export const DEFAULT_TERMINAL_SIZE: TerminalSize = { cols: 80, rows: 24 };

/**
 * How much output may wait for the screen before writers block: the tty
 * layer's buffer limit (drivers/tty/tty_buffer.c TTYB_DEFAULT_MEM_LIMIT,
 * 64 KiB).
 */
export const OUTPUT_BUFFER = 65_536;
