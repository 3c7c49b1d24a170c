import { describeToolCases } from '../support/tool-cases.ts';

/**
 * coreutils 9.1 sha256sum and md5sum over ordinary files: the real digests of
 * the bytes (pure TypeScript SHA-256 and MD5). Expected outputs recorded from
 * /usr/bin/sha256sum and /usr/bin/md5sum on Debian 12 (fixtures/*.json,
 * RECORD_FIXTURES=1), and compared with them live when present.
 */
const F3_SHA256 = '154d2ea7592b5318a61d80cd9d170970962db4d5c18be103a1d56bf0c5531ec5';

describeToolCases('sha256sum', {
  'one file': { argv: ['sha256sum', 'f3'] },
  'several files, one missing': { argv: ['sha256sum', 'f3', 'empty', 'nope', 'tabs'] },
  '-b marks binary mode': { argv: ['sha256sum', '-b', 'greet'] },
  'standard input': { argv: ['sha256sum'], stdin: 'hello\n' },
  'a directory': { argv: ['sha256sum', 'd'] },
  '-c with a good line': {
    argv: ['sha256sum', '-c', '-'],
    stdin: `${F3_SHA256} *f3\n`,
  },
  '-c with a wrong digest': {
    argv: ['sha256sum', '-c', '-'],
    stdin: `${F3_SHA256.replace(/^1/, '0')}  f3\n`,
  },
  '-c with a missing file and a bad line': {
    argv: ['sha256sum', '-c', '-'],
    stdin: `junk\n${F3_SHA256}  nope\n`,
  },
  '-c with no proper lines': { argv: ['sha256sum', '-c', '-'], stdin: 'junk\n' },
  '-c --status': { argv: ['sha256sum', '-c', '--status', '-'], stdin: `${F3_SHA256}  f3\n` },
  '--quiet without -c': { argv: ['sha256sum', '--quiet', 'f3'] },
  'a bad option': { argv: ['sha256sum', '-x'] },
});

describeToolCases('md5sum', {
  'several files': { argv: ['md5sum', 'f3', 'f2', 'many', 'tabs', 'empty'] },
  'standard input': { argv: ['md5sum', '-'], stdin: 'a\n' },
  '-c with a good and a wrong line': {
    argv: ['md5sum', '-c', '-'],
    stdin: 'd41d8cd98f00b204e9800998ecf8427e  empty\nd41d8cd98f00b204e9800998ecf8427e  f3\n',
  },
});
