import type { TreeEntry } from './support/file-world.ts';
import { describeScenarios } from './support/scenarios.ts';

const TREE: TreeEntry[] = [
  { path: 'f', kind: 'file', data: 'x' },
  { path: 'd', kind: 'dir' },
  { path: 'd/e', kind: 'dir' },
  { path: 'd/e/g', kind: 'file', data: '' },
  { path: 'ro', kind: 'dir', mode: 0o755 },
  { path: 'ro/x', kind: 'file', data: '' },
  { path: 'old', kind: 'file', data: '', mtime: Date.UTC(2024, 0, 1) },
];

/** coreutils 9.1 mkdir, rm and touch; recorded from the real tools on Debian 12 on the same tree (fixtures/mkdir-rm-touch.json). */
describeScenarios('mkdir-rm-touch', {
  'mkdir, -p, -m': {
    tree: TREE,
    steps: [
      { argv: ['mkdir', 'n1', 'n2'] },
      { argv: ['mkdir', '-p', 'a/b/c', 'd/e'] },
      { argv: ['mkdir', '-m', '700', 'm1'] },
      { argv: ['mkdir', '-m', 'g+w', 'm2'] },
      { argv: ['mkdir', '-pv', 'v/w'] },
      { argv: ['ls', '-l', '.', 'a', 'a/b'] },
    ],
  },
  'mkdir errors': {
    tree: TREE,
    steps: [
      { argv: ['mkdir'] },
      { argv: ['mkdir', 'd'] },
      { argv: ['mkdir', 'nope/x'] },
      { argv: ['mkdir', 'f/x'] },
      { argv: ['mkdir', '-p', 'f/x'] },
      { argv: ['mkdir', '-m', 'abc', 'x'] },
      { argv: ['mkdir', 'ro/y'], uid: 65534 },
      { argv: ['mkdir', '-p', 'ro/y/z'], uid: 65534 },
    ],
  },
  'rm files and trees': {
    tree: TREE,
    steps: [
      { argv: ['rm', 'f'] },
      { argv: ['rm', 'd'] },
      { argv: ['rm', '-r', 'd'] },
      { argv: ['rm', '-f', 'nope'] },
      { argv: ['rm', '-fv', 'old'] },
      { argv: ['ls', '-A'] },
    ],
  },
  'rm -d and -v': {
    tree: TREE,
    steps: [{ argv: ['rm', '-d', 'd/e'] }, { argv: ['rm', '-rv', 'd'] }, { argv: ['ls'] }],
  },
  'rm errors': {
    tree: TREE,
    steps: [
      { argv: ['rm'] },
      { argv: ['rm', '-f'] },
      { argv: ['rm', 'nope'] },
      { argv: ['rm', '-r', '.'] },
      { argv: ['rm', '-r', 'd/..'] },
      { argv: ['rm', '-r', '/'] },
      { argv: ['rm', 'ro/x'], uid: 65534 },
      { argv: ['rm', '-rf', 'ro'], uid: 65534 },
      { argv: ['ls', 'ro'] },
    ],
  },
  'touch creates and updates': {
    tree: TREE,
    steps: [
      { argv: ['touch', 'new', 'old'] },
      { argv: ['touch', '-c', 'absent'] },
      { argv: ['ls', '-l', 'new', 'old'] },
      { argv: ['ls', 'absent'] },
    ],
  },
  'touch errors': {
    tree: TREE,
    steps: [
      { argv: ['touch'] },
      { argv: ['touch', 'nope/x'] },
      { argv: ['touch', 'f'], uid: 65534 },
      { argv: ['touch', 'ro/new'], uid: 65534 },
      { argv: ['touch', 'd'] },
    ],
  },
});
