import { describe, expect, it } from 'vitest';
import type { TreeEntry } from './support/file-world.ts';
import { LabSession } from './support/lab-session.ts';
import { describeScenarios } from './support/scenarios.ts';

const TREE: TreeEntry[] = [
  { path: 'd', kind: 'dir' },
  { path: 'd/f', kind: 'file', data: '' },
  { path: 'script', kind: 'file', data: 'echo from a script without #!\n', mode: 0o755 },
];

/**
 * coreutils 9.1 env; recorded from /usr/bin/env on Debian 12 with an empty
 * environment (fixtures/env.json). Without PATH, execvp searches /bin:/usr/bin.
 */
describeScenarios('env', {
  'prints the environment': {
    tree: TREE,
    steps: [
      { argv: ['env'] },
      { argv: ['env', 'A=1', 'B=2'] },
      { argv: ['env', '-i', 'X=y'] },
      { argv: ['env', '-', 'A=1'] },
    ],
  },
  'runs a command in a changed environment': {
    tree: TREE,
    steps: [
      { argv: ['env', 'A=1', 'env'] },
      { argv: ['env', 'A=1', 'B=2', 'env', '-u', 'A'] },
      { argv: ['env', '-C', 'd', 'ls'] },
      { argv: ['env', '=x', 'true'] },
      { argv: ['env', '-0', 'A=1'] },
    ],
  },
  'a script without #! runs under /bin/sh': { tree: TREE, steps: [{ argv: ['env', './script'] }] },
  errors: {
    tree: TREE,
    steps: [
      { argv: ['env', 'nosuch'] },
      { argv: ['env', 'd'] },
      { argv: ['env', './d'] },
      { argv: ['env', 'PATH=/nope', 'ls'] },
      { argv: ['env', '-u'] },
      { argv: ['env', '-u', 'a=b', 'true'] },
      { argv: ['env', '-0', 'true'] },
      { argv: ['env', '-C', 'nope', 'true'] },
      { argv: ['env', '-C', 'd'] },
      { argv: ['env', '--nope'] },
    ],
  },
});

describe('env with the lab image environment', () => {
  it('prints what it was given, in order', () => {
    const lab = new LabSession();
    expect(
      lab.run(['env'], { env: ['PATH=/usr/bin:/bin', 'HOME=/root', 'HOSTNAME=c0ffee123456'] }),
    ).toEqual({
      stdout: 'PATH=/usr/bin:/bin\nHOME=/root\nHOSTNAME=c0ffee123456\n',
      stderr: '',
      status: 0,
    });
  });
});
