import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * The classic builder run by `docker build` (legacy builder: the 28.2.2
 * client has no buildx here). Sources of the texts:
 * - "Step %d/%d : %v" then " ---> %s" (12-digit image ID) after each step:
 *   moby daemon/builder/dockerfile/builder.go (stepFormat, dispatchDockerfileWithCancellation).
 * - " ---> Running in %s": internals.go create(); " ---> Removed intermediate
 *   container %s": containerbackend.go RemoveAll, called after each step
 *   (evaluator.go dispatch, --rm is the default). COPY writes its layer
 *   without a container (internals.go performCopy).
 * - A RUN's stderr in "\x1b[91m…\x1b[0m": streamformatter.StderrFormatter.
 * - "The command '%s' returned a non-zero code: %d": dispatchers.go dispatchRun;
 *   the client prints it alone and exits with the code (docker/cli
 *   cmd/docker/docker.go, cli.StatusError).
 * - "Successfully built %s" / "Successfully tagged %s": daemon/builder/backend.
 * - "Sending build context to Docker daemon  3.072kB\r\r\n": the client's
 *   progress reader (rawProgressFormatter, then its "\r\n" after the last update).
 * - The DEPRECATED notice: captured from the 28.2.2 client without buildx.
 */
const NOTICE =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            Install the buildx component to build images with BuildKit:\n' +
  '            https://docs.docker.com/go/buildx/\n\n';

