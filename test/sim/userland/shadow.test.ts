import { describe, expect, it } from 'vitest';
import { DEBIAN_GROUP, DEBIAN_PASSWD } from '../../../src/sim/docker/images/debian-users.ts';
import { GROUPADD_USAGE, USERADD_USAGE } from '../../../src/sim/userland/shadow/usage-texts.ts';
import { LabSession } from './support/lab-session.ts';

/**
 * shadow 4.13 groupadd and useradd as on Debian 12. Expected lines and
 * messages were captured by running the real tools on this machine against
 * a copy of the same Debian base files with Debian's /etc/login.defs and
 * /etc/default/useradd (`groupadd -P PREFIX -r redis; useradd -P PREFIX -r
 * -g redis redis`, and the error cases one by one); 20785 is 2026-11-28,
 * the world's day, in days since the epoch.
 */
const DAY = 20785;

function freshDebian(): LabSession {
  const s = new LabSession();
  const lines = (text: string) => text.trim().split('\n');
  s.tree.file('/etc/passwd', DEBIAN_PASSWD);
  s.tree.file('/etc/group', DEBIAN_GROUP);
  s.inode('/home')?.entries.delete('redis');
  s.tree.file(
    '/etc/shadow',
    lines(DEBIAN_PASSWD)
      .map((l) => `${l.split(':')[0]}:*:19000:0:99999:7:::\n`)
      .join(''),
    { perm: 0o640, gid: 42 },
  );
  s.tree.file(
    '/etc/gshadow',
    lines(DEBIAN_GROUP)
      .map((l) => `${l.split(':')[0]}:*::\n`)
      .join(''),
    { perm: 0o640, gid: 42 },
  );
  return s;
}

const ok = { stdout: '', stderr: '', status: 0 };
const lastLine = (text: string | undefined) => text?.trim().split('\n').at(-1);

describe('groupadd -r redis; useradd -r -g redis redis on a fresh Debian', () => {
  const s = freshDebian();
  const before = { passwd: s.read('/etc/passwd'), shadow: s.read('/etc/shadow') };
  it('both succeed silently', () => {
    expect(s.run(['groupadd', '-r', 'redis'])).toEqual(ok);
    expect(s.run(['useradd', '-r', '-g', 'redis', 'redis'])).toEqual(ok);
  });
  it('gives 999:999 and writes the four files', () => {
    expect(lastLine(s.read('/etc/passwd'))).toBe('redis:x:999:999::/home/redis:/bin/sh');
    expect(lastLine(s.read('/etc/group'))).toBe('redis:x:999:');
    expect(lastLine(s.read('/etc/shadow'))).toBe(`redis:!:${DAY}::::::`);
    expect(lastLine(s.read('/etc/gshadow'))).toBe('redis:!::');
  });
  it('keeps the old files as backups with the same mode and owner', () => {
    expect(s.read('/etc/passwd-')).toBe(before.passwd);
    expect(s.read('/etc/shadow-')).toBe(before.shadow);
    expect([s.inode('/etc/shadow')?.perm, s.inode('/etc/shadow')?.gid]).toEqual([0o640, 42]);
    expect([s.inode('/etc/shadow-')?.perm, s.inode('/etc/shadow-')?.gid]).toEqual([0o640, 42]);
  });
  it('creates no home directory', () => {
    expect(s.inode('/home/redis')).toBeUndefined();
  });
  it('the id tools see the new user', () => {
    expect(s.run(['id', 'redis'])).toEqual({
      stdout: 'uid=999(redis) gid=999(redis) groups=999(redis)\n',
      stderr: '',
      status: 0,
    });
  });
});

describe('id allocation', () => {
  it('counts system ids down from 999 and others up from 1000, with a group per user', () => {
    const s = freshDebian();
    for (const argv of [
      ['groupadd', '-r', 'redis'],
      ['useradd', '-r', '-g', 'redis', 'redis'],
      ['useradd', '-r', 'third'],
      ['useradd', 'plain'],
      ['groupadd', 'grp'],
      ['useradd', '-r', '-s', '/bin/false', '-d', '/nonexist', 'six'],
      ['useradd', '-m', 'withhome'],
    ])
      expect(s.run(argv)).toEqual(ok);
    expect(s.read('/etc/passwd')?.trim().split('\n').slice(-5)).toEqual([
      'redis:x:999:999::/home/redis:/bin/sh',
      'third:x:998:998::/home/third:/bin/sh',
      'plain:x:1000:1000::/home/plain:/bin/sh',
      'six:x:997:997::/nonexist:/bin/false',
      'withhome:x:1001:1002::/home/withhome:/bin/sh',
    ]);
    expect(s.read('/etc/group')?.trim().split('\n').slice(-6)).toEqual([
      'redis:x:999:',
      'third:x:998:',
      'plain:x:1000:',
      'grp:x:1001:',
      'six:x:997:',
      'withhome:x:1002:',
    ]);
    expect(s.read('/etc/shadow')?.trim().split('\n').slice(-5)).toEqual([
      `redis:!:${DAY}::::::`,
      `third:!:${DAY}::::::`,
      `plain:!:${DAY}:0:99999:7:::`,
      `six:!:${DAY}::::::`,
      `withhome:!:${DAY}:0:99999:7:::`,
    ]);
    const home = s.inode('/home/withhome');
    expect([home?.kind, home?.perm, home?.uid, home?.gid]).toEqual(['dir', 0o755, 1001, 1002]);
  });
});

