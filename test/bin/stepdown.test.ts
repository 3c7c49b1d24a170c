import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../golden/scenario.ts';
import { maskPsTable } from '../support/ps-table.ts';

const BIN = join(import.meta.dirname, '../../bin/stepdown.js');

function stepdown(args: string[], input: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('npx stepdown --plain', () => {
  it('prints what golden scenarios 01 and 02 recorded, stdout and stderr apart', () => {
    const byId = new Map(loadScenarios().map((s) => [s.id, s]));
    const expected = ['01-gosu-root-ps-aux', '02-sudo-ps-aux']
      .map((id) => byId.get(id)?.observed.stdout ?? '')
      .join('');
    const result = stepdown(
      ['--plain'],
      'docker run --rm lab gosu root ps aux\ndocker run --rm lab sudo ps aux\n',
    );
    expect(maskPsTable(result.stdout)).toBe(maskPsTable(expected));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('exits with the last command status and keeps errors on stderr', () => {
    const result = stepdown(['--plain'], 'docker run --rm lab true\nfoo\n');
    expect(result).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', status: 127 });
  });

  it('refuses an unknown argument', () => {
    const result = stepdown(['--bogus'], '');
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("stepdown: unknown argument '--bogus'");
  });
});

describe('npx stepdown replay', () => {
  it('prints host_side for a scenario with a bind mount (test/golden/recorded/p06)', () => {
    const file = join(import.meta.dirname, '../golden/recorded/p06-bind-mount-owners.json');
    const result = stepdown(['replay', file], '');
    const { observed } = JSON.parse(result.stdout) as {
      observed: { exit: unknown; host_side: Record<string, string> };
    };
    expect(result.status).toBe(0);
    expect(observed.exit).toEqual({ code: 0, signal: null });
    // Dates masked (golden rule 5); the recording's ls -ln of the host directory.
    const masked = (observed.host_side['ls -ln <host-dir>'] ?? '').replace(
      /[A-Z][a-z]{2} [ \d]\d \d\d:\d\d/g,
      'DATE',
    );
    expect(masked).toBe(
      'total 8\ndrwxr-xr-x 2 999 999 4096 DATE redis-dir\n-rw-r--r-- 1 999 999    0 DATE redis-file\n' +
        '-rw-r--r-- 1 999   0    0 DATE redis-root-file\ndrwxr-xr-x 2   0   0 4096 DATE root-dir\n' +
        '-rwsr-xr-x 1   0   0    0 DATE root-file\n',
    );
  });

  it('refuses a missing scenario file argument', () => {
    const result = stepdown(['replay'], '');
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('stepdown: replay takes one scenario file');
  });
});
