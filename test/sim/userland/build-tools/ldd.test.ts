import { describe, expect, it } from 'vitest';
import { LabSession } from '../support/lab-session.ts';

/**
 * ldd (glibc 2.36) and dpkg-architecture (dpkg-dev 1.21.22) as the redis
 * 7.2/8.2.1 Dockerfiles use them. Line formats recorded on Debian 12 (`env -i
 * ldd /usr/bin/openssl`: "\tlinux-vdso.so.1 (0x…)", "\tlibssl.so.3 =>
 * /lib/x86_64-linux-gnu/libssl.so.3 (0x…)", "\t/lib64/ld-linux-x86-64.so.2
 * (0x…)"; `ldd /etc/passwd`: "\tnot a dynamic executable" on standard error,
 * status 1; `dpkg-architecture --query DEB_BUILD_GNU_TYPE`: x86_64-linux-gnu).
 * The addresses are modelled.
 */
const SHA = '5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d';

function builtRedis72(): LabSession {
  const s = new LabSession();
  for (const lib of ['libc.so.6', 'libm.so.6', 'libssl.so.3', 'libcrypto.so.3'])
    s.tree.file(`/usr/lib/x86_64-linux-gnu/${lib}`, '');
  const script = `set -eu
wget -q -O redis.tar.gz http://download.redis.io/releases/redis-7.2.5.tar.gz
echo "${SHA} *redis.tar.gz" | sha256sum -c - > /dev/null
mkdir -p /usr/src/redis
tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1
export BUILD_TLS=yes
make -C /usr/src/redis -j "$(nproc)" all > /dev/null 2>&1
make -C /usr/src/redis install > /dev/null 2>&1
`;
  expect(s.run(['sh', '-c', script], { cwd: '/' }).status).toBe(0);
  return s;
}

describe('ldd', () => {
  it('lists what make linked redis-server 7.2.5 with (BUILD_TLS=yes)', () => {
    const s = builtRedis72();
    expect(s.run(['ldd', '/usr/local/bin/redis-server'])).toEqual({
      stdout: `\tlinux-vdso.so.1 (0x00007faeb055c000)
\tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f92a1f3d000)
\tlibssl.so.3 => /lib/x86_64-linux-gnu/libssl.so.3 (0x00007f7842261000)
\tlibcrypto.so.3 => /lib/x86_64-linux-gnu/libcrypto.so.3 (0x00007f9cb8ef0000)
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3cd5dd3000)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f0281b80000)
`,
      stderr: '',
      status: 0,
    });
  });

  it("the Dockerfiles' find | ldd | awk | sort -u pipeline names the libraries to keep", () => {
    const s = builtRedis72();
    // The lab image's su-exec is not in the redis image.
    s.run(['rm', '/usr/local/bin/su-exec']);
    const pipeline = `find /usr/local -type f -executable -exec ldd '{}' ';' \\
  | awk '/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); printf "*%s\\n", so }' \\
  | sort -u`;
    expect(s.run(['sh', '-c', pipeline])).toEqual({
      stdout: `*lib/x86_64-linux-gnu/libc.so.6
*lib/x86_64-linux-gnu/libcrypto.so.3
*lib/x86_64-linux-gnu/libm.so.6
*lib/x86_64-linux-gnu/libssl.so.3
`,
      stderr: '',
      status: 0,
    });
  });

  it("gosu's release binary is static (its Dockerfile builds with CGO_ENABLED=0 and -ldflags '-d')", () => {
    const s = new LabSession();
    s.run([
      'wget',
      '-q',
      '-O',
      '/tmp/gosu',
      'https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64',
    ]);
    expect(s.run(['ldd', '/tmp/gosu'])).toEqual({
      stdout: '',
      stderr: '\tnot a dynamic executable\n',
      status: 1,
    });
  });

  it('a missing library, a text file, no arguments', () => {
    const s = new LabSession();
    s.run([
      'sh',
      '-c',
      "printf '\\177ELF stepdown-program x/y\\nNEEDED libnope.so.1\\n' > /tmp/bin",
    ]);
    expect(s.run(['ldd', '/tmp/bin', '/etc/passwd'])).toEqual({
      stdout: `/tmp/bin:
\tlinux-vdso.so.1 (0x00007faeb055c000)
\tlibnope.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f0281b80000)
/etc/passwd:
`,
      stderr: '\tnot a dynamic executable\n',
      status: 1,
    });
    expect(s.run(['ldd'])).toEqual({
      stdout: '',
      stderr: "ldd: missing file arguments\nTry `ldd --help' for more information.\n",
      status: 1,
    });
  });
});

describe('dpkg-architecture', () => {
  it('answers the query the Dockerfiles make, and refuses unknown variables', () => {
    const s = new LabSession();
    expect(s.run(['dpkg-architecture', '--query', 'DEB_BUILD_GNU_TYPE'])).toEqual({
      stdout: 'x86_64-linux-gnu\n',
      stderr: '',
      status: 0,
    });
    expect(s.run(['dpkg-architecture', '-q', 'NOPE'])).toEqual({
      stdout: '',
      stderr: 'dpkg-architecture: error: NOPE is not a supported variable name\n',
      status: 25,
    });
  });
});
