import { describe, expect, it } from 'vitest';
import type { TreeEntry } from './support/file-world.ts';
import { describeScenarios } from './support/scenarios.ts';
import { LabSession } from './support/lab-session.ts';

const TREE: TreeEntry[] = [
  { path: 'data', kind: 'dir' },
  { path: 'data/a', kind: 'file', data: 'x', uid: 4242 },
  { path: 'data/B', kind: 'file', data: '' },
  { path: 'data/.hid', kind: 'file', data: '', uid: 65534, gid: 65534 },
  { path: 'data/link', kind: 'symlink', target: 'a' },
  { path: 'data/sub', kind: 'dir', uid: 65534 },
  { path: 'data/sub/x.c', kind: 'file', data: 'int x;', mode: 0o4755 },
  { path: 'data/sub/empty', kind: 'dir' },
  { path: 'locked', kind: 'dir', mode: 0o700 },
  { path: 'locked/in', kind: 'file', data: '' },
];

/** Directory order is the file system's (ext4 hashes names; the simulator keeps creation order), so walks compare sorted lines. */
const walk = (argv: string[], uid?: number) => ({ argv, unordered: true, uid });

/** findutils 4.9.0 find; recorded from /usr/bin/find on Debian 12 on the same tree (fixtures/find.json). */
describeScenarios('find', {
  everything: {
    tree: TREE,
    steps: [walk(['find', 'data']), walk(['find']), walk(['find', 'data/'])],
  },
  '-maxdepth, -mindepth': {
    tree: TREE,
    steps: [
      walk(['find', 'data', '-maxdepth', '1']),
      walk(['find', 'data', '-mindepth', '2']),
      walk(['find', 'data', '-maxdepth', '0']),
    ],
  },
  '-name, -iname, -path, -type': {
    tree: TREE,
    steps: [
      walk(['find', 'data', '-name', '*.c']),
      walk(['find', 'data', '-iname', 'b']),
      walk(['find', 'data', '-path', 'data/s*']),
      walk(['find', 'data', '-type', 'd']),
      walk(['find', 'data', '-type', 'f,l']),
      walk(['find', 'data', '-name', '.*']),
    ],
  },
  '-user, -group, -nouser, -perm, -empty': {
    tree: TREE,
    steps: [
      walk(['find', 'data', '!', '-user', 'root']),
      walk(['find', 'data', '-user', '65534']),
      walk(['find', 'data', '-group', 'nogroup']),
      walk(['find', 'data', '-nouser']),
      walk(['find', 'data', '-perm', '-4000']),
      walk(['find', 'data', '-perm', '644']),
      walk(['find', 'data', '-perm', '/u+s,o+w']),
      walk(['find', 'data', '-empty']),
    ],
  },
  'operators and -prune': {
    tree: TREE,
    steps: [
      walk(['find', 'data', '-type', 'd', '-o', '-type', 'l']),
      walk(['find', 'data', '-name', 'sub', '-prune', '-o', '-print']),
      walk(['find', 'data', '(', '-name', 'a', '-or', '-name', 'B', ')', '-print']),
      walk(['find', 'data', '-not', '-type', 'f', '-a', '-print']),
      walk(['find', 'data', '-print0', '-quit']),
    ],
  },
  '-exec … ; and -exec … {} +': {
    tree: TREE,
    steps: [
      walk(['find', 'data', '-name', 'a', '-exec', 'echo', 'x{}y', '{}', ';']),
      { argv: ['find', 'data', '-maxdepth', '0', '-exec', 'echo', 'found', '{}', '+'] },
      { argv: ['find', 'data', '-maxdepth', '0', '-exec', 'false', ';'] },
      { argv: ['find', 'data', '-maxdepth', '0', '-exec', 'false', '{}', '+'] },
      { argv: ['find', 'data', '-maxdepth', '0', '-exec', 'nosuchcmd', '{}', ';'] },
      { argv: ['find', 'data', '-maxdepth', '0', '-exec', 'nosuchcmd', '{}', '+'] },
    ],
  },
  "the redis entrypoint's chown": {
    tree: TREE,
    steps: [
      walk(['find', '.', '!', '-user', 'nobody', '-exec', 'chown', 'nobody', '{}', '+']),
      walk(['find', '.', '!', '-user', 'nobody']),
      { argv: ['ls', '-lnR', 'data'] },
    ],
  },
  'unreadable directories': {
    tree: TREE,
    steps: [walk(['find', '.', '-name', 'in'], 65534), walk(['find', 'locked'], 65534)],
  },
  errors: {
    tree: TREE,
    steps: [
      { argv: ['find', 'nope', 'data', '-maxdepth', '0'] },
      { argv: ['find', '-foo'] },
      { argv: ['find', 'data', '-name'] },
      { argv: ['find', 'data', '-name', 'a', 'b'] },
      { argv: ['find', 'data', '-type', 'x'] },
      { argv: ['find', 'data', '-maxdepth', 'x'] },
      { argv: ['find', 'data', '-maxdepth', '-1'] },
      { argv: ['find', 'data', '-user', 'nosuchuser'] },
      { argv: ['find', 'data', '-group', 'nosuch'] },
      { argv: ['find', 'data', '-uid', 'x'] },
      { argv: ['find', 'data', '-perm', 'abc'] },
      { argv: ['find', 'data', '-exec', 'ls'] },
      { argv: ['find', 'data', '-exec', 'echo', 'a{}b', '{}', '+'] },
      { argv: ['find', 'data', '-a'] },
      { argv: ['find', 'data', '!'] },
      { argv: ['find', 'data', '-o'] },
      { argv: ['find', 'data/a/'] },
      { argv: ['find', ''] },
      { argv: ['find', '--version'] },
      walk(['find', '-P', 'data', '-maxdepth', '0']),
    ],
  },
});

describe('find in the redis entrypoint on the lab image (uid 999 is redis there)', () => {
  it('chowns everything not owned by redis, in one chown run', () => {
    const lab = new LabSession();
    lab.tree.dir('/data/sub');
    lab.tree.file('/data/sub/dump.rdb', 'REDIS');
    lab.tree.file('/data/mine', '', { uid: 999, gid: 0 });
    const found = lab.run(
      ['find', '.', '!', '-user', 'redis', '-exec', 'chown', 'redis', '{}', '+'],
      { cwd: '/data' },
    );
    expect(found).toEqual({ stdout: '', stderr: '', status: 0 });
    // Owners as `ls -ln` prints them (layout checked against coreutils 9.1 in ls.test.ts).
    expect(lab.run(['ls', '-lnR', '/data'])).toEqual({
      stdout:
        '/data:\ntotal 4\n-rw-r--r-- 1 999 0    0 Nov 28 17:01 mine\ndrwxr-xr-x 2 999 0 4096 Nov 28 17:01 sub\n\n' +
        '/data/sub:\ntotal 4\n-rw-r--r-- 1 999 0 5 Nov 28 17:01 dump.rdb\n',
      stderr: '',
      status: 0,
    });
  });
});
