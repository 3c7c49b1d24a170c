import { describe, expect, it } from 'vitest';
import { WOULD_BLOCK } from '../../../src/sim/kernel/files.ts';
import { createHost } from '../../../src/sim/index.ts';
import { TerminalDevice } from '../../../src/sim/tty/terminal-device.ts';
import { OUTPUT_BUFFER } from '../../../src/sim/tty/terminal-port.ts';

/** The tty's output buffer (64 KiB, drivers/tty/tty_buffer.c): writers wait for a slow screen. */
describe('terminal output with back-pressure', () => {
  it('holds at most OUTPUT_BUFFER characters while no emulator is attached', () => {
    const tty = new TerminalDevice('pts/9', () => undefined);
    const big = 'x'.repeat(OUTPUT_BUFFER + 10);
    expect(tty.write(big)).toBe(OUTPUT_BUFFER);
    expect(tty.write('more')).toBe(WOULD_BLOCK);
    const shown: string[] = [];
    let woken = false;
    tty.onWritable(() => (woken = true));
    tty.port.onOutput((d) => shown.push(d));
    expect([woken, shown.join('').length, tty.write('more')]).toEqual([true, OUTPUT_BUFFER, 4]);
  });

  it('with flow control, writers wait until the screen acknowledges what it has shown', () => {
    const tty = new TerminalDevice('pts/9', () => undefined);
    tty.port.onOutput(() => undefined, { flowControl: true });
    expect(tty.write('y\n'.repeat(OUTPUT_BUFFER))).toBe(OUTPUT_BUFFER / 2 + OUTPUT_BUFFER / 2);
    expect(tty.write('y\n')).toBe(WOULD_BLOCK);
    tty.port.acknowledge?.(OUTPUT_BUFFER);
    expect(tty.write('y\n')).toBe(2);
  });

  it('`yes` on a slow terminal stays bounded and Ctrl-C ends it', () => {
    const host = createHost();
    const session = host.openTerminal();
    let received = 0;
    let screen = '';
    session.onOutput(
      (data) => {
        received += data.length;
        screen = (screen + data).slice(-200);
      },
      { flowControl: true },
    );
    session.write('yes\r');
    // Nothing acknowledged: yes wrote one buffer's worth and waits.
    expect(received).toBeLessThanOrEqual(2 * OUTPUT_BUFFER);
    expect(received).toBeGreaterThan(OUTPUT_BUFFER / 2);
    const first = received;
    session.acknowledge?.(first);
    // Acknowledged output lets it run on, one buffer at a time.
    expect(received).toBeGreaterThan(first);
    expect(received - first).toBeLessThanOrEqual(2 * OUTPUT_BUFFER);
    session.write('\x03');
    session.acknowledge?.(received);
    session.acknowledge?.(received);
    expect(screen).toMatch(/y\r\n\^C\r\nlearner@host:~\$ $/);
    expect(host.snapshot().processes.some((p) => p.comm === 'yes')).toBe(false);
  });

  it('Ctrl-C flushes output the screen has not drawn, before the ^C echo (n_tty.c isig())', () => {
    // drivers/tty/n_tty.c: n_tty_receive_signal_char() calls isig(), which without NOFLSH
    // signals the group and clears the output buffer, and then echoes the character.
    const host = createHost();
    const session = host.openTerminal();
    const events: string[] = [];
    let unshown = 0;
    session.onOutput(
      (data) => {
        unshown += data.length;
        events.push(data.includes('y\r\n') ? 'yes output' : data);
      },
      {
        flowControl: true,
        onFlush: () => {
          // The screen drops what it holds and acknowledges it, as PortAttachAddon does.
          events.push('flush');
          session.acknowledge?.(unshown);
          unshown = 0;
        },
      },
    );
    session.write('yes\r');
    events.length = 0;
    session.write('\x03');
    expect(events).toEqual(['flush', '^C', '\r\n', 'learner@host:~$ ']);
    expect(host.snapshot().processes.some((p) => p.comm === 'yes')).toBe(false);
  });

  it('a subscriber that stops listening hears no more flushes', () => {
    const tty = new TerminalDevice('pts/9', () => undefined);
    let flushes = 0;
    const stop = tty.port.onOutput(() => undefined, { onFlush: () => flushes++ });
    tty.port.write('\x03');
    stop();
    tty.port.write('\x03');
    expect(flushes).toBe(1);
  });

  it('/dev/tty is the controlling terminal of the learner’s shell', () => {
    const host = createHost();
    const session = host.openTerminal();
    let screen = '';
    session.onOutput((data) => (screen += data));
    session.write('echo hi > /dev/tty 2>&1\r');
    expect(screen).toMatch(/echo hi > \/dev\/tty 2>&1\r\nhi\r\nlearner@host:~\$ $/);
  });
});
