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

function setup(highWaterChars?: number) {
  const channel = fakeChannel<ToHost, FromHost>();
  servers.push(serveHost(channel.worker, highWaterChars ? { highWaterChars } : {}));
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

  it('batches output and stops running while the page is behind on acknowledgements', async () => {
    // A page that never acknowledges: the worker runs until the unacknowledged output passes
    // the high-water mark, then holds the simulation.
    const channel = fakeChannel<ToHost, FromHost>();
    servers.push(serveHost(channel.worker, { highWaterChars: 1000 }));
    const session = openWorkerSession(channel.page, { cols: 60, rows: 10 });
    let received = 0;
    session.onOutput((data) => (received += data.length));
    session.write('while :; do echo 0123456789; done\r');
    // At most one slice (50,000 system calls) runs past the mark.
    await until(() => received > 1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = received;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toBe(held);
    expect(held).toBeGreaterThan(1000);
    // Acknowledging lets it run on; Ctrl-C then gives the prompt back.
    session.acknowledge(held);
    await until(() => received > held);
    let tail = '';
    session.onOutput((data) => {
      tail = (tail + data).slice(-200);
      session.acknowledge(data.length);
    });
    session.acknowledge(received - held);
    session.write('\x03');
    await until(() => tail.endsWith(PROMPT));
  });
});
