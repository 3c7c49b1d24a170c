import type { TreeEntry } from '../support/file-world.ts';
import { describeScenarios } from '../support/scenarios.ts';

const TREE: TreeEntry[] = [
  { path: 'bin', kind: 'dir' },
  { path: 'bin/redis-server', kind: 'file', data: 'server', mode: 0o755 },
  { path: 'bin/redis-cli', kind: 'file', data: 'cli', mode: 0o755 },
  { path: 'bin/redis-check-aof', kind: 'file', data: 'server', mode: 0o755 },
  { path: 'bin/notes', kind: 'file', data: 'n', mode: 0o644 },
  { path: 'bin/redis-sentinel', kind: 'symlink', target: 'redis-server' },
];

const walk = (argv: string[]) => ({ argv, unordered: true });

/**
 * findutils 4.9.0's -executable and several -exec … ';' in one expression, as
 * the redis 7.2/8.2.1 Dockerfiles use them (`find /usr/local/bin/redis*
 * -maxdepth 0 -type f -not -name redis-server -exec sh -eux -c '…' -- '{}'
 * ';' -exec ln -svfT 'redis-server' '{}' ';'`, `find /usr/local -type f
 * -executable -exec ldd '{}' ';'`). Recorded from /usr/bin/find on Debian 12
 * on the same tree (fixtures/find-build.json).
 */
describeScenarios('find-build', {
  '-executable': {
    tree: TREE,
    steps: [
      walk(['find', 'bin', '-type', 'f', '-executable']),
      walk(['find', 'bin', '-executable']),
      walk(['find', 'bin', '!', '-executable']),
    ],
  },
  "the Dockerfiles' dedup: -maxdepth 0, -not -name, two -exec": {
    tree: TREE,
    steps: [
      walk([
        'find',
        'bin/redis-check-aof',
        'bin/redis-cli',
        'bin/redis-sentinel',
        'bin/redis-server',
        '-maxdepth',
        '0',
        '-type',
        'f',
        '-not',
        '-name',
        'redis-server',
        '-exec',
        'sh',
        '-c',
        'test "$(cat "$1")" = server',
        '--',
        '{}',
        ';',
        '-exec',
        'echo',
        'same as the server:',
        '{}',
        ';',
      ]),
    ],
  },
});
