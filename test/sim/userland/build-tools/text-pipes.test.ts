import { describeToolCases } from '../support/tool-cases.ts';

/**
 * coreutils 9.1 cut, sort and ln, findutils 4.9.0 xargs: expected outputs
 * recorded from the real tools on Debian 12 (fixtures/*.json,
 * RECORD_FIXTURES=1) and compared with them live when present. The pipeline
 * of the redis 7.2/8.2.1 Dockerfiles (`| sort -u | xargs -r dpkg-query
 * --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual`) uses exactly
 * these options.
 */
describeToolCases('cut', {
  "the Dockerfiles' -d: -f1": {
    argv: ['cut', '-d:', '-f1'],
    stdin:
      'libssl3:amd64: /usr/lib/x86_64-linux-gnu/libssl.so.3\nlibc6:amd64: /lib/x86_64-linux-gnu/libc.so.6\n',
  },
  "the Dockerfiles' -d' ' -f1 of md5sum": {
    argv: ['cut', '-d', ' ', '-f1'],
    stdin: 'd41d8cd98f00b204e9800998ecf8427e  /usr/local/bin/redis-server\n',
  },
  'a field list and ranges': { argv: ['cut', '-d', ' ', '-f', '1,3-', 'greet'] },
  '-s drops lines without the delimiter': {
    argv: ['cut', '-d:', '-s', '-f2'],
    stdin: 'a:b:c\nxyz\n',
  },
  characters: { argv: ['cut', '-c', '2-4', 'greet'] },
  'tab is the default delimiter': { argv: ['cut', '-f2', 'tabs'] },
  'no list': { argv: ['cut', 'f3'] },
  'a long delimiter': { argv: ['cut', '-d', 'ab', '-f1', 'f3'] },
  'field zero': { argv: ['cut', '-f0', 'f3'] },
  'a bad field': { argv: ['cut', '-f', 'x', 'f3'] },
  'a decreasing range': { argv: ['cut', '-f', '3-1', 'f3'] },
  'a missing file': { argv: ['cut', '-f1', 'nope', 'f3'] },
});

describeToolCases('sort', {
  'bytes in the POSIX locale': { argv: ['sort'], stdin: 'b\na\nB\n10\n9\n_x\n' },
  '-u': { argv: ['sort', '-u'], stdin: 'b\na\nb\n*lib/x\n*lib/x\n' },
  '-r': { argv: ['sort', '-r', 'greet'] },
  '-n and ties': { argv: ['sort', '-n'], stdin: 'b\na\nb\n10\n9\n-3\n' },
  '-un keeps the first of equal keys': { argv: ['sort', '-un'], stdin: 'b\na\nb\n10\n9\n' },
  '-t and -k': { argv: ['sort', '-t:', '-k2'], stdin: 'x:b\ny:a\nz:c\n' },
  'several files': { argv: ['sort', 'f3', 'f2', 'other'] },
  'a missing file': { argv: ['sort', 'nope'] },
  'a bad option': { argv: ['sort', '-x'] },
  'a bad key': { argv: ['sort', '-k', 'x', 'f3'] },
});

describeToolCases('xargs', {
  'echo by default': { argv: ['xargs'], stdin: 'a b\nc\n' },
  '-r with no input runs nothing': { argv: ['xargs', '-r', 'echo', 'hi'], stdin: '' },
  'without -r the command runs once': { argv: ['xargs', 'echo', 'hi'], stdin: '' },
  'quotes and backslashes, -n 1': { argv: ['xargs', '-n', '1', 'echo'], stdin: "a 'b c' d\\ e\n" },
  'a command that fails: 123': { argv: ['xargs', 'false'], stdin: 'a\n' },
  'a command not found: 127': { argv: ['xargs', 'nosuch'], stdin: 'a\n' },
  'an unmatched quote': { argv: ['xargs', 'echo'], stdin: "'a\n" },
  '--version': { argv: ['xargs', '--version'] },
});
