import { err, out } from '../lib/io.ts';
import { program } from '../lib/program.ts';

/** `dpkg-architecture -l` on the amd64 recording machine (dpkg-dev 1.21.22, Debian 12), in its order. */
const VARIABLES: readonly (readonly [string, string])[] = [
  ['DEB_BUILD_ARCH', 'amd64'],
  ['DEB_BUILD_ARCH_ABI', 'base'],
  ['DEB_BUILD_ARCH_BITS', '64'],
  ['DEB_BUILD_ARCH_CPU', 'amd64'],
  ['DEB_BUILD_ARCH_ENDIAN', 'little'],
  ['DEB_BUILD_ARCH_LIBC', 'gnu'],
  ['DEB_BUILD_ARCH_OS', 'linux'],
  ['DEB_BUILD_GNU_CPU', 'x86_64'],
  ['DEB_BUILD_GNU_SYSTEM', 'linux-gnu'],
  ['DEB_BUILD_GNU_TYPE', 'x86_64-linux-gnu'],
  ['DEB_BUILD_MULTIARCH', 'x86_64-linux-gnu'],
  ['DEB_HOST_ARCH', 'amd64'],
  ['DEB_HOST_ARCH_ABI', 'base'],
  ['DEB_HOST_ARCH_BITS', '64'],
  ['DEB_HOST_ARCH_CPU', 'amd64'],
  ['DEB_HOST_ARCH_ENDIAN', 'little'],
  ['DEB_HOST_ARCH_LIBC', 'gnu'],
  ['DEB_HOST_ARCH_OS', 'linux'],
  ['DEB_HOST_GNU_CPU', 'x86_64'],
  ['DEB_HOST_GNU_SYSTEM', 'linux-gnu'],
  ['DEB_HOST_GNU_TYPE', 'x86_64-linux-gnu'],
  ['DEB_HOST_MULTIARCH', 'x86_64-linux-gnu'],
  ['DEB_TARGET_ARCH', 'amd64'],
  ['DEB_TARGET_ARCH_ABI', 'base'],
  ['DEB_TARGET_ARCH_BITS', '64'],
  ['DEB_TARGET_ARCH_CPU', 'amd64'],
  ['DEB_TARGET_ARCH_ENDIAN', 'little'],
  ['DEB_TARGET_ARCH_LIBC', 'gnu'],
  ['DEB_TARGET_ARCH_OS', 'linux'],
  ['DEB_TARGET_GNU_CPU', 'x86_64'],
  ['DEB_TARGET_GNU_SYSTEM', 'linux-gnu'],
  ['DEB_TARGET_GNU_TYPE', 'x86_64-linux-gnu'],
  ['DEB_TARGET_MULTIARCH', 'x86_64-linux-gnu'],
];

/** What Debian 12's perl prints for `env -i dpkg-architecture -q` before dpkg's error. */
const PERL_UNDEFINED_WARNINGS =
  'Use of uninitialized value $varname in exists at /usr/bin/dpkg-architecture line 231.\n' +
  'Use of uninitialized value $_[0] in sprintf at /usr/share/perl5/Dpkg/ErrorHandling.pm line 180.\n';

/**
 * dpkg-dev 1.21.22's dpkg-architecture on amd64, as the redis 7.2/8.2.1
 * Dockerfiles call it (`dpkg-architecture --query DEB_BUILD_GNU_TYPE`): -l
 * lists the variables, -q/--query prints one. Errors recorded on Debian 12:
 * "dpkg-architecture: error: NOPE is not a supported variable name" (status
 * 25), "unknown option '--nope'" with the help hint (status 2).
 */
export const dpkgArchitecture = program(
  'dpkg-1.21/dpkg-architecture',
  { vszKb: 14000, rssKb: 9000 },
  function* (ctx) {
    const args = ctx.argv.slice(1);
    if (args.length === 0 || args[0] === '-l' || args[0] === '--list') {
      yield* out(VARIABLES.map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    }
    const [first = '', second] = args;
    if (first === '-q' || first === '--query' || /^-q./s.test(first)) {
      const name = first.startsWith('-q') && first !== '-q' ? first.slice(2) : second;
      const found = VARIABLES.find(([k]) => k === name);
      if (!found) {
        // Recorded on Debian 12: `-q` alone also has Perl warn of the undefined name first.
        if (name === undefined) yield* err(PERL_UNDEFINED_WARNINGS);
        yield* err(`dpkg-architecture: error: ${name ?? ''} is not a supported variable name\n`);
        return 25;
      }
      yield* out(`${found[1]}\n`);
      return 0;
    }
    yield* err(
      `dpkg-architecture: error: unknown option '${first}'\n\nUse --help for program usage information.\n`,
    );
    return 2;
  },
);
