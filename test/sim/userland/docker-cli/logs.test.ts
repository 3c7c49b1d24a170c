import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * docker logs: the daemon keeps what a detached container wrote, each
 * stream apart (the json-file driver), and the client writes stdout
 * entries to its stdout and stderr entries to its stderr; a -t container
 * has one stream, a terminal's, with CR LF line ends (termios ONLCR).
 * Usage error text from the local docker 28.2.2 client.
 */
describe('docker logs', () => {
  it('replays a finished container: stdout and stderr kept apart; --tail counts lines', () => {
    const host = createHost();
    runPlain("docker run -d --name chatty lab sh -c 'echo one; echo two >&2; echo three'", host);
    expect(runPlain('docker logs chatty', host)).toMatchObject({
      stdout: 'one\nthree\n',
      stderr: 'two\n',
      status: 0,
    });
    expect(runPlain('docker logs --tail 2 chatty', host)).toMatchObject({
      stdout: 'three\n',
      stderr: 'two\n',
      status: 0,
    });
  });

  it('-f follows until the container exits, in virtual time', () => {
    const host = createHost();
    runPlain(
      "docker run -d --name slow lab sh -c 'echo a; sleep 2; echo b; sleep 1; echo c'",
      host,
    );
    const start = host.kernel.clock.now();
    expect(runPlain('docker logs -f slow', host)).toMatchObject({
      stdout: 'a\nb\nc\n',
      stderr: '',
      status: 0,
    });
    expect(host.kernel.clock.now() - start).toBeGreaterThanOrEqual(3_000);
    expect(host.kernel.clock.now() - start).toBeLessThan(3_100);
  });

  // moby api/server/httputils/write_log_stream.go: with timestamps each line starts with
  // msg.Timestamp.Format(jsonmessage.RFC3339NanoFixed) and a space (nine fraction digits, UTC "Z").
  it("-t puts each line's time in front, in virtual time", () => {
    const host = createHost();
    runPlain("docker run -d --name slow lab sh -c 'echo a; sleep 1.5; echo b; echo c >&2'", host);
    runPlain('sleep 2', host);
    expect(runPlain('docker logs -t slow', host)).toMatchObject({
      stdout: '2026-11-28T17:01:00.000000000Z a\n2026-11-28T17:01:01.500000000Z b\n',
      stderr: '2026-11-28T17:01:01.500000000Z c\n',
      status: 0,
    });
  });

  it('a -t container logs one stream with CR LF', () => {
    const host = createHost();
    runPlain("docker run -d -t --name tty lab sh -c 'echo hi; echo err >&2'", host);
    expect(runPlain('docker logs tty', host)).toMatchObject({
      stdout: 'hi\r\nerr\r\n',
      stderr: '',
      status: 0,
    });
  });

  // moby daemon GetContainer: the full id, then the name, then an id prefix only one container has.
  it('finds a container by name before an id prefix, and by a unique prefix', () => {
    const host = createHost();
    runPlain('docker run --name first lab echo one', host);
    const id = host.engine.find('first')?.id ?? '';
    const name = id.slice(0, 2);
    runPlain(`docker run --name ${name} lab echo two`, host);
    expect(runPlain(`docker logs ${name}`, host).stdout).toBe('two\n');
    expect(runPlain(`docker logs ${id.slice(0, 5)}`, host).stdout).toBe('one\n');
  });

  it('a -idt shell waits at its prompt; a -dt one reads end of file and says exit', () => {
    const host = createHost();
    runPlain('docker run -idt --name waiting lab bash', host);
    runPlain('docker run -dt --name leaving lab bash', host);
    runPlain('sleep 1', host);
    const short = (n: string) => host.engine.find(n)?.id.slice(0, 12) ?? '';
    expect(runPlain('docker logs waiting', host).stdout).toBe(`root@${short('waiting')}:/# `);
    expect(runPlain('docker logs leaving', host).stdout).toBe(
      `root@${short('leaving')}:/# exit\r\n`,
    );
    expect(runPlain("docker ps -a --format '{{.Names}} {{.State}}'", host).stdout).toBe(
      'leaving exited\nwaiting running\n',
    );
  });

  it('needs exactly one container that exists', () => {
    expect(runPlain('docker logs nosuch')).toMatchObject({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
    expect(runPlain('docker logs a b')).toMatchObject({
      stdout: '',
      stderr:
        "docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n",
      status: 1,
    });
  });
});

describe('docker logs -f in a terminal', () => {
  it('Ctrl-C ends the client with 130 and the container keeps running', () => {
    const host = createHost();
    const port = host.openTerminal();
    let screen = '';
    port.onOutput((d) => (screen += d));
    port.write('docker run -d --name ticker lab sh -c "echo tick; sleep 1000"\r');
    screen = '';
    port.write('docker logs -f ticker\r');
    port.write('\x03');
    port.write('echo $?\r');
    expect(screen).toBe(
      'docker logs -f ticker\r\ntick\r\n^C\r\nlearner@host:~$ echo $?\r\n130\r\nlearner@host:~$ ',
    );
    expect(host.engine.find('ticker')?.state).toBe('running');
  });
});
