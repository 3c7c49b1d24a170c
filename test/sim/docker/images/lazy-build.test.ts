import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';

/**
 * A catalog image is built the first time `docker run` names it. In a
 * terminal the host lets virtual time follow real time, but the build's own
 * waits (apt's downloads) pass at once: the learner waits for an image, not
 * for a simulated download (Host.fastForwardBuild).
 */
describe('building a catalog image on first use', () => {
  it('finishes in a terminal without real time passing, the clock moved on by the downloads', () => {
    const queue: (() => void)[] = [];
    const host = createHost({ defer: (run) => queue.push(run) });
    const session = host.openTerminal();
    let screen = '';
    session.onOutput((data) => (screen += data));
    const before = host.kernel.clock.now();
    session.write('docker run --rm redis:7.2 true; echo status=$?\r');
    for (let i = 0; i < 10_000 && queue.length > 0; i++) queue.shift()?.();
    // The command ended (its status printed) with no real timer fired: only slices ran.
    expect(screen).toMatch(/status=\d+/);
    expect(host.images.buildLog('redis:7.2')).toContain('Step 1/');
    expect(host.images.buildLog('redis:7.2')).toMatch(/Fetched [\d.]+ [kM]B in \d+s/);
    expect(host.kernel.clock.now() - before).toBeGreaterThan(1000);
    expect(host.images.building).toBe(false);
  });
});
