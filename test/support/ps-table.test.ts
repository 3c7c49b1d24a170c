import { describe, expect, it } from 'vitest';
import { maskPsTable } from './ps-table.ts';

// Tables from the gosu README, "Why?" section (https://github.com/tianon/gosu#why),
// and BusyBox ps on Alpine.
const SUDO_TABLE = [
  'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
  'root         1  3.0  0.0  46020  3144 ?        Ss+  02:22   0:00 sudo ps aux',
  'root         7  0.0  0.0  15576  2172 ?        R+   02:22   0:00 ps aux',
].join('\n');

describe('maskPsTable', () => {
  it('masks the volatile columns of procps ps aux and keeps the rest byte for byte', () => {
    expect(maskPsTable(SUDO_TABLE).split('\n')).toEqual([
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root         1 #### #### ###### ##### ######## Ss+  ############ sudo ps aux',
      'root         7 #### #### ###### ##### ######## R+   ############ ps aux',
    ]);
  });

  it('makes tables that differ only in volatile columns equal, and no others', () => {
    const other = SUDO_TABLE.replace('3.0  0.0  46020  3144', '0.0  0.1   7140   768');
    expect(maskPsTable(other)).toBe(maskPsTable(SUDO_TABLE));
    for (const [from, to] of [
      ['7  0.0', '6  0.0'],
      ['R+ ', 'S+ '],
      ['0:00 ps aux', '0:00 ps ax'],
    ] as const) {
      expect(maskPsTable(SUDO_TABLE.replace(from, to))).not.toBe(maskPsTable(SUDO_TABLE));
    }
  });
});

describe('maskPsTable on BusyBox tables', () => {
  it('masks the whole TIME column, so only real differences remain', () => {
    const a = 'PID   USER     TIME  COMMAND\n    1 root      0:00 ps aux\n';
    const b = 'PID   USER     TIME  COMMAND\n    1 root     12:34 ps aux\n';
    expect(maskPsTable(a)).toBe(maskPsTable(b));
    expect(maskPsTable(a)).not.toBe(maskPsTable(b.replace('ps aux', 'sh')));
  });
});