describe('errors', () => {
  const cases: [string, string[], string, number, number?][] = [
    ['group exists', ['groupadd', 'redis'], "groupadd: group 'redis' already exists\n", 9],
    ['-f with an existing group', ['groupadd', '-f', 'redis'], '', 0],
    ['user exists', ['useradd', 'redis'], "useradd: user 'redis' already exists\n", 9],
    ['a bad group name', ['groupadd', 'a:b'], "groupadd: 'a:b' is not a valid group name\n", 3],
    [
      'a name starting with -',
      ['groupadd', '--', '-x'],
      "groupadd: '-x' is not a valid group name\n",
      3,
    ],
    [
      'a bad user name',
      ['useradd', 'a,b'],
      "useradd: invalid user name 'a,b': use --badname to ignore\n",
      3,
    ],
    [
      'a missing group',
      ['useradd', '-r', '-g', 'nosuch', 'x'],
      "useradd: group 'nosuch' does not exist\n",
      6,
    ],
    [
      'a missing numeric group',
      ['useradd', '-r', '-g', '12345', 'x'],
      "useradd: group '12345' does not exist\n",
      6,
    ],
    ['a taken GID', ['groupadd', '-g', '999', 'other'], "groupadd: GID '999' already exists\n", 4],
    [
      'a taken UID',
      ['useradd', '-u', '999', '-g', 'redis', 'other'],
      'useradd: UID 999 is not unique\n',
      4,
    ],
    ['a bad GID', ['groupadd', '-g', 'abc', 'z'], "groupadd: invalid group ID 'abc'\n", 3],
    ['a bad UID', ['useradd', '-u', 'abc', 'z'], "useradd: invalid user ID 'abc'\n", 3],
    [
      'a group named like the user',
      ['useradd', 'users'],
      'useradd: group users exists - if you want to add this user to that group, use -g.\n',
      9,
    ],
    [
      'not root (groupadd)',
      ['groupadd', 'x'],
      'groupadd: Permission denied.\ngroupadd: cannot lock /etc/group; try again later.\n',
      10,
      65534,
    ],
    [
      'not root (useradd)',
      ['useradd', 'y'],
      'useradd: Permission denied.\nuseradd: cannot lock /etc/passwd; try again later.\n',
      1,
      65534,
    ],
    ['groupadd without a name', ['groupadd'], GROUPADD_USAGE, 2],
    ['groupadd with two names', ['groupadd', 'a', 'b'], GROUPADD_USAGE, 2],
    [
      'groupadd with a bad option',
      ['groupadd', '--nope', 'x'],
      `groupadd: unrecognized option '--nope'\n${GROUPADD_USAGE}`,
      2,
    ],
    ['useradd without a name', ['useradd'], USERADD_USAGE, 2],
    [
      'useradd with a bad option',
      ['useradd', '-z', 'x'],
      `useradd: invalid option -- 'z'\n${USERADD_USAGE}`,
      2,
    ],
  ];
  for (const [name, argv, stderr, status, uid] of cases) {
    it(name, () => {
      const s = freshDebian();
      s.run(['groupadd', '-r', 'redis']);
      s.run(['useradd', '-r', '-g', 'redis', 'redis']);
      expect(s.run(argv, { uid: uid ?? 0 })).toEqual({ stdout: '', stderr, status });
    });
  }
});

describe('useradd -G', () => {
  it('adds the user to the member lists of /etc/group and /etc/gshadow', () => {
    const s = freshDebian();
    expect(s.run(['useradd', '-G', 'sudo,audio', 'ann'])).toEqual(ok);
    expect(
      s
        .read('/etc/group')
        ?.split('\n')
        .filter((l) => /^(sudo|audio|ann):/.test(l)),
    ).toEqual(['sudo:x:27:ann', 'audio:x:29:ann', 'ann:x:1000:']);
    expect(
      s
        .read('/etc/gshadow')
        ?.split('\n')
        .filter((l) => /^(sudo|audio):/.test(l)),
    ).toEqual(['sudo:*::ann', 'audio:*::ann']);
  });
});
