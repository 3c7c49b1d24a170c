import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

const PROMPT = 'learner@host:~$ ';

/** The learner's terminal on a host: what it typed and what came back, as the screen gets it. */
function terminal(host: Host) {
  const port = host.openTerminal();
  let screen = '';
  port.onOutput((d) => (screen += d));
  return {
    type: (text: string) => port.write(text),
    take: () => {
      const text = screen;
      screen = '';
      return text;
    },
  };
}

/**
 * docker exec -it: the terminal's keys go to a shell in the container until
 * it exits (the client's raw mode and the container's pseudo-terminal,
 * runc exec with a terminal making the new session its foreground), then
 * the host prompt returns. bash's prompt is Debian's \u@\h:\w\$ with the
 * container's short id as host name (the article's "root@122c2df16bbb:/data# ").
 * The exec'd process is a child of the shim: PPID 0 inside (golden README,
 * "docker exec"). "the input device is not a TTY": docker-texts.md §5.
 */
describe('docker exec -it', () => {
  it('drops the terminal into bash in the container; Ctrl-C reaches its foreground job; exit returns', () => {
    const host = createHost();
    const t = terminal(host);
    t.type('docker run --name box -idt lab sleep 1000\r');
    const id = host.engine.find('box')?.id ?? '';
    const inside = `root@${id.slice(0, 12)}:/# `;
    expect(t.take()).toBe(
      `${PROMPT}docker run --name box -idt lab sleep 1000\r\n${id}\r\n${PROMPT}`,
    );
    t.type('docker exec -it box /bin/bash\r');
    t.type('ps -ef\r');
    expect(t.take()).toBe(
      'docker exec -it box /bin/bash\r\n' +
        `${inside}ps -ef\r\n` +
        'UID          PID    PPID  C STIME TTY          TIME CMD\r\n' +
        'root           1       0  0 17:01 ?        00:00:00 sleep 1000\r\n' +
        'root           2       0  0 17:01 ?        00:00:00 /bin/bash\r\n' +
        'root           3       2  0 17:01 ?        00:00:00 ps -ef\r\n' +
        inside,
    );
    t.type('sleep 50\r');
    t.type('\x03');
    t.type('echo $?\r');
    expect(t.take()).toBe(`sleep 50\r\n^C\r\n${inside}echo $?\r\n130\r\n${inside}`);
    t.type('exit\r');
    t.type('echo $?\r');
    expect(t.take()).toBe(`exit\r\nexit\r\n${PROMPT}echo $?\r\n0\r\n${PROMPT}`);
    expect(host.engine.find('box')?.state).toBe('running');
  });

  it('the exit status of the command is the client’s', () => {
    const host = createHost();
    const t = terminal(host);
    t.type('docker run --name box -d lab sleep 1000\r');
    t.type("docker exec -it box sh -c 'exit 4'\r");
    t.take();
    t.type('echo $?\r');
    expect(t.take()).toBe(`echo $?\r\n4\r\n${PROMPT}`);
  });

  it('needs a terminal for -it, checked once the container is known', () => {
    const host = createHost();
    runPlain('docker run --name box -d lab sleep 1000', host);
    expect(runPlain('docker exec -it box sh', host)).toMatchObject({
      stdout: '',
      stderr: 'the input device is not a TTY\n',
      status: 1,
    });
    expect(runPlain('docker exec -it nosuch sh', host)).toMatchObject({
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
    expect(runPlain('docker run -it --rm lab sh', host)).toMatchObject({
      stdout: '',
      stderr: 'the input device is not a TTY\n',
      status: 1,
    });
  });
});

describe('docker exec options', () => {
  it('-u, -w and -e: the user from the container passwd (HOME from its entry), the directory, the variable', () => {
    const host = createHost();
    runPlain('docker run --name box -d lab sleep 1000', host);
    expect(
      runPlain(
        "docker exec -u redis -w /tmp -e GREETING=hi box sh -c 'id; pwd; echo $GREETING $HOME'",
        host,
      ),
    ).toMatchObject({
      stdout: 'uid=999(redis) gid=999(redis) groups=999(redis)\n/tmp\nhi /home/redis\n',
      stderr: '',
      status: 0,
    });
  });

  // docker/cli opts.ValidateEnv: -e NAME takes the client's value; an unset one is left out.
  it('-e NAME passes the value from the client environment', () => {
    const host = createHost();
    runPlain('docker run --name box -d lab sleep 1000', host);
    expect(
      runPlain(
        "export GREETING=hello\ndocker exec -e GREETING -e UNSET_ONE box sh -c 'echo $GREETING; env | grep -c UNSET_ONE'",
        host,
      ),
    ).toMatchObject({ stdout: 'hello\n0\n', stderr: '', status: 1 });
  });

  it('-u with an unknown user fails as runc does', () => {
    const host = createHost();
    runPlain('docker run --name box -d lab sleep 1000', host);
    expect(runPlain('docker exec -u nobody2 box id', host)).toMatchObject({
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: unable to find user nobody2: no matching entries in passwd file: unknown\r\n',
      status: 126,
    });
  });

  it('-d runs in the background and returns at once', () => {
    const host = createHost();
    runPlain('docker run --name box -d lab sleep 1000', host);
    expect(runPlain("docker exec -d box sh -c 'sleep 5; echo late'", host)).toMatchObject({
      stdout: '',
      stderr: '',
      status: 0,
    });
    expect(runPlain('docker exec box ps -eo pid,ppid,args', host).stdout).toBe(
      '    PID    PPID COMMAND\n' +
        '      1       0 sleep 1000\n' +
        '      2       0 sh -c sleep 5; echo late\n' +
        '      3       2 sleep 5\n' +
        '      4       0 ps -eo pid,ppid,args\n',
    );
  });
});
