import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * The base images the redis Dockerfiles start FROM (src/sim/docker/images/base-images.ts).
 * - debian:*-slim carry debootstrap minbase's packages and no procps: the seed
 *   article's `ps -ef` in redis:5.0 is "executable file not found"; runc's
 *   error text is the one golden recordings and facts.md show for a missing command.
 * - Debian 9 keeps /bin a directory; Debian 12 links it to usr/bin (merged /usr).
 * - Debian 9's _apt user is uid 100 with /bin/false (Debian 9 containers'
 *   /etc/passwd, search corpus "code" ids 53788177849 and 68490890328); the
 *   sources are debuerreotype's (src/sim/userland/apt/releases.ts).
 * - docker history: the two rows the classic builder recorded for
 *   `FROM scratch / ADD rootfs / CMD` ("#(nop) ADD file:… in / " and
 *   "#(nop)  CMD [\"bash\"]", moby internals.go), the first one <missing>
 *   because the ADD layer's image is not in the store.
 */
describe('base images', () => {
  const host = createHost();
  const run = (line: string) => {
    const { stdout, stderr, status } = runPlain(line, host);
    return { stdout, stderr, status };
  };

  it('debian:stretch-slim has no ps, as the article found in redis:5.0', () => {
    expect(run('docker run --rm debian:stretch-slim ps -ef')).toEqual({
      stdout: '',
      stderr:
        'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "ps": executable file not found in $PATH: unknown\n\n' +
        "Run 'docker run --help' for more information\n",
      status: 127,
    });
  });

  it('Debian 9 keeps /bin, Debian 12 merges it into /usr', () => {
    expect(run('docker run --rm debian:stretch-slim ls -ld /bin /usr/sbin/useradd')).toEqual({
      stdout:
        'drwxr-xr-x 2 root root 4096 Oct 29 17:01 /bin\n' +
        '-rwxr-xr-x 1 root root    0 Oct 29 17:01 /usr/sbin/useradd\n',
      stderr: '',
      status: 0,
    });
    expect(run('docker run --rm debian:bookworm-slim ls -ld /bin')).toEqual({
      stdout: 'lrwxrwxrwx 1 root root 7 Oct 29 17:01 /bin -> usr/bin\n',
      stderr: '',
      status: 0,
    });
  });

  it("debian:stretch-slim has Debian 9's users and apt sources", () => {
    expect(
      run(
        'docker run --rm debian:stretch-slim bash -c "id; grep _apt /etc/passwd; cat /etc/apt/sources.list"',
      ),
    ).toEqual({
      stdout:
        'uid=0(root) gid=0(root) groups=0(root)\n' +
        '_apt:x:100:65534::/nonexistent:/bin/false\n' +
        'deb http://deb.debian.org/debian stretch main\n' +
        'deb http://security.debian.org/debian-security stretch/updates main\n' +
        'deb http://deb.debian.org/debian stretch-updates main\n',
      stderr: '',
      status: 0,
    });
  });

  it('docker history shows the ADD and CMD of the upstream Dockerfile', () => {
    // The ADD layer's size follows the apt archive's file lists (src/sim/userland/apt): left out.
    const history = run('docker history debian:stretch-slim');
    expect({ ...history, stdout: history.stdout.replace(/\d+(\.\d+)?kB /, 'N.NkB ') }).toEqual({
      stdout:
        'IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n' +
        '7dfa35115326   4 weeks ago   /bin/sh -c #(nop)  CMD ["bash"]                 0B        \n' +
        '<missing>      4 weeks ago   /bin/sh -c #(nop) ADD file:ad5c43a7fa28f4361…   N.NkB    \n',
      stderr: '',
      status: 0,
    });
    expect(run('docker history -q alpine').stdout).toBe('1ed1ca0686a9\n<missing>\n');
  });

  it('alpine runs BusyBox sh without gosu', () => {
    expect(
      run('docker run --rm alpine sh -c "echo \\$0; test -e /usr/local/bin/gosu || echo no gosu"'),
    ).toEqual({
      stdout: 'sh\nno gosu\n',
      stderr: '',
      status: 0,
    });
  });
});
