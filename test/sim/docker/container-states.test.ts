import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/sim/index.ts';
import { runPlain } from '../../support/plain.ts';

/**
 * How containers end, as docker stop, docker ps, docker logs and docker
 * inspect report it (../shared/reference/facts.md §4, §5, §7): redis
 * handles SIGTERM, saves and exits 0; a PID-1 sleep has no handler, so only
 * the SIGKILL after the 10 s timeout ends it (137); with --init, tini
 * forwards TERM and reports the death as 143. Redis log lines: facts.md §7
 * (the real 7.0.15 log: "Received SIGTERM scheduling shutdown...", "User
 * requested shutdown...", "Saving the final RDB snapshot before exiting.",
 * "DB saved on disk", "Redis is now ready to exit, bye bye..."; the
 * data-dir-not-writable failure keeps it running). STATUS words: moby
 * container/state.go with go-units HumanDuration. With --init the COMMAND
 * is still the container's own: the daemon adds docker-init only to the OCI
 * spec's process args (moby daemon/oci_linux.go, facts.md §5), not to Path
 * and Args.
 */
const exitCode = (host: ReturnType<typeof createHost>, name: string) =>
  runPlain(`docker inspect -f '{{.State.ExitCode}} {{.State.Status}}' ${name}`, host).stdout;

describe('docker stop and the exit code', () => {
  it('redis shuts down on SIGTERM, logs it and exits 0', () => {
    const host = createHost();
    runPlain('docker run -d --name rs -w /tmp lab gosu redis redis-server', host);
    host.advance(1_000);
    const start = host.kernel.clock.now();
    expect(runPlain('docker stop rs', host)).toMatchObject({
      stdout: 'rs\n',
      stderr: '',
      status: 0,
    });
    expect(host.kernel.clock.now() - start).toBeLessThan(1_000);
    const seconds = Math.floor(start / 1000);
    expect(runPlain('docker logs --tail 5 rs', host).stdout).toBe(
      `1:signal-handler (${seconds}) Received SIGTERM scheduling shutdown...\n` +
        '1:M 28 Nov 2026 17:01:01.100 # User requested shutdown...\n' +
        '1:M 28 Nov 2026 17:01:01.100 * Saving the final RDB snapshot before exiting.\n' +
        '1:M 28 Nov 2026 17:01:01.100 * DB saved on disk\n' +
        '1:M 28 Nov 2026 17:01:01.100 # Redis is now ready to exit, bye bye...\n',
    );
    expect(exitCode(host, 'rs')).toBe('0 exited\n');
    host.advance(2_000);
    const id = host.engine.find('rs')?.id.slice(0, 12) ?? '';
    expect(runPlain('docker ps -a', host).stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                     PORTS     NAMES\n' +
        `${id}   lab       "gosu redis redis-se…"   3 seconds ago   Exited (0) 2 seconds ago             rs\n`,
    );
  });

  it('redis that cannot write its data dir refuses to exit; SIGKILL after 10 s: 137', () => {
    const host = createHost();
    runPlain('docker run -d --name rs lab gosu redis redis-server', host);
    host.advance(1_000);
    const start = host.kernel.clock.now();
    expect(runPlain('docker stop rs', host).stdout).toBe('rs\n');
    expect(host.kernel.clock.now() - start).toBeGreaterThanOrEqual(10_000);
    expect(runPlain('docker logs --tail 3 rs', host).stdout).toBe(
      '1:M 28 Nov 2026 17:01:01.100 # Failed opening the temp RDB file temp-1.rdb (in server root dir /) for saving: Permission denied\n' +
        "1:M 28 Nov 2026 17:01:01.100 # Error trying to save the DB, can't exit.\n" +
        '1:M 28 Nov 2026 17:01:01.100 # Errors trying to shut down the server. Check the logs for more information.\n',
    );
    expect(exitCode(host, 'rs')).toBe('137 exited\n');
  });

  it('a PID-1 sleep: 137 after the timeout; with --init: 143 at once', () => {
    const host = createHost();
    runPlain('docker run -d --name plain lab sleep 1000', host);
    runPlain('docker run -d --init --name tini lab sleep 1000', host);
    // docker/cli stop.go stops both at once (parallelOperation) and prints the names in the
    // order given: tini's container is gone at once, plain's after its 10 s.
    expect(runPlain('docker stop plain tini', host).stdout).toBe('plain\ntini\n');
    host.advance(1_000);
    expect(exitCode(host, 'plain')).toBe('137 exited\n');
    expect(exitCode(host, 'tini')).toBe('143 exited\n');
    const plain = host.engine.find('plain')?.id.slice(0, 12) ?? '';
    const tini = host.engine.find('tini')?.id.slice(0, 12) ?? '';
    expect(runPlain('docker ps -a', host).stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND        CREATED          STATUS                        PORTS     NAMES\n' +
        `${tini}   lab       "sleep 1000"   11 seconds ago   Exited (143) 11 seconds ago             tini\n` +
        `${plain}   lab       "sleep 1000"   11 seconds ago   Exited (137) 1 second ago               plain\n`,
    );
  });
});

describe("the image's STOPSIGNAL", () => {
  // facts.md §5: docker stop sends the image's STOPSIGNAL (or --stop-signal) first; tini
  // forwards it and reports the child's death by SIGINT as 128+2.
  it('is what docker stop sends: SIGINT through docker-init gives 130', () => {
    const host = createHost();
    runPlain(
      [
        'mkdir ctx',
        String.raw`printf 'FROM lab\nSTOPSIGNAL SIGINT\nCMD ["sleep", "1000"]\n' > ctx/Dockerfile`,
        'docker build -q -t interrupted ctx',
        'docker run -d --init --name ii interrupted',
        'docker run -d --init --name tt --stop-signal SIGTERM interrupted',
        'docker stop ii tt',
      ].join('\n'),
      host,
    );
    expect(exitCode(host, 'ii')).toBe('130 exited\n');
    expect(exitCode(host, 'tt')).toBe('143 exited\n');
  });
});

describe('docker run with a terminal', () => {
  it('-t: the output leaves through a terminal, with CR LF, stdout and stderr as one', () => {
    expect(runPlain("docker run --rm -t lab sh -c 'echo out; echo err >&2'")).toMatchObject({
      stdout: 'out\r\nerr\r\n',
      stderr: '',
      status: 0,
    });
  });

  it('-it in a terminal: a shell in the container until exit; Ctrl-C does not reach a PID-1 sleep', () => {
    const host = createHost();
    const port = host.openTerminal();
    let screen = '';
    port.onOutput((d) => (screen += d));
    port.write('docker run -it --rm --name box lab bash\r');
    const id = host.engine.find('box')?.id.slice(0, 12) ?? '';
    port.write('echo $$ $PPID\r');
    port.write('exit 5\r');
    port.write('echo $?\r');
    expect(screen).toBe(
      'learner@host:~$ docker run -it --rm --name box lab bash\r\n' +
        `root@${id}:/# echo $$ $PPID\r\n1 0\r\n` +
        `root@${id}:/# exit 5\r\nexit\r\n` +
        'learner@host:~$ echo $?\r\n5\r\nlearner@host:~$ ',
    );
    screen = '';
    port.write('docker run -it --name napper lab sleep 1000\r');
    port.write('\x03');
    host.advance(1_000);
    expect(screen).toBe('docker run -it --name napper lab sleep 1000\r\n^C');
    expect(host.engine.find('napper')?.state).toBe('running');
  });
});
