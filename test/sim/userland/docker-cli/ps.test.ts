import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * docker ps against the simulated daemon, in virtual time. Sources: the
 * table layout of docker/cli cli/command/formatter (default table format,
 * tabwriter 10/1/3, ID cut to 12, Ellipsis(command, 20) then strconv.Quote,
 * CREATED = HumanDuration(now - Created) + " ago" with Created in whole
 * seconds); STATUS from moby container/state.go State.String() ("Up %s",
 * "Exited (%d) %s ago", "Created"); the words from go-units HumanDuration
 * (docker/go-units duration.go, vendored in docker/cli); COMMAND as moby's
 * daemon/container/view.go joins Path and Args (an argument with a space in
 * single quotes). Client texts from the local docker 28.2.2.
 */
const HEADER = 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n';

describe('docker ps', () => {
  it('with nothing running prints the header alone (docker-texts.md §6)', () => {
    expect(runPlain('docker ps\ndocker ps -a')).toMatchObject({
      stdout: HEADER + HEADER,
      stderr: '',
      status: 0,
    });
  });

  it('lists running containers, newest first; -a adds the exited ones; times move with the clock', () => {
    const host = createHost();
    runPlain('docker run -d --name napper lab sleep 1000', host);
    host.advance(2_000);
    runPlain("docker run --name talker lab sh -c 'echo hello world; exit 3'", host);
    host.advance(75_000);
    const napper = host.engine.find('napper')?.id.slice(0, 12) ?? '';
    const talker = host.engine.find('talker')?.id.slice(0, 12) ?? '';
    expect(runPlain('docker ps', host)).toMatchObject({
      stdout:
        'CONTAINER ID   IMAGE     COMMAND        CREATED              STATUS              PORTS     NAMES\n' +
        `${napper}   lab       "sleep 1000"   About a minute ago   Up About a minute             napper\n`,
      status: 0,
    });
    expect(runPlain('docker ps -a', host).stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED              STATUS                          PORTS     NAMES\n' +
        `${talker}   lab       "sh -c 'echo hello w…"   About a minute ago   Exited (3) About a minute ago             talker\n` +
        `${napper}   lab       "sleep 1000"             About a minute ago   Up About a minute                         napper\n`,
    );
    expect(runPlain('docker ps -aq', host).stdout).toBe(`${talker}\n${napper}\n`);
  });

  it('--no-trunc shows the whole id and command; a never-started container is "Created"', () => {
    const host = createHost();
    runPlain('docker run -d --name broken lab nosuchcommand', host);
    runPlain('docker run -d --name napper lab sleep 1000', host);
    host.advance(3_000);
    const broken = host.engine.find('broken')?.id ?? '';
    const napper = host.engine.find('napper')?.id ?? '';
    expect(runPlain('docker ps -a --no-trunc', host).stdout).toBe(
      'CONTAINER ID                                                       IMAGE     COMMAND           CREATED         STATUS         PORTS     NAMES\n' +
        `${napper}   lab       "sleep 1000"      3 seconds ago   Up 3 seconds             napper\n` +
        `${broken}   lab       "nosuchcommand"   3 seconds ago   Created                  broken\n`,
    );
  });

  it('takes no arguments (the 28.2.2 client)', () => {
    expect(runPlain('docker ps x')).toMatchObject({
      stdout: '',
      stderr:
        "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n",
      status: 1,
    });
  });
});

/**
 * --format as docker/cli's formatter runs it (cli/command/formatter:
 * "table " makes a table whose header comes from the same template over the
 * column titles of NewContainerContext; \t and \n in the text become real;
 * -q wins over a custom format; a template that does not parse fails before
 * any request with "failed to parse template: …", status 1, as the 28.2.2
 * client printed it on this machine).
 */
describe('docker ps --format', () => {
  it('a table of chosen columns, and plain lines', () => {
    const host = createHost();
    runPlain('docker run -d --name napper lab sleep 1000', host);
    runPlain('docker run --name done lab true', host);
    const napper = host.engine.find('napper')?.id.slice(0, 12) ?? '';
    expect(
      runPlain(String.raw`docker ps -a --format 'table {{.Names}}\t{{.Status}}\t{{.State}}'`, host)
        .stdout,
    ).toBe(
      'NAMES     STATUS                              STATE\n' +
        'done      Exited (0) Less than a second ago   exited\n' +
        'napper    Up Less than a second               running\n',
    );
    expect(
      runPlain("docker ps --format '{{.Names}}: {{.Command}} {{.CreatedAt}}'", host).stdout,
    ).toBe('napper: "sleep 1000" 2026-11-28 17:01:00 +0000 UTC\n');
    expect(runPlain("docker ps -q --format '{{.Names}}'", host).stdout).toBe(`${napper}\n`);
  });

  it('refuses a template that does not parse', () => {
    expect(runPlain("docker ps --format '{{.Names'")).toMatchObject({
      stdout: '',
      stderr: 'failed to parse template: template: :1: unclosed action\n',
      status: 1,
    });
  });
});

/**
 * PORTS lists the image's EXPOSE ports while the container runs (none are
 * published: -p is not modelled), as docker/cli's DisplayablePorts groups
 * them: sorted by number, consecutive ports of a protocol as a range, the
 * groups that end early first, then the rest in order of first appearance.
 */
describe('docker ps PORTS', () => {
  it('shows a built image’s exposed ports', () => {
    const host = createHost();
    runPlain(
      [
        'mkdir ctx',
        String.raw`printf 'FROM lab\nEXPOSE 81 80 53/udp 443\nCMD ["sleep", "1000"]\n' > ctx/Dockerfile`,
        'docker build -q -t ported ctx',
        'docker run -d --name pp ported',
      ].join('\n'),
      host,
    );
    const id = host.engine.find('pp')?.id.slice(0, 12) ?? '';
    expect(runPlain('docker ps', host).stdout).toBe(
      'CONTAINER ID   IMAGE     COMMAND        CREATED                  STATUS                  PORTS                        NAMES\n' +
        `${id}   ported    "sleep 1000"   Less than a second ago   Up Less than a second   80-81/tcp, 53/udp, 443/tcp   pp\n`,
    );
  });
});
