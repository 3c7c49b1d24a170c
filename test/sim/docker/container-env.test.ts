import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../src/sim/index.ts';
import { runPlain } from '../../support/plain.ts';

/**
 * The environment of a container's processes, as moby builds it
 * (container/container.go CreateDaemonEnvironment): PATH (moby's default),
 * HOSTNAME, TERM=xterm with a terminal, then Config.Env replacing those in
 * place or appended (container/env.go ReplaceOrAppendEnvValues). Config.Env
 * is -e first, then the image's ENV (daemon/commit.go merge). runc adds HOME
 * when it is missing. docker exec starts from the same environment and adds
 * its own -e (daemon/exec.go). The set of names is the one the golden
 * recordings list (shared/golden/README.md: PATH, HOSTNAME, HOME=/root).
 */
/** HOSTNAME=<the container's hostname: its ID's first 12 characters>. */
function hostnameOf(host: Host, name: string): string {
  const id = runPlain(`docker inspect -f '{{.Id}}' ${name}`, host).stdout.trim();
  expect(id).toMatch(/^[0-9a-f]{64}$/);
  return `HOSTNAME=${id.slice(0, 12)}`;
}

describe('a container’s environment', () => {
  const REDIS_ENV = [
    'GOSU_VERSION=1.10',
    'REDIS_VERSION=5.0.5',
    'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-5.0.5.tar.gz',
    'REDIS_DOWNLOAD_SHA=2139009799d21d8ff94fc40b7f36ac46699b9e1254086299f8d3b223ca54a375',
  ];
  const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

  it('docker run: PATH, HOSTNAME, the -e values, the image ENV, HOME', () => {
    const host = createHost();
    const run = runPlain('docker run -e FOO=1 --name envr redis:5.0 env', host);
    expect(run).toMatchObject({
      stdout: [PATH, hostnameOf(host, 'envr'), 'FOO=1', ...REDIS_ENV, 'HOME=/root', ''].join('\n'),
      stderr: '',
      status: 0,
    });
  });

  it('docker exec: the container’s environment (its -e included), then exec’s own -e', () => {
    const host = createHost();
    runPlain('docker run -d -e FOO=1 --name envc redis:5.0', host);
    const run = runPlain('docker exec -e BAR=2 -e FOO=3 envc env', host);
    expect(run).toMatchObject({
      stdout: [
        PATH,
        hostnameOf(host, 'envc'),
        'FOO=3',
        ...REDIS_ENV,
        'BAR=2',
        'HOME=/root',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
  });
});
