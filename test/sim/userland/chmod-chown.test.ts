import type { TreeEntry } from './support/file-world.ts';
import { describeScenarios } from './support/scenarios.ts';

const TREE: TreeEntry[] = [
  { path: 'f', kind: 'file', data: 'x' },
  { path: 'd', kind: 'dir' },
  { path: 'd/e', kind: 'dir' },
  { path: 'd/e/g', kind: 'file', data: '' },
  { path: 'd/link', kind: 'symlink', target: '../f' },
  { path: 'mine', kind: 'file', data: '', uid: 65534, gid: 65534 },
];

const listing = { argv: ['ls', '-ln', 'f', 'd', 'd/e', 'mine'] };

/** coreutils 9.1 chmod and chown; recorded from the real tools on Debian 12 on the same tree (fixtures/chmod-chown.json). */
describeScenarios('chmod-chown', {
  'chmod octal': { tree: TREE, steps: [{ argv: ['chmod', '600', 'f'] }, listing] },
  'chmod symbolic clauses': {
    tree: TREE,
    steps: [{ argv: ['chmod', 'u+s,g=rx,o-r', 'f'] }, { argv: ['chmod', 'a+X', 'd/e/g'] }, listing],
  },
  'chmod copies and X': {
    tree: TREE,
    steps: [
      { argv: ['chmod', 'g=u', 'f'] },
      { argv: ['chmod', 'go-rwx,+X', 'd'] },
      { argv: ['chmod', '+t', 'd/e'] },
      listing,
    ],
  },
  'chmod -w looks like an option': { tree: TREE, steps: [{ argv: ['chmod', '-w', 'f'] }, listing] },
  'the umask narrows a mode without who; as an option chmod says so': {
    tree: [{ path: 'f', kind: 'file', data: '', mode: 0o666 }],
    steps: [
      { argv: ['chmod', '--', '-w', 'f'] },
      { argv: ['ls', '-l', 'f'] },
      { argv: ['chmod', '666', 'f'] },
      { argv: ['chmod', '-w', 'f'] },
      { argv: ['ls', '-l', 'f'] },
      { argv: ['chmod', '600', 'f'] },
      { argv: ['chmod', '+rw', 'f'] },
      { argv: ['ls', '-l', 'f'] },
    ],
  },
  'chmod -R': {
    tree: TREE,
    steps: [{ argv: ['chmod', '-R', '700', 'd'] }, { argv: ['ls', '-lnR', 'd'] }],
  },
  'chmod keeps a directory set-group-ID bit': {
    tree: TREE,
    steps: [
      { argv: ['chmod', '2755', 'd'] },
      { argv: ['chmod', '755', 'd'] },
      { argv: ['ls', '-ld', 'd'] },
    ],
  },
  'chmod errors': {
    tree: TREE,
    steps: [
      { argv: ['chmod'] },
      { argv: ['chmod', '777'] },
      { argv: ['chmod', '999', 'f'] },
      { argv: ['chmod', 'u+z', 'f'] },
      { argv: ['chmod', '755', 'f', 'nope'] },
      { argv: ['chmod', '777', 'f'], uid: 65534 },
      { argv: ['chmod', '-R', '700', 'd'], uid: 65534, unordered: true },
      { argv: ['chmod', '-f', '777', 'f'], uid: 65534 },
    ],
  },
  'chown user, user:group, :group, user:': {
    tree: TREE,
    steps: [
      { argv: ['chown', '4242', 'f'] },
      { argv: ['ls', '-ln', 'f'] },
      { argv: ['chown', '4242:4243', 'f'] },
      { argv: ['ls', '-ln', 'f'] },
      { argv: ['chown', ':50', 'f'] },
      { argv: ['ls', '-ln', 'f'] },
      { argv: ['chown', 'nobody:', 'f'] },
      { argv: ['ls', '-l', 'f'] },
      { argv: ['chown', 'root:root', 'f'] },
      { argv: ['ls', '-l', 'f'] },
      { argv: ['chown', 'nobody.nogroup', 'f'] },
      { argv: ['ls', '-l', 'f'] },
    ],
  },
  'chown -R changes links, not their targets': {
    tree: TREE,
    steps: [
      { argv: ['chown', '-R', '5:6', 'd'] },
      { argv: ['ls', '-lnR', 'd'] },
      { argv: ['ls', '-ln', 'f'] },
    ],
  },
  'chown follows a link operand; -h does not': {
    tree: TREE,
    steps: [
      { argv: ['chown', '7', 'd/link'] },
      { argv: ['ls', '-ln', 'f', 'd/link'] },
      { argv: ['chown', '-h', '8', 'd/link'] },
      { argv: ['ls', '-ln', 'f', 'd/link'] },
    ],
  },
  'chown errors': {
    tree: TREE,
    steps: [
      { argv: ['chown'] },
      { argv: ['chown', 'root'] },
      { argv: ['chown', 'nosuch', 'f'] },
      { argv: ['chown', ':nosuch', 'f'] },
      { argv: ['chown', 'nobody:nosuch', 'f'] },
      { argv: ['chown', '1:2:3', 'f'] },
      { argv: ['chown', '4242:', 'f'] },
      { argv: ['chown', 'nosuch:', 'f'] },
      { argv: ['chown', '99999999999', 'f'] },
      { argv: ['chown', 'root', 'nope'] },
      { argv: ['chown', '', 'f'] },
      { argv: ['chown', 'root', 'mine'], uid: 65534 },
      { argv: ['chown', ':root', 'mine'], uid: 65534 },
      { argv: ['chown', ':nogroup', 'mine'], uid: 65534 },
      { argv: ['chown', '-R', 'nobody', 'd'], uid: 65534, unordered: true },
      { argv: ['chown', '--nope'] },
    ],
  },
});
