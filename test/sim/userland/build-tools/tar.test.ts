import { describe, expect, it } from 'vitest';
import { LabSession } from '../support/lab-session.ts';

/**
 * GNU tar 1.34 over the simulator's archive stand-in. Messages and statuses
 * as recorded from Debian 12's tar (`env -i tar …`): a missing archive with
 * -z "tar (child): F: Cannot open: No such file or directory" … status 2; a
 * file that is not gzip "gzip: stdin: not in gzip format"; no mode "You must
 * specify one of the '-Acdtrux', '--delete' or '--test-label' options"; a
 * missing -C directory "tar: D: Cannot open: …"; -tv lines "drwxr-xr-x
 * root/root         0 2026-11-28 21:38 top/".
 */
const URL = 'http://download.redis.io/releases/redis-7.2.5.tar.gz';

function withTarball(): LabSession {
  const s = new LabSession();
  s.run(['wget', '-q', '-O', '/tmp/redis.tar.gz', URL]);
  return s;
}

describe('tar', () => {
  it('lists the redis 7.2.5 tarball', () => {
    expect(withTarball().run(['tar', '-tzf', '/tmp/redis.tar.gz'])).toEqual({
      stdout: `redis-7.2.5/
redis-7.2.5/deps/
redis-7.2.5/src/
redis-7.2.5/Makefile
redis-7.2.5/deps/Makefile
redis-7.2.5/src/version.h
redis-7.2.5/src/config.c
`,
      stderr: '',
      status: 0,
    });
  });

  it('lists verbosely', () => {
    const run = withTarball().run(['tar', 'tvzf', '/tmp/redis.tar.gz']);
    expect(run.stdout.split('\n').slice(0, 4).join('\n')).toBe(
      `drwxrwxr-x root/root         0 2024-06-28 00:00 redis-7.2.5/
drwxrwxr-x root/root         0 2024-06-28 00:00 redis-7.2.5/deps/
drwxrwxr-x root/root         0 2024-06-28 00:00 redis-7.2.5/src/
-rw-rw-r-- root/root       151 2024-06-28 00:00 redis-7.2.5/Makefile`,
    );
  });

  it('extracts with -C and --strip-components=1, keeping modes and times as root', () => {
    const s = withTarball();
    s.run(['mkdir', '-p', '/usr/src/redis']);
    expect(
      s.run(['tar', '-xzf', '/tmp/redis.tar.gz', '-C', '/usr/src/redis', '--strip-components=1']),
    ).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(s.run(['ls', '-ln', '/usr/src/redis', '/usr/src/redis/src'])).toEqual({
      stdout: `/usr/src/redis:
total 12
-rw-rw-r-- 1 0 0  151 Jun 28  2024 Makefile
drwxrwxr-x 2 0 0 4096 Jun 28  2024 deps
drwxrwxr-x 2 0 0 4096 Jun 28  2024 src

/usr/src/redis/src:
total 8
-rw-rw-r-- 1 0 0 675 Jun 28  2024 config.c
-rw-rw-r-- 1 0 0  30 Jun 28  2024 version.h
`,
      stderr: '',
      status: 0,
    });
    expect(s.read('/usr/src/redis/src/version.h')).toBe('#define REDIS_VERSION "7.2.5"\n');
  });

  it('creates an archive and lists it back', () => {
    const s = new LabSession();
    s.run(['mkdir', '-p', '/w/top/src']);
    s.run(['sh', '-c', 'echo hi > /w/top/src/a.c']);
    expect(s.run(['tar', '-czf', '/w/t.tgz', 'top'], { cwd: '/w' }).status).toBe(0);
    expect(s.run(['tar', '-tzf', 't.tgz'], { cwd: '/w' })).toEqual({
      stdout: 'top/\ntop/src/\ntop/src/a.c\n',
      stderr: '',
      status: 0,
    });
    expect(s.run(['tar', '-cf', 't2.tar', 'top', 'nope'], { cwd: '/w' })).toEqual({
      stdout: '',
      stderr:
        'tar: nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n',
      status: 2,
    });
  });

  it('errors', () => {
    const s = withTarball();
    s.run(['sh', '-c', 'echo notgz > /tmp/ng']);
    const fatal = 'tar: Error is not recoverable: exiting now\n';
    expect(s.run(['tar', '-xzf', '/tmp/nope.tgz'])).toEqual({
      stdout: '',
      stderr: `tar (child): /tmp/nope.tgz: Cannot open: No such file or directory\ntar (child): Error is not recoverable: exiting now\ntar: Child returned status 2\n${fatal}`,
      status: 2,
    });
    expect(s.run(['tar', '-xzf', '/tmp/ng'])).toEqual({
      stdout: '',
      stderr: `\ngzip: stdin: not in gzip format\ntar: Child returned status 1\n${fatal}`,
      status: 2,
    });
    expect(s.run(['tar', '-xf', '/tmp/ng'])).toEqual({
      stdout: '',
      stderr:
        'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n',
      status: 2,
    });
    expect(s.run(['tar', '-xzf', '/tmp/redis.tar.gz', '-C', '/nonexist'])).toEqual({
      stdout: '',
      stderr: `tar: /nonexist: Cannot open: No such file or directory\n${fatal}`,
      status: 2,
    });
    expect(s.run(['tar'])).toEqual({
      stdout: '',
      stderr:
        "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n",
      status: 2,
    });
  });
});
