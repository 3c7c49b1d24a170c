// The worker's host (host-server.ts) and the page's session (worker-session.ts) joined by a
// fake message channel, seen through a headless xterm attached as the page attaches it.
import { Terminal } from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import type { Disposable } from '../../src/terminal/disposable-store.ts';
import { serveHost } from '../../src/terminal/host-server.ts';
import { PortAttachAddon } from '../../src/terminal/port-attach-addon.ts';
import type { FromHost, ToHost } from '../../src/terminal/worker-protocol.ts';
import { openWorkerSession } from '../../src/terminal/worker-session.ts';
import { fakeChannel } from './fake-channel.ts';

const PROMPT = 'learner@host:~$ ';
const servers: Disposable[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.dispose();
});

function setup() {
  const channel = fakeChannel<ToHost, FromHost>();
  servers.push(serveHost(channel.worker));
  const term = new Terminal({ cols: 60, rows: 10, allowProposedApi: true });
  const session = openWorkerSession(channel.page, { cols: 60, rows: 10 });
  term.loadAddon(new PortAttachAddon(session));
  const lines = (): string[] => {
    const out: string[] = [];
    for (let y = 0; y < term.buffer.active.length; y++)
      out.push(term.buffer.active.getLine(y)?.translateToString(true) ?? '');
    while (out.length > 0 && out.at(-1) === '') out.pop();
    return out;
  };
  return { channel, term, session, lines };
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the host in a worker, reached through messages', () => {
  it('prompts, runs a command and prompts again', async () => {
    const { session, lines } = setup();
    await until(() => lines().at(-1) === PROMPT);
    session.write('echo hello\r');
    await until(() => lines().length === 3);
    expect(lines()).toEqual([PROMPT + 'echo hello', 'hello', PROMPT]);
  });

  it('reports the login shell’s exit status, and a new open starts a fresh login', async () => {
    const { channel, session, lines } = setup();
    let status: number | undefined;
    session.onExit((code) => (status = code));
    await until(() => lines().at(-1) === PROMPT);
    session.write('exit 3\r');
    await until(() => status !== undefined);
    expect(status).toBe(3);
    session.dispose();
    const next = openWorkerSession(channel.page, { cols: 60, rows: 10 });
    let text = '';
    next.onOutput((data) => (text += data));
    await until(() => text.includes(PROMPT));
    expect(text).toBe(PROMPT);
  });

  it('holds writers while the page has not acknowledged 64 KiB (the tty’s flow control)', async () => {
    // A page that never acknowledges: `yes` stops once OUTPUT_BUFFER (65,536) characters
    // wait for the screen (src/sim/tty/terminal-port.ts), give or take one write.
    const channel = fakeChannel<ToHost, FromHost>();
    servers.push(serveHost(channel.worker));
    const session = openWorkerSession(channel.page, { cols: 60, rows: 10 });
    let received = 0;
    session.onOutput((data) => (received += data.length));
    session.write('yes\r');
    await until(() => received > 65_536);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = received;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toBe(held);
    expect(held).toBeLessThan(2 * 65_536);
    // Acknowledging lets it run on; Ctrl-C then gives the prompt back.
    let tail = '';
    session.onOutput((data) => {
      tail = (tail + data).slice(-200);
      session.acknowledge(data.length);
    });
    session.acknowledge(held);
    await until(() => received > held);
    session.write('\x03');
    await until(() => tail.endsWith(PROMPT));
  });

  it('Ctrl-C: the page hears `flush` after the output sent before it and before the ^C echo', async () => {
    // The tty flushes output not yet read on an interrupt (drivers/tty/n_tty.c isig()); the
    // page drops what it has not drawn and acknowledges it, as PortAttachAddon does.
    const channel = fakeChannel<ToHost, FromHost>();
    servers.push(serveHost(channel.worker));
    const session = openWorkerSession(channel.page, { cols: 60, rows: 10 });
    let unshown = 0;
    let after = '';
    let flushed = false;
    session.onOutput(
      (data) => {
        if (flushed) after += data;
        else unshown += data.length;
      },
      {
        onFlush: () => {
          flushed = true;
          session.acknowledge(unshown);
        },
      },
    );
    session.write('yes\r');
    await until(() => unshown > 65_536);
    session.write('\x03');
    await until(() => after.endsWith(PROMPT));
    expect(after).toBe('^C\r\n' + PROMPT);
    const types = channel.worker.sent.map((message) => message.type);
    expect(types.filter((type) => type === 'flush')).toHaveLength(1);
    expect(types.at(-1)).toBe('output');
  });

  it('yes fills the screen until Ctrl-C, then the prompt comes back', async () => {
    const { session, lines } = setup();
    await until(() => lines().at(-1) === PROMPT);
    session.write('yes\r');
    await until(() => lines().filter((line) => line === 'y').length > 20);
    session.write('\x03');
    await until(() => lines().at(-1) === PROMPT && (lines().at(-2)?.endsWith('^C') ?? false));
  });
});
