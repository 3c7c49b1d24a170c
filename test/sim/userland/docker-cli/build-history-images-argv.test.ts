import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain, shellQuote } from '../../../support/plain.ts';

/**
 * Bad input never crashes docker build, history or images: any argv drawn
 * from their real flags, wrong ones, bad references and missing contexts
 * gives a status in 0..255 and no program dies of an exception.
 */
const COMMON = ['--', '-', '', '--nope', '-x', '--help', '-q', '--no-trunc', 'BAD', 'a:b:c', 'lab'];

const WORDS: Readonly<Record<string, readonly string[]>> = {
  build: [
    '-t',
    'mine',
    '-f',
    'Dockerfile',
    '--target',
    '--build-arg',
    'A=1',
    '--no-cache',
    '.',
    'nope',
    '/',
  ],
  history: ['-H', '-H=x', '--human=false', '--format', '{{.ID}}', 'redis:5.0', 'nosuch'],
  images: ['-a', '--all', '--digests', '-f', 'dangling=true', 'ubuntu:trusty', 'redis'],
};

describe('docker build, history and images given any argv', () => {
  const host = createHost();
  for (const [name, words] of Object.entries(WORDS)) {
    it(`docker ${name}: a status in 0..255, never an exception`, () => {
      const word = fc.constantFrom(...words, ...COMMON);
      fc.assert(
        fc.property(fc.array(word, { maxLength: 5 }), (args) => {
          const { status } = runPlain(shellQuote(['docker', name, ...args]), host);
          expect(host.kernel.crashes).toEqual([]);
          expect(Number.isInteger(status) && status >= 0 && status <= 255).toBe(true);
        }),
        { numRuns: 40, seed: 3 },
      );
    });
  }
});
