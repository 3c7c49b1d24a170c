import { describe, expect, it } from 'vitest';
import { maskPsTable } from '../../support/ps-table.ts';
import { runPlain } from '../../support/plain.ts';

/**
 * The two commands of the seed article (../shared/seed/gosu-in-docker.zh.txt),
 * on the images it used. Expected tables come from real transcripts:
 * - ubuntu:trusty `sudo ps aux`: the article's table (whitespace restored to
 *   procps 3.3's layout as gosu's README prints it: PID column 5 wide); sudo
 *   stays PID 1 and ps runs at PID 6. The article shows sudo as `Rs`, caught
 *   running; the simulator shows it waiting (`Ss`, as Debian 12's sudo in
 *   golden 02): see src/sim/LIMITATIONS.md.
 * - gosu/alpine `gosu root ps aux`: BusyBox's header with TIME as real Alpine
 *   containers print it ("PID   USER     TIME  COMMAND",
 *   "    1 root      0:00 sh"), and ps as the only process, PID 1.
 */
describe('the seed article on its own images', () => {
  it('ubuntu:trusty: sudo stays PID 1 and ps is its child at a later PID', () => {
    const { stdout, stderr, status } = runPlain('docker run --rm ubuntu:trusty sudo ps aux');
    expect(maskPsTable(stdout)).toBe(
      maskPsTable(
        'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
          'root         1  0.0  0.0  46012  1772 ?        Ss   12:05   0:00 sudo ps aux\n' +
          'root         6  0.0  0.0  15568  1140 ?        R    12:05   0:00 ps aux\n',
      ),
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('gosu/alpine: ps is PID 1 and the only process, in BusyBox format', () => {
    const { stdout, stderr, status } = runPlain('docker run --rm gosu/alpine gosu root ps aux');
    expect(stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 ps aux\n');
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('the masking keeps what matters: a different PID is not hidden', () => {
    const real =
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nroot         6  0.0  0.0  15568  1140 ?        R    12:05   0:00 ps aux\n';
    expect(maskPsTable(real)).not.toBe(maskPsTable(real.replace('     6', '     2')));
  });
});
