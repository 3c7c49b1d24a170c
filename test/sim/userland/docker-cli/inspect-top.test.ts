import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

const FIELDS =
  '{{.State.ExitCode}}|{{.State.Status}}|{{.State.Pid}}|{{.State.Running}}|{{.Config.User}}|' +
  '{{.Config.Entrypoint}}|{{.Config.Cmd}}|{{.Name}}|{{json .Config.Cmd}}|{{json .Config.Entrypoint}}';

/**
 * docker inspect -f: the fields of the Engine API's container document
 * (State.Pid is the host PID of the container's first process, 0 once it
 * stopped; Name has the leading "/"; Config.Cmd and Config.Entrypoint are
 * []string, printed by Go's fmt as [a b], a nil one as [] and null in json)
 * through docker/cli's template functions. A missing name: an empty line and
 * "Error: No such object: NAME", status 1 (the 28.2.2 client prints the
 * empty line itself; the error text is in its binary).
 */
describe('docker inspect -f', () => {
  it('reads state and config of running and exited containers', () => {
    const host = createHost();
    runPlain('docker run -d --name rr -u redis lab redis-server', host);
    runPlain("docker run --name xx --entrypoint sh lab -c 'exit 7'", host);
    const pid = host.engine.find('rr')?.initPid;
    expect(runPlain(`docker inspect -f '${FIELDS}' rr xx`, host)).toMatchObject({
      stdout:
        `0|running|${pid}|true|redis|[]|[redis-server]|/rr|["redis-server"]|null\n` +
        '7|exited|0|false||[sh]|[-c exit 7]|/xx|["-c","exit 7"]|["sh"]\n',
      stderr: '',
      status: 0,
    });
    expect(runPlain("docker inspect -f '{{.Id}}' rr", host).stdout).toBe(
      `${host.engine.find('rr')?.id}\n`,
    );
  });

  it('a name that does not exist, and a template that does not parse (status 64)', () => {
    expect(runPlain("docker inspect -f '{{.State.Pid}}' nosuch")).toMatchObject({
      stdout: '\n',
      stderr: 'Error: No such object: nosuch\n',
      status: 1,
    });
    expect(runPlain("docker inspect -f '{{.State.Pid' nosuch")).toMatchObject({
      stdout: '',
      stderr: 'template parsing error: template: :1: unclosed action\n',
      status: 64,
    });
  });
});

/**
 * docker top: the daemon runs the host's ps -ef and keeps the lines of the
 * container's processes, host PIDs (moby daemon/top_unix.go); the client
 * prints them through a tabwriter of width 20, padding 3 (docker/cli top.go).
 */
describe('docker top', () => {
  it('shows docker-init and its child with host PIDs', () => {
    const host = createHost();
    runPlain('docker run -d --init --name ii lab sleep 100', host);
    const init = host.engine.find('ii')?.initPid ?? 0;
    const shim = host.engine.find('ii')?.shimPid ?? 0;
    const row = (cells: (string | number)[]) =>
      cells.map((c, n) => (n < cells.length - 1 ? String(c).padEnd(20) : String(c))).join('') +
      '\n';
    expect(runPlain('docker top ii', host)).toMatchObject({
      stdout:
        row(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']) +
        row(['root', init, shim, 0, '17:01', '?', '00:00:00', '/sbin/docker-init -- sleep 100']) +
        row(['root', init + 1, init, 0, '17:01', '?', '00:00:00', 'sleep 100']),
      stderr: '',
      status: 0,
    });
    expect(runPlain('docker top ii -o pid,args', host).stdout).toBe(
      row(['PID', 'COMMAND']) +
        row([init, '/sbin/docker-init -- sleep 100']) +
        row([init + 1, 'sleep 100']),
    );
  });

  it('refuses a stopped container and a missing one', () => {
    const host = createHost();
    runPlain('docker run --name done lab true', host);
    const id = host.engine.find('done')?.id ?? '';
    expect(runPlain('docker top done', host)).toMatchObject({
      stderr: `Error response from daemon: container ${id} is not running\n`,
      status: 1,
    });
    expect(runPlain('docker top nosuch', host)).toMatchObject({
      stderr: 'Error response from daemon: No such container: nosuch\n',
      status: 1,
    });
  });
});
