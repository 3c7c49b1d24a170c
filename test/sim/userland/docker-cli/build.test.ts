import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * The client side of `docker build` (docker 28.2.2 without buildx, so the
 * legacy builder). Every text below was captured from that client on the
 * recording machine (no daemon needed for these): the DEPRECATED notice first
 * on stderr whatever the arguments, cobra's argument check, and RunBuild's
 * "unable to prepare context" errors (docker/cli cli/command/image/build.go).
 */
const NOTICE =
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
  '            Install the buildx component to build images with BuildKit:\n' +
  '            https://docs.docker.com/go/buildx/\n\n';

describe('docker build (client)', () => {
  it('wants exactly one context', () => {
    const usage =
      "docker: 'docker build' requires 1 argument\n\n" +
      'Usage:  docker build [OPTIONS] PATH | URL | -\n\n' +
      "Run 'docker build --help' for more information\n";
    expect(runPlain('docker build')).toMatchObject({
      stdout: '',
      stderr: NOTICE + usage,
      status: 1,
    });
    expect(runPlain('docker build a b')).toMatchObject({
      stdout: '',
      stderr: NOTICE + usage,
      status: 1,
    });
  });

  it('refuses an unknown flag with status 125', () => {
    expect(runPlain('docker build -x .')).toMatchObject({
      stdout: '',
      stderr:
        NOTICE +
        "unknown shorthand flag: 'x' in -x\n\n" +
        'Usage:  docker build [OPTIONS] PATH | URL | -\n\n' +
        "Run 'docker build --help' for more information\n",
      status: 125,
    });
  });

  it('checks each -t as a reference before anything else (125)', () => {
    // Captured with `env -i docker build -t T .` (28.2.2 client, no daemon); the texts are
    // distribution/reference's (normalize.go ParseNormalizedNamed, reference.go Parse).
    const refused = (tag: string, why: string) => ({
      stdout: '',
      stderr:
        NOTICE +
        `invalid argument "${tag}" for "-t, --tag" flag: ${why}\n\n` +
        'Usage:  docker build [OPTIONS] PATH | URL | -\n\n' +
        "Run 'docker build --help' for more information\n",
      status: 125,
    });
    const cases: [string, string][] = [
      ['BAD:tag', 'invalid reference format: repository name (library/BAD) must be lowercase'],
      ['foo/Bar', 'invalid reference format: repository name (foo/Bar) must be lowercase'],
      ['a:b:c', 'invalid reference format'],
      ['a:.x', 'invalid reference format'],
      ['a@sha256:abc', 'invalid reference format'],
      ['', 'invalid reference format'],
      [
        '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        'invalid repository name (0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef), cannot specify 64-byte hexadecimal strings',
      ],
    ];
    for (const [tag, why] of cases)
      expect(runPlain(`docker build -t '${tag}' .`)).toMatchObject(refused(tag, why));
    expect(runPlain('docker build -t localhost:5000/x:1 -t UPPER .')).toMatchObject(
      refused(
        'UPPER',
        'invalid reference format: repository name (library/UPPER) must be lowercase',
      ),
    );
  });

  it('says which real flags the simulated builder does not honour', () => {
    // Stepdown's own answer for a flag of `docker build --help` it does not model (LIMITATIONS.md).
    expect(runPlain('docker build --target x .')).toMatchObject({
      stdout: '',
      stderr: `${NOTICE}docker: 'docker build --target' is not available in Stepdown yet\n`,
      status: 1,
    });
  });

  it('names a missing context and a context without a Dockerfile', () => {
    expect(runPlain('docker build /tmp/nonexist')).toMatchObject({
      stdout: '',
      stderr: `${NOTICE}unable to prepare context: path "/tmp/nonexist" not found\n`,
      status: 1,
    });
    expect(runPlain('mkdir empty-ctx; docker build empty-ctx')).toMatchObject({
      stdout: '',
      stderr: `${NOTICE}unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /home/learner/empty-ctx/Dockerfile: no such file or directory\n`,
      status: 1,
    });
  });

  it('prints only the image ID with -q', () => {
    const host = createHost();
    runPlain("mkdir q && printf 'FROM lab\\nRUN true\\n' > q/Dockerfile", host);
    const built = runPlain('docker build -q -t quiet q', host);
    expect(built).toMatchObject({ stderr: NOTICE, status: 0 });
    expect(built.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(runPlain('docker images -q quiet', host).stdout).toBe(`${built.stdout.slice(7, 19)}\n`);
  });

  it('shows the help after the notice', () => {
    const help = runPlain('docker build --help');
    expect(help.stderr).toBe(NOTICE);
    expect(help.stdout.split('\n').slice(0, 3)).toEqual([
      'Usage:  docker build [OPTIONS] PATH | URL | -',
      '',
      'Build an image from a Dockerfile',
    ]);
    expect(help.status).toBe(0);
  });
});
