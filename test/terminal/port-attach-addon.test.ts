import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { PortAttachAddon } from '../../src/terminal/port-attach-addon.ts';
import { FakePort } from './fake-port.ts';

function setup(): { terminal: Terminal; port: FakePort; addon: PortAttachAddon } {
  const terminal = new Terminal({ cols: 40, rows: 5, allowProposedApi: true });
  const port = new FakePort();
  const addon = new PortAttachAddon(port);
  terminal.loadAddon(addon);
  return { terminal, port, addon };
}

/** Resolves once xterm has parsed everything written so far. */
function flush(terminal: Terminal): Promise<void> {
  return new Promise((resolve) => {
    terminal.write('', resolve);
  });
}

function screen(terminal: Terminal): string[] {
  const buffer = terminal.buffer.active;
  return Array.from(
    { length: terminal.rows },
    (_, y) => buffer.getLine(y)?.translateToString(true) ?? '',
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
