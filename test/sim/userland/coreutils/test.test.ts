import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPlain, shellQuote } from '../../../support/plain.ts';

/**
 * coreutils test(1) and [(1) 9.1, the programs (not the shells' builtins):
 * redis 8.2.1's entrypoint runs `setpriv … test -r FILE -a -w FILE`.
 * test-cases.sh was run with `env -i /bin/sh` in / on Debian 12 (coreutils
 * 9.1-1) into test-cases.out; the same script runs here in a `lab` container.
 */
const fixtures = new URL('../../../fixtures/coreutils/', import.meta.url);
const script = readFileSync(new URL('test-cases.sh', fixtures), 'utf8');
const recorded = readFileSync(new URL('test-cases.out', fixtures), 'utf8');

function simulated(): string {
  const { stdout, stderr } = runPlain(
    `docker run --rm lab sh -c ${shellQuote([script.replace(/^#.*\n/gm, '')])} 2>&1`,
  );
  return stdout + stderr;
}

describe('coreutils test and [', () => {
  it('answers every recorded case as coreutils 9.1 does (status, errors, --help as a string)', () => {
    expect(simulated()).toBe(recorded);
  });

  it.skipIf(!existsSync('/usr/bin/test'))('still matches the real test installed here', () => {
    const real = execFileSync('/bin/sh', [new URL('test-cases.sh', fixtures).pathname], {
      cwd: '/',
      env: {},
      encoding: 'utf8',
    });
    expect(real).toBe(recorded);
  });

  it('[ --help prints coreutils 9.1 usage; test --help is just a string', () => {
    const { stdout } = runPlain(
      "docker run --rm lab sh -c '/usr/bin/[ --help | head -n 3; /usr/bin/test --help; echo $?'",
    );
    expect(stdout).toBe('Usage: test EXPRESSION\n  or:  test\n  or:  [ EXPRESSION ]\n0\n');
  });
});
