import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/sim/index.ts';
import { runPlain } from '../../support/plain.ts';

/**
 * docker run -d, exec, stop and kill against a PID-1 `sleep`. The ps table is
 * golden scenario 26's inspect step (Debian 12 procps); `docker stop` waits
 * the daemon's default 10 s for a PID 1 without a TERM handler, then kills
 * (facts.md §4, §5). Error texts: "Error response from daemon: No such
 * container: NAME" as the daemon words it (docker/cli#3518).
 */
describe('a detached container', () => {
  it('runs, answers docker exec, and stops after the 10-second grace period', () => {
    const host = createHost();
    const start = host.kernel.clock.now();
    const run = runPlain('docker run -d --name napper lab sleep 1000', host);
    expect(run.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(run.status).toBe(0);

    const exec = runPlain('docker exec napper ps -eo user,uid,pid,ppid,stat,args', host);
    expect(exec).toMatchObject({
      stdout:
        'USER       UID     PID    PPID STAT COMMAND\n' +
        'root         0       1       0 Ss   sleep 1000\n' +
        'root         0       2       0 Rs   ps -eo user,uid,pid,ppid,stat,args\n',
      stderr: '',
      status: 0,
    });

    const stop = runPlain('docker stop napper', host);
    expect(stop).toMatchObject({ stdout: 'napper\n', stderr: '', status: 0 });
    expect(host.kernel.clock.now() - start).toBeGreaterThanOrEqual(10_000);
    expect(host.kernel.clock.now() - start).toBeLessThan(11_000);
    const container = host.engine.find('napper');
    expect({ code: container?.exitCode, state: container?.state }).toEqual({
      code: 137,
      state: 'exited',
    });
  });

  it('stops at once with --timeout 0 and exec into it is refused afterwards', () => {
    const host = createHost();
    runPlain('docker run -d --name quick lab sleep 1000', host);
    const start = host.kernel.clock.now();
    expect(runPlain('docker stop -t 0 quick', host).stdout).toBe('quick\n');
    expect(host.kernel.clock.now() - start).toBe(0);
    const id = host.engine.find('quick')?.id ?? '';
    expect(runPlain('docker exec quick true', host)).toMatchObject({
      stderr: `Error response from daemon: container ${id} is not running\n`,
      status: 1,
    });
  });

  it('docker kill sends SIGKILL, which PID 1 cannot ignore from outside', () => {
    const host = createHost();
    runPlain('docker run -d --name killed lab sleep 1000', host);
    expect(runPlain('docker kill killed', host)).toMatchObject({
      stdout: 'killed\n',
      stderr: '',
      status: 0,
    });
    expect(host.engine.find('killed')?.exitCode).toBe(137);
  });

  it('names that do not exist get the daemon error and status 1', () => {
    expect(runPlain('docker stop nosuch')).toMatchObject({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
    expect(runPlain('docker exec nosuch id')).toMatchObject({
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
  });

  it('a detached run of a missing command fails at once, as runc create does', () => {
    const { stdout, stderr, status } = runPlain('docker run -d lab nosuchcmd');
    expect(stdout).toBe('');
    expect(stderr).toContain('exec: "nosuchcmd": executable file not found in $PATH: unknown');
    expect(status).toBe(127);
  });
});

describe('docker run options', () => {
  it('--user with a uid that has no passwd entry runs with the root group (facts.md §6.5)', () => {
    expect(runPlain('docker run --rm -u 1000 lab id')).toMatchObject({
      stdout: 'uid=1000 gid=0(root) groups=0(root)\n',
      status: 0,
    });
    expect(runPlain('docker run --rm --user nobody lab id').stdout).toBe(
      'uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n',
    );
  });

  it('--entrypoint replaces the entrypoint and the arguments follow it', () => {
    expect(runPlain('docker run --rm --entrypoint id lab -u')).toMatchObject({
      stdout: '0\n',
      status: 0,
    });
  });

  it("a name can be used once (the daemon's Conflict error, status 125)", () => {
    const host = createHost();
    runPlain('docker run -d --name twice lab sleep 100', host);
    const id = host.engine.find('twice')?.id ?? '';
    expect(runPlain('docker run -d --name twice lab sleep 100', host)).toMatchObject({
      stdout: '',
      stderr: `docker: Error response from daemon: Conflict. The container name "/twice" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
      status: 125,
    });
  });

  it('--stop-timeout sets how long docker stop waits', () => {
    const host = createHost();
    runPlain('docker run -d --name brief --stop-timeout 2 lab sleep 1000', host);
    const start = host.kernel.clock.now();
    runPlain('docker stop brief', host);
    expect(host.kernel.clock.now() - start).toBe(2000);
  });

  // docker/cli stop.go: parallelOperation sends every stop at once and prints the names in the
  // order given as each is done; the errors are joined after them (status 1).
  it('docker stop stops several containers at once, each with its own grace period', () => {
    const host = createHost();
    runPlain('docker run -d --name slow --stop-timeout 5 lab sleep 1000', host);
    runPlain('docker run -d --name brief --stop-timeout 2 lab sleep 1000', host);
    runPlain('docker run -d --init --name quick lab sleep 1000', host);
    const start = host.kernel.clock.now();
    expect(runPlain('docker stop slow nosuch brief quick', host)).toMatchObject({
      stdout: 'slow\nbrief\nquick\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
    expect(host.kernel.clock.now() - start).toBe(5000);
    const finished = Object.fromEntries(
      host.snapshot().containers.map((c) => [c.name, [c.exitCode, c.finishedAt - start]]),
    );
    // brief's SIGKILL comes at 2 s while the client still waits for slow (killed at 5 s);
    // tini forwards SIGTERM at once and reports 143.
    expect(finished).toEqual({ slow: [137, 5000], brief: [137, 2000], quick: [143, 0] });
  });

  it('a bind mount shows the host directory, created by the daemon as root', () => {
    const host = createHost();
    const { status } = runPlain(
      'docker run --rm -v /home/learner/data:/data -w /data lab ps -o pid,comm',
      host,
    );
    expect(status).toBe(0);
    const dir = host.engine.hostPath('/home/learner/data', false);
    expect({ kind: dir.kind, uid: dir.uid, perm: dir.perm.toString(8) }).toEqual({
      kind: 'dir',
      uid: 0,
      perm: '755',
    });
  });
});

describe('docker run --init', () => {
  it('puts docker-init (tini) in front as PID 1, so the command is PID 2 (facts.md §5)', () => {
    expect(runPlain('docker run --rm --init lab ps -ef').stdout).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'root           1       0  0 17:01 ?        00:00:00 /sbin/docker-init -- ps -ef\n' +
        'root           2       1  0 17:01 ?        00:00:00 ps -ef\n',
    );
  });

  it('docker stop of an --init sleep ends with 143: tini forwards TERM and reports the death (facts.md §5)', () => {
    const host = createHost();
    runPlain('docker run -d --name inited --init lab sleep 1000', host);
    const start = host.kernel.clock.now();
    expect(runPlain('docker stop inited', host).stdout).toBe('inited\n');
    expect(host.engine.find('inited')?.exitCode).toBe(143);
    expect(host.kernel.clock.now() - start).toBeLessThan(1000);
  });
});

describe('bind mounts and ownership (lesson 1)', () => {
  it('what root creates in the container is owned by uid 0 on the host; redis may not write there', () => {
    const host = createHost();
    const run = runPlain(
      [
        'docker run --rm -v /home/learner/data:/data lab touch /data/root-file',
        'docker run --rm -u redis -v /home/learner/data:/data lab mkdir /data/x',
        'ls -ln /home/learner/data',
      ].join('\n'),
      host,
    );
    // coreutils ls -ln layout and mkdir's message as Debian 12's print them (POSIX locale).
    expect(run.stdout).toBe('total 0\n-rw-r--r-- 1 0 0 0 Nov 28 17:01 root-file\n');
    expect(run.stderr).toBe("mkdir: cannot create directory '/data/x': Permission denied\n");
  });
});
