import type { TreeEntry } from '../support/file-world.ts';
import { describeScenarios } from '../support/scenarios.ts';

const TREE: TreeEntry[] = [
  { path: 'bin', kind: 'dir' },
  { path: 'bin/redis-server', kind: 'file', data: 'server', mode: 0o755 },
  { path: 'bin/redis-check-aof', kind: 'file', data: 'server', mode: 0o755 },
  { path: 'd', kind: 'dir' },
];

/**
 * coreutils 9.1 ln -s as the redis 7.2/8.2.1 Dockerfiles use it (`ln -svfT
 * 'redis-server' FILE`), and its errors; recorded from /usr/bin/ln on Debian
 * 12 on the same tree (fixtures/ln.json), then `ls -l` of the result.
 */
describeScenarios('ln', {
  "the Dockerfiles' -svfT over a copy": {
    tree: TREE,
    steps: [
      { argv: ['ln', '-svfT', 'redis-server', 'bin/redis-check-aof'] },
      { argv: ['readlink', 'bin/redis-check-aof'] },
    ],
  },
  'new links, existing names, -f, directories': {
    tree: TREE,
    steps: [
      { argv: ['ln', '-s', 'a', 'b'] },
      { argv: ['ln', '-s', 'a', 'b'] },
      { argv: ['ln', '-sv', 'x', 'b'] },
      { argv: ['ln', '-sfv', 'x', 'b'] },
      { argv: ['readlink', 'b'] },
      { argv: ['ln', '-s', 'target', 'd'] },
      { argv: ['readlink', 'd/target'] },
      { argv: ['ln', '-sT', 'x', 'd'] },
      { argv: ['ln', '-sfT', 'x', 'd'] },
      { argv: ['ln', '-s', 'q', 'r', 's'] },
      { argv: ['ln'] },
      { argv: ['ln', '-sv', 'only/one'] },
      { argv: ['readlink', 'one'] },
    ],
  },
});
