import { describe, expect, it } from 'vitest';
import { LabSession } from '../support/lab-session.ts';

/**
 * make over a redis source tree as the redis Dockerfiles run it
 * (`make -C /usr/src/redis -j "$(nproc)" [all]`, `make -C /usr/src/redis
 * install`, 8.2.1's `make -C /usr/src/redis distclean`). GNU Make 4.3's own
 * lines recorded on Debian 12: "make: Entering directory '/tmp/mk/r'",
 * "make: *** /nonexist: No such file or directory.  Stop.", "make: *** No
 * targets specified and no makefile found.  Stop.", "make: *** No rule to
 * make target 'foo'.  Stop.", status 2. redis's lines: the top Makefile's
 * `cd src && $(MAKE) $@`, QUIET_LINK/QUIET_INSTALL on standard error with
 * their colours (redis src/Makefile), "Hint: It's a good idea to run 'make
 * test' ;)", 5.0's "INSTALL install" ×5 (published 5.0.x install logs) and
 * 6.2+'s "INSTALL redis-server" / "redis-benchmark" / "redis-cli" (a
 * published 6.2.14 log). `redis-server --version` and `redis-cli --version`
 * have the shape of published 7.2.5 transcripts ("Redis server v=7.2.5
 * sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=…", "redis-cli 7.2.5").
 */
const C = (verb: string, name: string) => `    \x1b[34;1m${verb}\x1b[0m \x1b[37;1m${name}\x1b[0m\n`;
const HINT = "\nHint: It's a good idea to run 'make test' ;)\n\n";
const SHA: Record<string, string> = {
  '5.0.5': '2139009799d21d8ff94fc40b7f36ac46699b9e1254086299f8d3b223ca54a375',
  '7.2.5': '5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d',
};

function unpacked(version: string): LabSession {
  const s = new LabSession();
  const script = `set -eu
wget -q -O redis.tar.gz http://download.redis.io/releases/redis-${version}.tar.gz
echo "${SHA[version] ?? ''} *redis.tar.gz" | sha256sum -c - > /dev/null
mkdir -p /usr/src/redis
tar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1
rm redis.tar.gz
`;
  expect(s.run(['sh', '-c', script], { cwd: '/' }).status).toBe(0);
  return s;
}

const BUILD_LINES = [
  C('LINK', 'redis-server'),
  C('INSTALL', 'redis-sentinel'),
  C('LINK', 'redis-cli'),
  C('LINK', 'redis-benchmark'),
  C('INSTALL', 'redis-check-rdb'),
  C('INSTALL', 'redis-check-aof'),
].join('');

describe('make over the redis 7.2.5 tree', () => {
  it('all, install, then the installed programs run', () => {
    const s = unpacked('7.2.5');
    const env = ['PATH=/usr/local/bin:/usr/bin:/bin', 'BUILD_TLS=yes'];
    expect(s.run(['make', '-C', '/usr/src/redis', '-j', '2', 'all'], { env })).toEqual({
      stdout: `make: Entering directory '/usr/src/redis'
cd src && make all
make[1]: Entering directory '/usr/src/redis/src'
${HINT}make[1]: Leaving directory '/usr/src/redis/src'
make: Leaving directory '/usr/src/redis'
`,
      stderr:
        "(Stepdown) Building redis 7.2.5 is modelled: no compiler runs; src/ receives the release's programs as simulator executables (BUILD_TLS=yes: linked with OpenSSL).\n" +
        BUILD_LINES,
      status: 0,
    });
    expect(s.run(['make', '-C', '/usr/src/redis', 'install'], { env })).toEqual({
      stdout: `make: Entering directory '/usr/src/redis'
cd src && make install
make[1]: Entering directory '/usr/src/redis/src'
${HINT}make[1]: Leaving directory '/usr/src/redis/src'
make: Leaving directory '/usr/src/redis'
`,
      stderr:
        C('INSTALL', 'redis-server') + C('INSTALL', 'redis-benchmark') + C('INSTALL', 'redis-cli'),
      status: 0,
    });
    expect(s.run(['ls', '-l', '/usr/local/bin'])).toEqual({
      stdout: `total 12
-rwxr-xr-x 1 root root 211 Nov 28 17:01 redis-benchmark
lrwxrwxrwx 1 root root  12 Nov 28 17:01 redis-check-aof -> redis-server
lrwxrwxrwx 1 root root  12 Nov 28 17:01 redis-check-rdb -> redis-server
-rwxr-xr-x 1 root root 199 Nov 28 17:01 redis-cli
lrwxrwxrwx 1 root root  12 Nov 28 17:01 redis-sentinel -> redis-server
-rwxr-xr-x 1 root root 205 Nov 28 17:01 redis-server
-rwxr-xr-x 1 root root   0 Oct 29 17:01 su-exec
`,
      stderr: '',
      status: 0,
    });
    expect(s.run(['/usr/local/bin/redis-cli', '--version'], { env })).toEqual({
      stdout: 'redis-cli 7.2.5\n',
      stderr: '',
      status: 0,
    });
    expect(s.run(['/usr/local/bin/redis-server', '--version'], { env })).toEqual({
      stdout:
        'Redis server v=7.2.5 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=fb798210fd82c6c0\n',
      stderr: '',
      status: 0,
    });
    expect(s.run(['make', '-C', '/usr/src/redis', 'distclean'], { env }).stdout)
      .toBe(`make: Entering directory '/usr/src/redis'
cd src && make distclean
make[1]: Entering directory '/usr/src/redis/src'
rm -rf redis-server redis-sentinel redis-cli redis-benchmark redis-check-rdb redis-check-aof *.o *.gcda *.gcno *.gcov redis.info lcov-html Makefile.dep
(cd ../deps && make distclean)
make[1]: Leaving directory '/usr/src/redis/src'
make: Leaving directory '/usr/src/redis'
`);
    expect(s.inode('/usr/src/redis/src/redis-server')).toBeUndefined();
  });
});

