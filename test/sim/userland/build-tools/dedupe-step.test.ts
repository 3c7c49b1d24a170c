import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabSession } from '../support/lab-session.ts';

/**
 * The redis 7.2/8.2.1 Dockerfiles' "deduplicate redis-server copies" step
 * (7.2 lines 118-126), verbatim but for the directory, run by dash with
 * md5sum, cut, find, sh and ln — in the simulator and, when this machine has
 * them, with the real /bin/dash and coreutils/findutils in the same
 * directory: both whole outputs (the xtrace lines included) must agree. A copy
 * of redis-server becomes a link; a different program stays.
 */
const script = (bin: string) => `set -eux
serverMd5="$(md5sum ${bin}/redis-server | cut -d' ' -f1)"; export serverMd5; \\
find ${bin}/redis* -maxdepth 0 \\
		-type f -not -name redis-server \\
		-exec sh -eux -c ' \\
			md5="$(md5sum "$1" | cut -d" " -f1)"; \\
			test "$md5" = "$serverMd5"; \\
		' -- '{}' ';' \\
		-exec ln -svfT 'redis-server' '{}' ';' \\
	;
`;

const FILES: Record<string, string> = {
  'redis-server': 'server\n',
  'redis-cli': 'cli\n',
  'redis-check-aof': 'server\n',
};

function simulate(bin: string) {
  const s = new LabSession();
  s.run(['mkdir', '-p', bin]);
  for (const [name, data] of Object.entries(FILES)) {
    s.tree.file(`${bin}/${name}`, data, { perm: 0o755 });
  }
  s.run(['ln', '-s', 'redis-server', `${bin}/redis-sentinel`]);
  const run = s.run(['sh', '-c', script(bin)], { env: ['PATH=/usr/bin:/bin'] });
  return { run, link: s.run(['readlink', `${bin}/redis-check-aof`]).stdout };
}

describe("the Dockerfiles' redis-server dedup step", () => {
  it('links the copy and leaves redis-cli', () => {
    const { run, link } = simulate('/tmp/dedupe');
    expect(run.stdout).toBe("'/tmp/dedupe/redis-check-aof' -> 'redis-server'\n");
    expect(run.status).toBe(0);
    expect(link).toBe('redis-server\n');
  });

  it.skipIf(!existsSync('/bin/dash') || process.platform !== 'linux')(
    'matches the real dash, md5sum, cut, find and ln',
    () => {
      const bin = mkdtempSync(join(tmpdir(), 'stepdown-dedupe-'));
      for (const [name, data] of Object.entries(FILES)) {
        writeFileSync(join(bin, name), data);
        chmodSync(join(bin, name), 0o755);
      }
      symlinkSync('redis-server', join(bin, 'redis-sentinel'));
      const real = spawnSync('/bin/dash', ['-c', script(bin)], {
        env: { PATH: '/usr/bin:/bin' },
        encoding: 'utf8',
      });
      const { run } = simulate(bin);
      // The two sides of `md5sum … | cut …` trace concurrently and the real
      // writes interleave even inside lines ("md5sum+ cut -d  -f1\n /tmp/…"),
      // so standard error is compared as the same characters in any order.
      const letters = (text: string) => Array.from(text.replace(/[+\s]/g, '')).sort().join('');
      expect(run.stdout).toBe(real.stdout);
      expect(run.status).toBe(real.status);
      expect(letters(run.stderr)).toBe(letters(real.stderr));
    },
  );
});
