// The worker's host while the simulator's pieces are still on their way (ADR 0010). The
// other tests have every piece up front (test/sim/support/every-piece.ts); here the module
// registry is reset so the host starts without them, and the commands piece arrives only
// when the test lets it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Disposable } from '../../src/terminal/disposable-store.ts';
import type { Timers } from '../../src/terminal/real-time-clock.ts';
import type { FromHost, ToHost } from '../../src/terminal/worker-protocol.ts';
import { fakeChannel } from './fake-channel.ts';

const PROMPT = 'learner@host:~$ ';

let letCommandsArrive: () => void = () => {};
vi.doMock('../../src/sim/pieces/commands.ts', async () => {
  await new Promise<void>((resolve) => (letCommandsArrive = resolve));
  return vi.importActual('../../src/sim/pieces/commands.ts');
});

const servers: Disposable[] = [];
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

/** Waits for a condition; on a timeout the error shows what the page has received. */
async function until(condition: () => boolean, seen: () => string): Promise<void> {
  const end = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out; the page has ${JSON.stringify(seen())}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the host in a worker, before the commands piece has arrived', () => {
  it('a sleep typed meanwhile starts once the code is here and holds the prompt for its time', async () => {
    vi.resetModules();
    const { serveHost } = await import('../../src/terminal/host-server.ts');
    const channel = fakeChannel<ToHost, FromHost>();
    const { timers, armed } = handTimers();
    servers.push(serveHost(channel.worker, { timers }));
    let screen = '';
    channel.page.addEventListener('message', ({ data }) => {
      if (data.type === 'output') screen += data.data;
    });
    channel.page.postMessage({ type: 'open', cols: 80, rows: 24 });
    await until(
      () => screen.endsWith(PROMPT),
      () => screen,
    );

    channel.page.postMessage({ type: 'write', data: 'sleep 1\r' });
    await until(
      () => screen.endsWith('sleep 1\r\n'),
      () => screen,
    );
    // sleep's execve waits for its code (ADR 0010): nothing sleeps in virtual time yet.
    expect([...armed.values()].map(({ ms }) => ms)).toEqual([]);

    letCommandsArrive();
    // Once the code is here sleep runs and its second is a real timer the worker arms.
    await until(
      () => armed.size > 0,
      () => screen,
    );
    expect([...armed.values()].map(({ ms }) => ms)).toEqual([1000]);
    expect(screen.endsWith(PROMPT)).toBe(false);

    for (const [handle, { run }] of armed) {
      armed.delete(handle);
      run();
    }
    await until(
      () => screen.endsWith(PROMPT),
      () => screen,
    );
    expect(screen).toBe(`${PROMPT}sleep 1\r\n${PROMPT}`);
  });
});