/** A context directory on the host, written with printf. */
function context(files: Record<string, string>): string {
  const lines = ['mkdir -p ctx'];
  for (const [name, text] of Object.entries(files))
    lines.push(`printf '%s' '${text.replace(/'/g, `'\\''`)}' > ctx/${name}`);
  return lines.join('\n');
}

describe('docker build with the classic builder', () => {
  it('runs every instruction of a small Dockerfile and tags the result', () => {
    const host = createHost();
    runPlain(
      context({
        Dockerfile:
          'FROM lab\n' +
          '# a comment line is not an instruction\n' +
          'RUN groupadd -r app && useradd -r -g app app\n' +
          'ENV GREETING hello\n' +
          'WORKDIR /srv/app\n' +
          'RUN echo "$GREETING from $(pwd)"; echo oops >&2\n' +
          'COPY --chown=app:app start.sh ./\n' +
          'USER app\n' +
          'CMD ["./start.sh"]\n',
        'start.sh': '#!/bin/sh\necho started as $(id -un)\n',
      }) + '\nchmod 755 ctx/start.sh',
      host,
    );
    const built = runPlain('docker build -t mine ctx', host);
    expect(built.stderr).toBe(NOTICE);
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(
      'Sending build context to Docker daemon  3.072kB\r\r\n' +
        'Step 1/8 : FROM lab\n' +
        ' ---> f61e9d10fa1c\n' +
        'Step 2/8 : RUN groupadd -r app && useradd -r -g app app\n' +
        ' ---> Running in c25491a00800\n' +
        ' ---> Removed intermediate container c25491a00800\n' +
        ' ---> 32843558f3a0\n' +
        'Step 3/8 : ENV GREETING hello\n' +
        ' ---> Running in 26dcf1df9778\n' +
        ' ---> Removed intermediate container 26dcf1df9778\n' +
        ' ---> 9d2c14781419\n' +
        'Step 4/8 : WORKDIR /srv/app\n' +
        ' ---> Running in eda985f44af2\n' +
        ' ---> Removed intermediate container eda985f44af2\n' +
        ' ---> 9f73091bf4be\n' +
        'Step 5/8 : RUN echo "$GREETING from $(pwd)"; echo oops >&2\n' +
        ' ---> Running in 84a923466df5\n' +
        'hello from /srv/app\n' +
        '\x1b[91moops\n\x1b[0m' +
        ' ---> Removed intermediate container 84a923466df5\n' +
        ' ---> 320f5500a658\n' +
        'Step 6/8 : COPY --chown=app:app start.sh ./\n' +
        ' ---> 02e7bc2f1158\n' +
        'Step 7/8 : USER app\n' +
        ' ---> Running in 4c3b123ad56a\n' +
        ' ---> Removed intermediate container 4c3b123ad56a\n' +
        ' ---> 2c49f4f4460b\n' +
        'Step 8/8 : CMD ["./start.sh"]\n' +
        ' ---> Running in 3096f3910bad\n' +
        ' ---> Removed intermediate container 3096f3910bad\n' +
        ' ---> 3f87a6909da0\n' +
        'Successfully built 3f87a6909da0\n' +
        'Successfully tagged mine:latest\n',
    );
    // The image's user, files and config come from running it.
    expect(
      runPlain('docker run --rm mine id; docker run --rm mine ls -ln; docker run --rm mine', host),
    ).toMatchObject({
      stdout:
        'uid=998(app) gid=998(app) groups=998(app)\n' +
        'total 4\n' +
        '-rwxr-xr-x 1 998 998 36 Nov 28 17:01 start.sh\n' +
        'started as app\n',
      stderr: '',
      status: 0,
    });
  });

  it('stops at a failing RUN with the command and its exit code', () => {
    const host = createHost();
    runPlain(context({ Dockerfile: 'FROM lab\nRUN echo before; exit 3\nRUN echo never\n' }), host);
    const built = runPlain('docker build ctx', host);
    expect(built).toMatchObject({
      stdout:
        'Sending build context to Docker daemon  2.048kB\r\r\n' +
        'Step 1/3 : FROM lab\n' +
        ' ---> f61e9d10fa1c\n' +
        'Step 2/3 : RUN echo before; exit 3\n' +
        ' ---> Running in c25491a00800\n' +
        'before\n',
      stderr: `${NOTICE}The command '/bin/sh -c echo before; exit 3' returned a non-zero code: 3\n`,
      status: 3,
    });
  });

  it('runs the exec form without a shell', () => {
    const host = createHost();
    runPlain(context({ Dockerfile: 'FROM lab\nRUN ["false"]\n' }), host);
    expect(runPlain('docker build ctx', host)).toMatchObject({
      stderr: `${NOTICE}The command 'false' returned a non-zero code: 1\n`,
      status: 1,
    });
  });

  it('names a COPY source missing from the context, and an image that cannot be pulled', () => {
    const host = createHost();
    runPlain(context({ Dockerfile: 'FROM lab\nCOPY nothere /\n' }), host);
    // COPY: moby copy.go, as builds print it ("COPY failed: file not found in build context …").
    expect(runPlain('docker build ctx', host)).toMatchObject({
      stderr: `${NOTICE}COPY failed: file not found in build context or excluded by .dockerignore: stat nothere: file does not exist\n`,
      status: 1,
    });
    runPlain(context({ Dockerfile: 'FROM nosuchimage\n' }), host);
    expect(runPlain('docker build ctx', host)).toMatchObject({
      stdout: 'Sending build context to Docker daemon  2.048kB\r\r\nStep 1/1 : FROM nosuchimage\n',
      stderr: `${NOTICE}pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n`,
      status: 1,
    });
  });

  it('refuses an unknown instruction before running anything', () => {
    const host = createHost();
    runPlain(context({ Dockerfile: 'FROM lab\nRUNN echo\n' }), host);
    // "Error response from daemon: dockerfile parse error line 15: unknown instruction: SET"
    // (a 28.x classic build, s-t-e-f-a-n/BillCollector#4).
    expect(runPlain('docker build ctx', host)).toMatchObject({
      stdout: 'Sending build context to Docker daemon  2.048kB\r\r\n',
      stderr: `${NOTICE}Error response from daemon: dockerfile parse error line 2: unknown instruction: RUNN\n`,
      status: 1,
    });
  });

  it('uses the cache for steps it has already built, unless --no-cache', () => {
    // internals.go probeCache: " ---> Using cache" instead of running the step.
    const host = createHost();
    runPlain(context({ Dockerfile: 'FROM lab\nRUN echo hi\nENV A=1\n' }), host);
    const first = runPlain('docker build -t c ctx', host).stdout;
    const id = /Successfully built ([0-9a-f]{12})/.exec(first)?.[1] ?? '';
    const runId = / ---> ([0-9a-f]{12})\nStep 3/.exec(first)?.[1] ?? '';
    expect(runPlain('docker build -t c ctx', host)).toMatchObject({
      stdout:
        'Sending build context to Docker daemon  2.048kB\r\r\n' +
        'Step 1/3 : FROM lab\n' +
        ' ---> f61e9d10fa1c\n' +
        'Step 2/3 : RUN echo hi\n' +
        ' ---> Using cache\n' +
        ` ---> ${runId}\n` +
        'Step 3/3 : ENV A=1\n' +
        ' ---> Using cache\n' +
        ` ---> ${id}\n` +
        `Successfully built ${id}\n` +
        'Successfully tagged c:latest\n',
      status: 0,
    });
    expect(runPlain('docker build --no-cache -t c ctx', host).stdout).toContain(
      'Step 2/3 : RUN echo hi\n ---> Running in ',
    );
  });

  it('builds a catalog image it starts FROM first, where Docker would pull it', () => {
    const host = createHost();
    runPlain(context({ Dockerfile: 'FROM redis:5.0\nRUN id redis\n' }), host);
    // Docker would print the pull's progress under Step 1; the simulator builds the image silently.
    expect(runPlain('docker build -t on-redis ctx', host)).toMatchObject({
      stdout:
        'Sending build context to Docker daemon  2.048kB\r\r\n' +
        'Step 1/2 : FROM redis:5.0\n' +
        ' ---> 158f22672070\n' +
        'Step 2/2 : RUN id redis\n' +
        ' ---> Running in cba6d82facae\n' +
        'uid=999(redis) gid=999(redis) groups=999(redis)\n' +
        ' ---> Removed intermediate container cba6d82facae\n' +
        ' ---> e638ee00ff15\n' +
        'Successfully built e638ee00ff15\n' +
        'Successfully tagged on-redis:latest\n',
      stderr: NOTICE,
      status: 0,
    });
  });

  it('is cancelled by Ctrl-C: the prompt comes back, nothing is tagged, the build process is gone', () => {
    const host = createHost();
    runPlain(context({ Dockerfile: 'FROM lab\nRUN echo start; sleep 100\n' }), host);
    const port = host.openTerminal();
    let screen = '';
    port.onOutput((d) => (screen += d));
    port.write('docker build -t s ctx\r');
    host.advance(1000);
    port.write('\x03');
    host.advance(1000);
    port.write('docker images s; ps -e -o comm | grep -c dockerd\r');
    host.advance(200_000);
    // The terminal turns each \n into \r\n (onlcr); ^C is the line discipline's echo.
    expect(screen.replace(/\r\n/g, '\n')).toBe(
      'learner@host:~$ docker build -t s ctx\n' +
        NOTICE +
        // "\r\r\n" on the screen: the \r\n of the normalisation leaves the first \r.
        'Sending build context to Docker daemon  2.048kB\r\n' +
        'Step 1/2 : FROM lab\n' +
        ' ---> f61e9d10fa1c\n' +
        'Step 2/2 : RUN echo start; sleep 100\n' +
        ' ---> Running in c25491a00800\n' +
        'start\n' +
        '^C\n' +
        'learner@host:~$ docker images s; ps -e -o comm | grep -c dockerd\n' +
        'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n' +
        '0\n' +
        'learner@host:~$ ',
    );
  });
});
