import { describeScenarios } from './support/scenarios.ts';
import type { TreeEntry } from './support/file-world.ts';

/** 2025-01-02 03:04 UTC: more than six months before the world's clock, so ls shows the year. */
const OLD = Date.UTC(2025, 0, 2, 3, 4);

const TREE: TreeEntry[] = [
  { path: 'd', kind: 'dir' },
  { path: 'd/a', kind: 'file', data: 'hi\n', uid: 4242, gid: 4242 },
  { path: 'd/B', kind: 'file', data: '' },
  { path: 'd/.hidden', kind: 'file', data: 'x'.repeat(5000) },
  { path: 'd/link', kind: 'symlink', target: 'a' },
  { path: 'd/old', kind: 'file', data: '', mode: 0o4755, mtime: OLD },
  { path: 'd/sticky', kind: 'dir', mode: 0o1777 },
  { path: 'd/sub', kind: 'dir', uid: 65534, gid: 65534 },
  { path: 'd/sub/x', kind: 'dir' },
  { path: 'd/sub/f', kind: 'file', data: 'data', mode: 0o640 },
  { path: 'd/sgid', kind: 'file', data: '', mode: 0o2070 },
  { path: 'locked', kind: 'dir', mode: 0o700 },
  { path: 'locked/in', kind: 'file', data: '' },
  { path: 'dirlink', kind: 'symlink', target: 'd/sub' },
];

/** coreutils 9.1 ls; recorded from /usr/bin/ls on Debian 12 on the same tree (fixtures/ls.json). */
describeScenarios('ls', {
  'names, one a line': { tree: TREE, steps: [{ argv: ['ls', 'd'] }] },
  '-l: modes, owners as names or numbers, sizes, dates, links, total': {
    tree: TREE,
    steps: [{ argv: ['ls', '-l', 'd'] }],
  },
  '-la: dot files, . and ..': { tree: TREE, steps: [{ argv: ['ls', '-la', 'd/sub'] }] },
  '-A': { tree: TREE, steps: [{ argv: ['ls', '-A', 'd'] }] },
  '-n: numbers': { tree: TREE, steps: [{ argv: ['ls', '-n', 'd'] }] },
  '-ld: directories themselves': {
    tree: TREE,
    steps: [{ argv: ['ls', '-ld', 'd', 'd/sub', 'd/sticky'] }],
  },
  '-d without -l': { tree: TREE, steps: [{ argv: ['ls', '-d', 'd', 'd/a'] }] },
  'files before directories, with headings': {
    tree: TREE,
    steps: [{ argv: ['ls', 'd/sub', 'd/a', 'd/B', 'd/sub/x'] }],
  },
  '-l of files and a directory': {
    tree: TREE,
    steps: [{ argv: ['ls', '-l', 'd/a', 'd/old', 'd/sub'] }],
  },
  'a missing operand among others': {
    tree: TREE,
    steps: [{ argv: ['ls', 'nope', 'd/a', 'd/sub/x'] }],
  },
  'a symlink to a directory is followed without -l': {
    tree: TREE,
    steps: [
      { argv: ['ls', 'dirlink'] },
      { argv: ['ls', '-l', 'dirlink'] },
      { argv: ['ls', '-l', 'dirlink/'] },
    ],
  },
  '-R': { tree: TREE, steps: [{ argv: ['ls', '-R', 'd/sub'] }] },
  '-lR': { tree: TREE, steps: [{ argv: ['ls', '-lR', 'd/sub'] }] },
  '-r and -t': { tree: TREE, steps: [{ argv: ['ls', '-r', 'd'] }, { argv: ['ls', '-t', 'd'] }] },
  'a directory nobody may read': {
    tree: TREE,
    steps: [
      { argv: ['ls', 'locked'], uid: 65534 },
      { argv: ['ls', '-l', 'locked'], uid: 65534 },
    ],
  },
  'bad options': {
    tree: TREE,
    steps: [
      { argv: ['ls', '-y'] },
      { argv: ['ls', '--nope'] },
      { argv: ['ls', '--a'] },
      { argv: ['ls', '--d'] },
      { argv: ['ls', '--h'] },
      { argv: ['ls', '--all=x'] },
    ],
  },
});
