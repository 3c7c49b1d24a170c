import { Terminal } from '@xterm/headless';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutputOptions } from '../../src/sim/index.ts';
import { animationFrames, PortAttachAddon } from '../../src/terminal/port-attach-addon.ts';
import { FakePort } from './fake-port.ts';

/** A port with flow control: it counts acknowledgements and can flush (Ctrl-C). */
class AcknowledgingPort extends FakePort {
  acknowledged = 0;
  #options: OutputOptions | undefined;

  override onOutput(listener: (data: string) => void, options?: OutputOptions): () => void {
    this.#options = options;
    return super.onOutput(listener);
  }

  acknowledge(chars: number): void {
    this.acknowledged += chars;
  }

  /** The tty flushes output not yet drawn. */
  flush(): void {
    this.#options?.onFlush?.();
  }
}

/** Frames come when the test runs them (drain()). */
const frames: (() => void)[] = [];

function setup<P extends FakePort = FakePort>(
  port: P = new FakePort() as P,
  maxPieceChars?: number,
): { terminal: Terminal; port: P; addon: PortAttachAddon } {
  frames.length = 0;
  const terminal = new Terminal({ cols: 40, rows: 5, allowProposedApi: true });
  const addon = new PortAttachAddon(port, {
    nextFrame: (next) => frames.push(next),
    firstPieceChars: maxPieceChars,
    maxPieceChars,
  });
  terminal.loadAddon(addon);
  return { terminal, port, addon };
}

/** Resolves once xterm has parsed everything written so far. */
function parsed(terminal: Terminal): Promise<void> {
  return new Promise((resolve) => {
    terminal.write('', resolve);
  });
}

/** Runs frames until the addon has put all of its output on screen. */
async function flush(terminal: Terminal): Promise<void> {
  await parsed(terminal);
  while (frames.length > 0) {
    frames.shift()?.();
    await parsed(terminal);
  }
}

/** The visible rows (below the scrollback). */
function screen(terminal: Terminal): string[] {
  const buffer = terminal.buffer.active;
  return Array.from(
    { length: terminal.rows },
    (_, y) => buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '',
  );
}

describe('PortAttachAddon', () => {
  it('tells the port the terminal size on activation and on every resize', () => {
    const { terminal, port } = setup();
    terminal.resize(100, 30);
    expect(port.sizes).toEqual([
      [40, 5],
      [100, 30],
    ]);
  });

  it('forwards keystrokes and pastes to the port unchanged', () => {
    const { terminal, port } = setup();
    terminal.input('ls\r', true);
    terminal.input('\x1b[A', true);
    terminal.input('\x03', true);
    expect(port.written).toEqual(['ls\r', '\x1b[A', '\x03']);
  });

  it("puts the port's output on the screen, escape sequences included", async () => {
    const { terminal, port } = setup();
    port.print('learner@host:~$ ');
    port.print('echo hi\r\nhi\r\n\x1b[1mlearner@host:~$ \x1b[0m');
    await flush(terminal);
    expect(screen(terminal)).toEqual([
      'learner@host:~$ echo hi',
      'hi',
      // translateToString(true) trims cells never written, not a printed space.
      'learner@host:~$ ',
      '',
      '',
    ]);
  });

  it('hands a flood to xterm one piece per frame and acknowledges each piece once parsed', async () => {
    const { terminal, port } = setup(new AcknowledgingPort(), 1024);
    port.print('y\r\n'.repeat(2000));
    await parsed(terminal);
    // The first piece went out at once; the rest waits for frames.
    expect([port.acknowledged, frames.length]).toEqual([1024, 1]);
    await flush(terminal);
    expect(port.acknowledged).toBe(6000);
    expect(screen(terminal)).toEqual(['y', 'y', 'y', 'y', '']);
  });

  it('when the tty flushes (Ctrl-C), drops and acknowledges what it has not handed to xterm', async () => {
    const { terminal, port } = setup(new AcknowledgingPort(), 1024);
    port.print('y\r\n'.repeat(2000));
    port.flush();
    port.print('^C\r\nlearner@host:~$ ');
    await flush(terminal);
    // 1024 characters drawn (341 lines and a "y"), 4976 dropped, then the echo and the prompt.
    expect(port.acknowledged).toBe(6000 + 20);
    expect(screen(terminal)).toEqual(['y', 'y', 'y', 'y^C', 'learner@host:~$ ']);
  });

  it('detaches on dispose and leaves the port to its owner', async () => {
    const { terminal, port, addon } = setup();
    addon.dispose();
    terminal.input('x', true);
    terminal.resize(50, 6);
    port.print('late output');
    await flush(terminal);
    expect(port.written).toEqual([]);
    expect(port.sizes).toEqual([[40, 5]]);
    expect(port.listenerCount).toBe(0);
    expect(port.disposed).toBe(false);
    expect(screen(terminal)[0]).toBe('');
  });

  it('detaches when the terminal is disposed', () => {
    const { terminal, port } = setup();
    terminal.dispose();
    expect(port.listenerCount).toBe(0);
  });
});

describe('animationFrames', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Frames the test draws at times it chooses, on a fake clock. */
  function fakeFrames(): { draw: () => void } {
    vi.useFakeTimers();
    const callbacks: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      callbacks.push(callback),
    );
    return {
      draw: () => {
        const time = performance.now();
        for (const callback of callbacks.splice(0)) callback(time);
      },
    };
  }

  it('runs at the first frame at least minIntervalMs after the previous run', () => {
    const { draw } = fakeFrames();
    const next = animationFrames(50);
    const runs: number[] = [];
    const at = performance.now();
    next(() => runs.push(performance.now() - at));
    draw();
    next(() => runs.push(performance.now() - at));
    for (let frame = 1; frame <= 4; frame++) {
      vi.advanceTimersByTime(16);
      draw();
    }
    // The frames at 16 and 32 ms are too soon; the one at 48 ms counts (2 ms of slack).
    expect(runs).toEqual([0, 48]);
  });

  it('falls back to a timer where frames do not come (a hidden tab), and runs once', () => {
    const { draw } = fakeFrames();
    const next = animationFrames(50);
    let runs = 0;
    next(() => runs++);
    vi.advanceTimersByTime(99);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    draw();
    expect(runs).toBe(1);
  });
});
