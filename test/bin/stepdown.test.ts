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
