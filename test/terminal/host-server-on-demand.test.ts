// The worker's host while the simulator's pieces are still on their way (ADR 0010, 0011). The
// other tests have every piece up front (test/sim/support/every-piece.ts); here the module
// registry is reset so the host starts without them, and a held piece arrives (or fails to)
// only when the test says so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Disposable } from '../../src/terminal/disposable-store.ts';
import type { Timers } from '../../src/terminal/real-time-clock.ts';
import type { FromHost, ToHost } from '../../src/terminal/worker-protocol.ts';
import { fakeChannel } from './fake-channel.ts';

const PROMPT = 'learner@host:~$ ';

/** A piece's fetch the test settles by hand: it arrives, or fails as a lost connection does. */
function gate() {
  let settle: { arrive: () => void; fail: () => void } | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    settle = { arrive: resolve, fail: () => reject(new Error('offline')) };
  });
  return { opened, arrive: () => settle?.arrive(), fail: () => settle?.fail() };
}

let commands = gate();
let shell = gate();

const servers: Disposable[] = [];
beforeEach(() => {
  commands = gate();
  shell = gate();
  vi.resetModules();
  // Registered anew for each test: a mock's module, once made, is kept with the mock.
  vi.doMock('../../src/sim/pieces/commands.ts', async () => {
    await commands.opened;
    return vi.importActual('../../src/sim/pieces/commands.ts');
  });
  vi.doMock('../../src/sim/pieces/shell.ts', async () => {
    await shell.opened;
    return vi.importActual('../../src/sim/pieces/shell.ts');
  });
});
afterEach(() => {
  for (const server of servers.splice(0)) server.dispose();
});

/** Real-time timers the test fires by hand: what is armed, and for how long. */
function handTimers() {
  const armed = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    now: () => 0,
    setTimeout: (run, ms) => {
      armed.set(next, { run, ms });
      return next++;
    },
    clearTimeout: (handle) => armed.delete(handle as number),
  };
  return { timers, armed };
}

/** A host in a worker, without its pieces, logged in: what the page received, and its exits. */
async function loggedIn() {
  const { serveHost } = await import('../../src/terminal/host-server.ts');
  const channel = fakeChannel<ToHost, FromHost>();
  const { timers, armed } = handTimers();
  servers.push(serveHost(channel.worker, { timers }));
  const seen = { screen: '', exits: [] as number[] };
  channel.page.addEventListener('message', ({ data }) => {
    if (data.type === 'output') seen.screen += data.data;
    if (data.type === 'exit') seen.exits.push(data.status);
  });
  channel.page.postMessage({ type: 'open', cols: 80, rows: 24 });
  await until(() => seen.screen.endsWith(PROMPT), seen);
  const type = (data: string) => channel.page.postMessage({ type: 'write', data });
  return { channel, armed, seen, type };
}

/** Waits for a condition; on a timeout the error shows what the page has received. */
async function until(condition: () => boolean, seen: { screen: string }): Promise<void> {
  const end = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out; the page has ${JSON.stringify(seen.screen)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the host in a worker, before the commands piece has arrived', () => {
  it('a sleep typed meanwhile starts once the code is here and holds the prompt for its time', async () => {
    shell.arrive();
    const { armed, seen, type } = await loggedIn();
    type('sleep 1\r');
    await until(() => seen.screen.endsWith('sleep 1\r\n'), seen);
    // sleep's execve waits for its code (ADR 0010): nothing sleeps in virtual time yet.
    expect([...armed.values()].map(({ ms }) => ms)).toEqual([]);

    commands.arrive();
    // Once the code is here sleep runs and its second is a real timer the worker arms.
    await until(() => armed.size > 0, seen);
    expect([...armed.values()].map(({ ms }) => ms)).toEqual([1000]);
    expect(seen.screen.endsWith(PROMPT)).toBe(false);

    for (const [handle, { run }] of armed) {
      armed.delete(handle);
      run();
    }
    await until(() => seen.screen.endsWith(PROMPT), seen);
    expect(seen.screen).toBe(`${PROMPT}sleep 1\r\n${PROMPT}`);
  });
});

describe('the host in a worker, before the shell’s paged parts have arrived (ADR 0011)', () => {
  it('a builtin typed meanwhile waits in its fault and runs once they are here', async () => {
    commands.arrive();
    const { seen, type } = await loggedIn();
    type("printf '%s\\n' paged; echo $((6 * 7))\r");
    await until(() => seen.screen.endsWith('$((6 * 7))\r\n'), seen);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.screen).toBe(`${PROMPT}printf '%s\\n' paged; echo $((6 * 7))\r\n`);

    shell.arrive();
    await until(() => seen.screen.split(PROMPT).length === 3, seen);
    expect(seen.screen).toBe(
      `${PROMPT}printf '%s\\n' paged; echo $((6 * 7))\r\npaged\r\n42\r\n${PROMPT}`,
    );
  });

  it('when they cannot be read the login shell dies of SIGBUS, with no word, like a page fault that fails', async () => {
    commands.arrive();
    const { seen, type } = await loggedIn();
    type("printf '%s\\n' paged\r");
    await until(() => seen.screen.endsWith('paged\r\n'), seen);
    shell.fail();
    await until(() => seen.exits.length > 0, seen);
    // The shell's wait status as bash reports one (128 + SIGBUS's 7).
    expect(seen).toEqual({ screen: `${PROMPT}printf '%s\\n' paged\r\n`, exits: [135] });
  });
});
