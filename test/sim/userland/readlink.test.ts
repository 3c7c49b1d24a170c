import { describe, expect, it } from 'vitest';
import type { TreeEntry } from './support/file-world.ts';
import { LabSession } from './support/lab-session.ts';
import { describeScenarios } from './support/scenarios.ts';

const TREE: TreeEntry[] = [
  { path: 'f', kind: 'file', data: '' },
  { path: 'l1', kind: 'symlink', target: 'f' },
  { path: 'l2', kind: 'symlink', target: 'l1' },
  { path: 'dangling', kind: 'symlink', target: 'nowhere/x' },
  { path: 'loop', kind: 'symlink', target: 'loop' },
];

/** coreutils 9.1 readlink without -f (whose answers are absolute); recorded on Debian 12 (fixtures/readlink.json). */
describeScenarios('readlink', {
  targets: {
    tree: TREE,
    steps: [{ argv: ['readlink', 'l1', 'l2', 'dangling'] }, { argv: ['readlink', '-n', 'l1'] }],
  },
  'not links': {
    tree: TREE,
    steps: [
      { argv: ['readlink', 'f'] },
      { argv: ['readlink', 'nope'] },
      { argv: ['readlink', '-v', 'f', 'nope'] },
    ],
  },
  errors: { tree: TREE, steps: [{ argv: ['readlink'] }, { argv: ['readlink', '-x', 'f'] }] },
});

/**
 * readlink -f/-e/-m on the lab image (usr-merged: /bin -> usr/bin). Texts as
 * coreutils 9.1 prints them: `readlink -f /tmp/../usr/bin/../nope` gives
 * /usr/nope, `readlink -f /nope/x/y` prints nothing and exits 1 (checked on Debian 12).
 */
describe('readlink -f on the lab image', () => {
  const cases: [string[], string, number][] = [
    [['readlink', '-f', '/bin/ls'], '/usr/bin/ls\n', 0],
    [['readlink', '-f', '/tmp/../usr/bin/../nope'], '/usr/nope\n', 0],
    [['readlink', '-f', '/nope/x/y'], '', 1],
    [['readlink', '-e', '/usr/nope'], '', 1],
    [['readlink', '-m', '/nope/x/../y'], '/nope/y\n', 0],
    [['readlink', '-f', 'sbin/../etc'], '/usr/etc\n', 0],
    [['readlink', '-f', ''], '', 1],
  ];
  for (const [argv, stdout, status] of cases) {
    it(argv.join(' '), () => {
      expect(new LabSession().run(argv)).toEqual({ stdout, stderr: '', status });
    });
  }
});
