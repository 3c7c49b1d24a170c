import { describeToolCases } from '../support/tool-cases.ts';

/**
 * The build tools given bad options and operands: whole outputs and statuses
 * recorded from the real tools on Debian 12 in the POSIX locale (`env -i`;
 * fixtures/build-tool-usage-errors.json, RECORD_FIXTURES=1: tar 1.34, mawk
 * 1.3.4, glibc 2.36's ldd script, coreutils 9.1, findutils 4.9.0, sed 4.9,
 * gnupg 2.2.40, wget 1.21.3) and compared with them live when present.
 */
describeToolCases('build-tool-usage-errors', {
  'tar: an unknown long option (64)': { argv: ['tar', '--nope'] },
  'tar: an unknown letter (64)': { argv: ['tar', '-y'] },
  'tar: -f without its argument (64)': { argv: ['tar', '-xf'] },
  'tar: -C without its argument (64)': { argv: ['tar', '-x', '-C'] },
  'tar: --strip-components without its argument (64)': { argv: ['tar', '--strip-components'] },
  'tar: --strip-components=x (2)': { argv: ['tar', '--strip-components=x', '-xf', 'f3'] },
  'tar: two modes (2)': { argv: ['tar', '-cxf'] },
  'mawk: a vacuous -W option, then the program runs': {
    argv: ['mawk', '-W', 'nope', '{ print NR }', 'f3'],
  },
  'awk: -W usage': { argv: ['awk', '-W', 'usage'] },
  'awk: -f without its argument': { argv: ['awk', '-f'] },
  'awk: -v without its argument': { argv: ['awk', '-v'] },
  'awk: -F without its argument': { argv: ['awk', '-F'] },
  'awk: a missing program file': { argv: ['awk', '-f', 'nope'] },
  'awk: options but no program': { argv: ['awk', '--'] },
  'ldd: an unknown option': { argv: ['ldd', '--nope'] },
  'ldd: a lone dash': { argv: ['ldd', '-'] },
  'ldd: an ambiguous --ver': { argv: ['ldd', '--ver'] },
  'ldd: --version by its prefix': { argv: ['ldd', '--vers'] },
  'ldd: --help': { argv: ['ldd', '--help'] },
  'ldd: a name without a slash gets ./': { argv: ['ldd', 'nope'] },
  'ldd: a directory': { argv: ['ldd', 'd'] },
  'ln: -T with one operand': { argv: ['ln', '-sfT', 'a'] },
  'xargs: -n 0': { argv: ['xargs', '-n', '0'] },
  'xargs: -n x': { argv: ['xargs', '-n', 'x'] },
  'sort: a multi-character tab': { argv: ['sort', '-t', 'ab'] },
  'sort: an empty tab': { argv: ['sort', '-t', ''] },
  'sort: -o without its argument': { argv: ['sort', '-o'] },
  'sort: a directory': { argv: ['sort', 'd'] },
  'sed: a directory among the inputs stops it (4)': { argv: ['sed', 'p', 'f3', 'd', 'f2'] },
  'gpgconf: --kill without a component': { argv: ['gpgconf', '--kill'] },
  'wget: a URL without a host': { argv: ['wget', 'http://'] },
  'wget -q: a bare host name': { argv: ['wget', '-q', 'nope'] },
  'wget: an invalid --progress type': { argv: ['wget', '--progress=x', 'http://x/'] },
  'wget -q --progress=dot:mega: a valid type': {
    argv: ['wget', '-q', '--progress=dot:mega', 'nope'],
  },
  'make: -f naming a missing file': { argv: ['make', '-f', 'nope', 'all'] },
  'make: -f naming a directory': { argv: ['make', '-f', 'd'] },
  'make: -jx': { argv: ['make', '-jx'] },
  'dpkg-architecture: -qVARIABLE in one word': {
    argv: ['dpkg-architecture', '-qDEB_HOST_MULTIARCH'],
  },
  'dpkg-architecture: -q without a name (Perl warns first)': { argv: ['dpkg-architecture', '-q'] },
  'sha256sum: --strict without -c': { argv: ['sha256sum', '--strict', 'f3'] },
  'sha256sum: --ignore-missing before --status': {
    argv: ['sha256sum', '--ignore-missing', '--status', 'f3'],
  },
  'sha256sum: --tag with -t': { argv: ['sha256sum', '--tag', '-t', 'f3'] },
  'sha256sum: --tag with -c': { argv: ['sha256sum', '--tag', '-c', 'f3'] },
  'sha256sum: -b with -c': { argv: ['sha256sum', '-b', '-c', 'f3'] },
  'sha256sum --tag, a missing file among others': {
    argv: ['sha256sum', '--tag', 'f3', 'nope', 'empty'],
  },
  'md5sum --tag': { argv: ['md5sum', '--tag', 'greet'] },
  'sha256sum -c --strict: a bad line makes it fail': {
    argv: ['sha256sum', '-c', '--strict', '-'],
    stdin: 'junk\n154d2ea7592b5318a61d80cd9d170970962db4d5c18be103a1d56bf0c5531ec5  f3\n',
  },
});
