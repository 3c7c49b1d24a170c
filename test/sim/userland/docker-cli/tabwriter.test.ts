import { describe, expect, it } from 'vitest';
import { tabwrite } from '../../../../src/sim/userland/docker-cli/tabwriter.ts';

describe('the tabwriter docker ps and docker top print through', () => {
  // docs/research/docker-texts.md §6: the 28.2.2 client rendering rows from a stub daemon
  // (minimum width 10, padding 3; the last column unpadded; "…" counts as one character).
  it('lays out docker ps -a exactly as the real client did', () => {
    const rows = [
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      [
        '3f2b1c9d8e7a',
        'alpine',
        '"sleep 1000"',
        '2 minutes ago',
        'Up 2 minutes',
        '',
        'quirky_turing',
      ],
      [
        'bbbbbbbbbbbb',
        'nginx:latest',
        '"/docker-entrypoint.…"',
        '2 hours ago',
        'Up 2 hours',
        '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
        'web',
      ],
      [
        'dddddddddddd',
        'alpine',
        '"echo hi"',
        '5 seconds ago',
        'Exited (0) 2 seconds ago',
        '',
        'done',
      ],
    ];
    expect(tabwrite(rows, 10, 3)).toBe(
      'CONTAINER ID   IMAGE          COMMAND                  CREATED         STATUS                     PORTS                                     NAMES\n' +
        '3f2b1c9d8e7a   alpine         "sleep 1000"             2 minutes ago   Up 2 minutes                                                         quirky_turing\n' +
        'bbbbbbbbbbbb   nginx:latest   "/docker-entrypoint.…"   2 hours ago     Up 2 hours                 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n' +
        'dddddddddddd   alpine         "echo hi"                5 seconds ago   Exited (0) 2 seconds ago                                             done\n',
    );
  });

  it('an empty list is the header alone', () => {
    expect(
      tabwrite(
        [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']],
        10,
        3,
      ),
    ).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });
});
