import { describe, expect, it } from 'vitest';
import { maskBusyboxPs, maskProcpsAux, maskPsRows } from './ps-table.ts';

// Rows from the gosu README, "Why?" section (https://github.com/tianon/gosu#why).
const SUDO_ROWS = [
  'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
  'root         1  3.0  0.0  46020  3144 ?        Ss+  02:22   0:00 sudo ps aux',
  'root         7  0.0  0.0  15576  2172 ?        R+   02:22   0:00 ps aux',
];

describe('maskProcpsAux', () => {
  it('masks the volatile columns and keeps USER, PID, TTY, STAT and COMMAND', () => {
    expect(maskPsRows(SUDO_ROWS)).toEqual([
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root         1 %CPU %MEM VSZ RSS ? Ss+ START TIME sudo ps aux',
      'root         7 %CPU %MEM VSZ RSS ? R+ START TIME ps aux',
    ]);
  });

  it('makes rows that differ only in volatile columns equal', () => {
    const other = 'root         1  0.0  0.1   7140   768 ?        Ss+  17:04   0:01 sudo ps aux';
    expect(maskProcpsAux(other)).toBe(maskProcpsAux(SUDO_ROWS[1] ?? ''));
  });

  it('still tells apart a different PID, STAT or command', () => {
    const masked = maskProcpsAux(SUDO_ROWS[2] ?? '');
    expect(maskProcpsAux(SUDO_ROWS[2]?.replace('7  0.0', '6  0.0') ?? '')).not.toBe(masked);
    expect(maskProcpsAux(SUDO_ROWS[2]?.replace('R+ ', 'S+ ') ?? '')).not.toBe(masked);
    expect(maskProcpsAux(SUDO_ROWS[2]?.replace('ps aux', 'ps ax') ?? '')).not.toBe(masked);
  });
});

describe('maskBusyboxPs', () => {
  it('masks TIME in BusyBox rows and leaves the header alone', () => {
    expect(maskPsRows(['PID   USER     TIME  COMMAND', '    1 root      0:00 ps aux'])).toEqual([
      'PID   USER     TIME  COMMAND',
      '    1 root TIME ps aux',
    ]);
    expect(maskBusyboxPs('    1 root     12:34 ps aux')).toBe('    1 root TIME ps aux');
  });

  it('leaves prompts and other text unchanged', () => {
    const lines = ['learner@host:~$ docker run --rm gosu/alpine gosu root ps aux', ''];
    expect(maskPsRows(lines)).toEqual(lines);
  });
});
