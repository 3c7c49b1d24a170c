import { describeToolCases } from './support/tool-cases.ts';

/** coreutils 9.1 dirname and basename; expected outputs recorded on Debian 12 (fixtures/dirname-basename.json). */
describeToolCases('dirname-basename', {
  'dirname of many forms': {
    argv: ['dirname', '/a/b/', 'c', 'a/', '/', '//x', '', '//', 'a//b//', '/usr/lib'],
  },
  'dirname without operand': { argv: ['dirname'] },
  'dirname -z': { argv: ['dirname', '-z', '/a/b'] },
  'basename of a path': { argv: ['basename', '/a/b/'] },
  'basename with a suffix': { argv: ['basename', '/a/b.c', '.c'] },
  'basename: suffix equal to the name': { argv: ['basename', '.c', '.c'] },
  'basename -s with several names': { argv: ['basename', '-s', '.c', '/a/b.c', 'x.c'] },
  'basename -a': { argv: ['basename', '-a', 'a/b', 'c/d', '/'] },
  'basename: an extra operand': { argv: ['basename', 'a', 'b', 'c'] },
  'basename without operand': { argv: ['basename'] },
  'basename of /': { argv: ['basename', '///'] },
  'basename: a bad option': { argv: ['basename', '-q', 'x'] },
  'dirname --version': { argv: ['dirname', '--version'] },
});
