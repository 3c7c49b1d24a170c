import { describe, expect, it } from 'vitest';
import { runPlain } from '../../support/plain.ts';

/**
 * docker CLI texts and statuses. Sources: the docker 28.2.2 client on the
 * recording machine's Debian (client-side errors, captured by running it) and
 * docs/research/docker-texts.md for the daemon's errors (§1a, §2a).
 */
const RUN_HINT = "\n\nRun 'docker run --help' for more information\n";

describe('docker run errors', () => {
  const cases: { name: string; line: string; stderr: string; status: number }[] = [
    {
      name: 'an image that is not there',
      line: 'docker run --rm nosuchimage',
      stderr:
        "Unable to find image 'nosuchimage:latest' locally\n" +
        "docker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" +
        RUN_HINT,
      status: 125,
    },
    {
      name: 'a command missing from the image',
      line: 'docker run --rm lab foo',
      stderr:
        'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "foo": executable file not found in $PATH: unknown' +
        RUN_HINT,
      status: 127,
    },
    {
      name: 'a file that is not executable',
      line: 'docker run --rm lab /etc/passwd',
      stderr:
        'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/etc/passwd": permission denied: unknown' +
        RUN_HINT,
      status: 126,
    },
    {
      name: 'a directory',
      line: 'docker run --rm lab /tmp',
      stderr:
        'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/tmp": is a directory: unknown' +
        RUN_HINT,
      status: 126,
    },
    {
      name: 'no image at all',
      line: 'docker run --rm',
      stderr:
        "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
      status: 1,
    },
    {
      name: 'an unknown flag',
      line: 'docker run --nosuchflag x',
      stderr:
        "unknown flag: --nosuchflag\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      status: 125,
    },
    {
      name: 'an unknown shorthand flag',
      line: 'docker run -z x',
      stderr:
        "unknown shorthand flag: 'z' in -z\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      status: 125,
    },
    {
      name: 'a flag without its value',
      line: 'docker run --name',
      stderr:
        "flag needs an argument: --name\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      status: 125,
    },
    {
      name: 'an unknown command',
      line: 'docker frobnicate',
      stderr:
        "docker: unknown command: docker frobnicate\n\nRun 'docker --help' for more information\n",
      status: 1,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { stdout, stderr, status } = runPlain(c.line);
      expect({ stdout, stderr, status }).toEqual({
        stdout: '',
        stderr: c.stderr,
        status: c.status,
      });
    });
  }
});

describe('the host shell', () => {
  it('answers an unknown command like bash, with status 127', () => {
    expect(runPlain('foo')).toMatchObject({
      stdout: '',
      stderr: 'bash: foo: command not found\n',
      status: 127,
    });
  });

  it('keeps the status of the last command', () => {
    expect(runPlain('foo\ntrue').status).toBe(0);
    expect(runPlain('true\ndocker run --rm lab false').status).toBe(1);
  });
});