describe('make over the redis 5.0.5 tree', () => {
  it('make install builds first and copies five programs, linking redis-sentinel', () => {
    const s = unpacked('5.0.5');
    const run = s.run(['make', '-C', '/usr/src/redis', 'install']);
    expect(run.stderr).toBe(
      "(Stepdown) Building redis 5.0.5 is modelled: no compiler runs; src/ receives the release's programs as simulator executables.\n" +
        BUILD_LINES +
        C('INSTALL', 'install').repeat(5),
    );
    expect(s.run(['/usr/local/bin/redis-server', '-v']).stdout).toBe(
      'Redis server v=5.0.5 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64 build=8824cd313b226580\n',
    );
    expect(s.run(['readlink', '/usr/local/bin/redis-sentinel']).stdout).toBe('redis-server\n');
    // redis-check-aof is a copy of redis-server: same bytes, same MD5.
    const md5 = (p: string) => s.run(['md5sum', p]).stdout.slice(0, 32);
    expect(md5('/usr/local/bin/redis-check-aof')).toBe(md5('/usr/local/bin/redis-server'));
  });
});

describe("make's own messages", () => {
  it('a missing directory, no makefile, no rule', () => {
    const s = new LabSession();
    s.run(['mkdir', '-p', '/tmp/empty', '/tmp/r']);
    s.run(['sh', '-c', "printf 'all:\\n\\t@echo built\\n' > /tmp/r/Makefile"]);
    expect(s.run(['make', '-C', '/nonexist'])).toEqual({
      stdout: '',
      stderr: 'make: *** /nonexist: No such file or directory.  Stop.\n',
      status: 2,
    });
    expect(s.run(['make', '-C', '/tmp/empty'])).toEqual({
      stdout: "make: Entering directory '/tmp/empty'\nmake: Leaving directory '/tmp/empty'\n",
      stderr: 'make: *** No targets specified and no makefile found.  Stop.\n',
      status: 2,
    });
    expect(s.run(['make', '-C', '/tmp/r', 'foo'])).toEqual({
      stdout: "make: Entering directory '/tmp/r'\nmake: Leaving directory '/tmp/r'\n",
      stderr: "make: *** No rule to make target 'foo'.  Stop.\n",
      status: 2,
    });
    expect(s.run(['make'], { cwd: '/tmp/empty' })).toEqual({
      stdout: '',
      stderr: 'make: *** No targets specified and no makefile found.  Stop.\n',
      status: 2,
    });
    const bad = s.run(['make', '--nope']);
    expect([bad.stderr.split('\n')[0], bad.stderr.split('\n')[1], bad.status]).toEqual([
      "make: unrecognized option '--nope'",
      'Usage: make [options] [target] ...',
      2,
    ]);
  });
});

describe('nproc', () => {
  // Recorded on Debian 12 (coreutils 9.1) on the two-processor recording machine.
  it('prints the processors, less --ignore', () => {
    const s = new LabSession();
    expect(s.run(['nproc'])).toEqual({ stdout: '2\n', stderr: '', status: 0 });
    expect(s.run(['nproc', '--ignore=5'])).toEqual({ stdout: '1\n', stderr: '', status: 0 });
    expect(s.run(['nproc', '--ignore=x'])).toEqual({
      stdout: '',
      stderr: "nproc: invalid number: 'x'\n",
      status: 1,
    });
    expect(s.run(['nproc', 'x'])).toEqual({
      stdout: '',
      stderr: "nproc: extra operand 'x'\nTry 'nproc --help' for more information.\n",
      status: 1,
    });
  });
});
