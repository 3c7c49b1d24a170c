import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * docker rm, start and restart. Daemon words: moby daemon/delete.go
 * ("cannot remove container %q: " + "container is running: stop the
 * container before removing or force remove"); client behaviour: docker/cli
 * cli/command/container/rm.go (names printed as given, errors joined at the
 * end, with -f a missing container is reported on stderr and skipped),
 * start.go (startContainersWithoutAttachments: "failed to start containers:
 * a, b"), restart.go. Usage texts from the local docker 28.2.2 client.
 */
describe('docker rm', () => {
  it('refuses a running container, removes it with -f (SIGKILL), and a stopped one plainly', () => {
    const host = createHost();
    runPlain('docker run -d --name napper lab sleep 1000', host);
    runPlain('docker run --name done lab true', host);
    expect(runPlain('docker rm napper', host)).toMatchObject({
      stdout: '',
      stderr:
        'Error response from daemon: cannot remove container "napper": container is running: stop the container before removing or force remove\n',
      status: 1,
    });
    expect(runPlain('docker rm done', host)).toMatchObject({
      stdout: 'done\n',
      stderr: '',
      status: 0,
    });
    const start = host.kernel.clock.now();
    expect(runPlain('docker rm -f napper', host)).toMatchObject({
      stdout: 'napper\n',
      stderr: '',
      status: 0,
    });
    expect(host.kernel.clock.now() - start).toBeLessThan(100);
    expect(runPlain('docker ps -aq', host).stdout).toBe('');
  });

  it('a name that does not exist: status 1, or reported and skipped with -f', () => {
    const host = createHost();
    runPlain('docker run --name done lab true', host);
    expect(runPlain('docker rm nosuch done', host)).toMatchObject({
      stdout: 'done\n',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
    expect(runPlain('docker rm -f nosuch', host)).toMatchObject({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 0,
    });
    expect(runPlain('docker rm')).toMatchObject({
      stderr:
        "docker: 'docker rm' requires at least 1 argument\n\nUsage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information\n",
      status: 1,
    });
  });
});

describe('docker start and restart', () => {
  it('start runs a stopped container again with its files kept; a running one is left alone', () => {
    const host = createHost();
    runPlain("docker run --name counter lab sh -c 'echo x >> /tmp/n; wc -l < /tmp/n'", host);
    expect(runPlain('docker start counter', host)).toMatchObject({
      stdout: 'counter\n',
      stderr: '',
      status: 0,
    });
    expect(runPlain('docker logs counter', host).stdout).toBe('1\n2\n');
    expect(runPlain('docker start -a counter', host)).toMatchObject({
      stdout: '3\n',
      status: 0,
    });
    runPlain('docker run -d --name napper lab sleep 1000', host);
    expect(runPlain('docker start napper', host).stdout).toBe('napper\n');
  });

  it('start of a name that does not exist', () => {
    expect(runPlain('docker start nosuch')).toMatchObject({
      stdout: '',
      stderr:
        'Error response from daemon: No such container: nosuch\nfailed to start containers: nosuch\n',
      status: 1,
    });
  });

  it('start of a container whose command is missing fails every time with the runtime error', () => {
    const host = createHost();
    runPlain('docker run -d --name broken lab nosuch', host);
    const failure =
      'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "nosuch": executable file not found in $PATH: unknown\n' +
      'failed to start containers: broken\n';
    for (let i = 0; i < 2; i++)
      expect(runPlain('docker start broken', host)).toMatchObject({
        stdout: '',
        stderr: failure,
        status: 1,
      });
  });

  it('a --rm container is gone once it has exited, detached or not', () => {
    const host = createHost();
    runPlain('docker run --rm -d lab true', host);
    runPlain('docker run --rm lab true', host);
    host.advance(1_000);
    expect(runPlain('docker ps -aq', host).stdout).toBe('');
  });

  it('start -a exits with the status of the container', () => {
    const host = createHost();
    runPlain("docker run --name three lab sh -c 'exit 3'", host);
    expect(runPlain('docker start -a three', host).status).toBe(3);
  });

  it('restart -t 2 of a PID-1 sleep: SIGTERM is ignored, SIGKILL after 2 s, then a new run', () => {
    const host = createHost();
    runPlain('docker run -d --name napper lab sleep 1000', host);
    const before = host.engine.find('napper')?.initPid;
    const start = host.kernel.clock.now();
    expect(runPlain('docker restart -t 2 napper', host)).toMatchObject({
      stdout: 'napper\n',
      stderr: '',
      status: 0,
    });
    expect(host.kernel.clock.now() - start).toBeGreaterThanOrEqual(2_000);
    expect(host.kernel.clock.now() - start).toBeLessThan(2_100);
    const container = host.engine.find('napper');
    expect(container?.state).toBe('running');
    expect(container?.initPid).not.toBe(before);
    expect(runPlain('docker restart nosuch', host)).toMatchObject({
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
    expect(runPlain('docker restart -t x napper', host)).toMatchObject({
      stderr:
        'invalid argument "x" for "-t, --timeout" flag: strconv.ParseInt: parsing "x": invalid syntax\n\nUsage:  docker restart [OPTIONS] CONTAINER [CONTAINER...]\n\nRun \'docker restart --help\' for more information\n',
      status: 125,
    });
  });
});

/**
 * docker kill of a container that is not running: moby's router wraps the
 * daemon's errNotRunning ("container %s is not running") as "Cannot kill
 * container: %s" with the name the client sent (moby
 * api/server/router/container/container_routes.go, postContainersKill).
 */
describe('docker kill', () => {
  it('refuses a stopped container', () => {
    const host = createHost();
    runPlain('docker run --name done lab true', host);
    const id = host.engine.find('done')?.id ?? '';
    expect(runPlain('docker kill done', host)).toMatchObject({
      stdout: '',
      stderr: `Error response from daemon: Cannot kill container: done: container ${id} is not running\n`,
      status: 1,
    });
  });
});

describe('docker start -ai in a terminal', () => {
  // docker/cli start.go: with -a and -i the client attaches its terminal to a container
  // created with -i -t and waits for it; the container's files are the same as before.
  it('resumes an interactive container: its shell in the terminal again', () => {
    const host = createHost();
    const port = host.openTerminal();
    let screen = '';
    port.onOutput((d) => (screen += d));
    port.write('docker run -it --name box lab bash\r');
    port.write('echo kept > /tmp/note; exit\r');
    screen = '';
    port.write('docker start -ai box\r');
    port.write('cat /tmp/note; exit 2\r');
    port.write('echo $?\r');
    const prompt = `root@${host.engine.find('box')?.id.slice(0, 12) ?? ''}:/# `;
    expect(screen).toBe(
      'docker start -ai box\r\n' +
        `${prompt}cat /tmp/note; exit 2\r\nkept\r\nexit\r\n` +
        'learner@host:~$ echo $?\r\n2\r\nlearner@host:~$ ',
    );
  });
});

/**
 * Container names: moby daemon/names RestrictedNamePattern
 * (^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$, so two characters at least) and its
 * "Invalid container name (%s), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed"
 * (a Docker 28 transcript: `docker run --name -my-ping pinger`), status 125.
 */
describe('docker run --name', () => {
  const refused = (name: string) =>
    `docker: Error response from daemon: Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n\nRun 'docker run --help' for more information\n`;
  it('refuses names outside the pattern, one character included', () => {
    for (const name of ['a', 'my_ping!', '.hidden']) {
      expect(runPlain(`docker run --name '${name}' lab true`)).toMatchObject({
        stdout: '',
        stderr: refused(name),
        status: 125,
      });
    }
  });

  it('takes a leading slash off', () => {
    const host = createHost();
    runPlain('docker run --name /slashed lab true', host);
    expect(runPlain("docker ps -a --format '{{.Names}}'", host).stdout).toBe('slashed\n');
  });
});
