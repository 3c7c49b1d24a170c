import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/sim/index.ts';
import { runPlain } from '../../support/plain.ts';

/** Nothing a user types may throw out of the terminal or crash a simulated program. */
describe('hostile input', () => {
  it('any bytes typed at the terminal leave the host answering', () => {
    const host = createHost();
    const port = host.openTerminal();
    let screen = '';
    port.onOutput((d) => (screen += d));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        port.write(input.replace(/\x04/g, ''));
        port.write('\x03');
      }),
      { numRuns: 300, seed: 7 },
    );
    screen = '';
    port.write('\x15docker run --rm gosu/alpine gosu root ps aux\r');
    expect(screen).toContain('    1 root      0:00 ps aux');
    expect(host.kernel.crashes).toEqual([]);
  });

  it('any command line gives a status, never an exception', () => {
    const words = fc.constantFrom(
      'docker',
      'run',
      '--rm',
      'lab',
      'gosu',
      'sudo',
      'ps',
      'aux',
      '-ef',
      'id',
      'root',
      'nobody',
      ':',
      '-u',
      "'",
      '"',
      '-',
      '--',
      'x',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 8 }), (argv) => {
        const { status, host } = runPlain(argv.join(' '));
        expect(Number.isInteger(status)).toBe(true);
        expect(host.kernel.crashes).toEqual([]);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('runaway scripts in plain mode', () => {
  it('an endless loop is stopped after the step limit with status 124, never hanging', () => {
    const host = createHost({ plainStepLimit: 20_000 });
    expect(runPlain('while :; do :; done', host)).toMatchObject({
      stdout: '',
      stderr: 'stepdown: stopped after 20000 steps; the command was still running\n',
      status: 124,
    });
  });

  it('a background loop does not keep the script from ending', () => {
    expect(
      runPlain('while :; do :; done &\necho back', createHost({ plainStepLimit: 200_000 })),
    ).toMatchObject({
      stdout: 'back\n',
      status: 0,
    });
  });
});
