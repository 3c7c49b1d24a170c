import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../src/sim/index.ts';
import { runPlain } from '../../../support/plain.ts';

/**
 * docker inspect -f with text/template's control structures, end to end on
 * the article's redis:5.0 container. The engine's words and rules are the
 * ones the real docker 28.2.2 client showed on this machine (see
 * go-template-control.test.ts); the Env values are the pinned Dockerfile's
 * (shared/reference/redis/redis-5.0_Dockerfile_6845f6d.txt: ENV GOSU_VERSION
 * 1.10, REDIS_VERSION 5.0.5, REDIS_DOWNLOAD_URL, REDIS_DOWNLOAD_SHA, after the
 * debian base image's PATH); CMD ["redis-server"].
 */
describe('docker inspect -f with if, range and with', () => {
  it('lists the image environment, running state and command of redis:5.0', () => {
    const host = createHost();
    runPlain('docker run --name myredis -idt redis:5.0', host);
    expect(
      runPlain(
        "docker inspect -f '{{range $i := 5}}{{index $.Config.Env $i | println}}{{end}}' myredis",
        host,
      ),
    ).toMatchObject({
      stdout:
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
        'GOSU_VERSION=1.10\n' +
        'REDIS_VERSION=5.0.5\n' +
        'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-5.0.5.tar.gz\n' +
        'REDIS_DOWNLOAD_SHA=2139009799d21d8ff94fc40b7f36ac46699b9e1254086299f8d3b223ca54a375\n' +
        '\n',
      stderr: '',
      status: 0,
    });
    const state =
      "docker inspect -f '{{if .State.Running}}up{{else}}down{{end}}" +
      '{{range $i, $c := .Config.Cmd}} {{$i}}={{$c}}{{end}}' +
      "{{with .Config.User}} as {{.}}{{else}} (no user){{end}}' myredis";
    expect(runPlain(state, host)).toMatchObject({
      stdout: 'up 0=redis-server (no user)\n',
      stderr: '',
      status: 0,
    });
    runPlain('docker stop myredis', host);
    expect(runPlain(state, host).stdout).toBe('down 0=redis-server (no user)\n');
  });

  it('an unclosed {{if}} is a parse error, status 64', () => {
    expect(runPlain("docker inspect -f '{{if .State.Running}}up' nosuch")).toMatchObject({
      stdout: '',
      stderr: 'template parsing error: template: :1: unexpected EOF\n',
      status: 64,
    });
    expect(runPlain("docker inspect -f '{{.Name}}{{end}}' nosuch")).toMatchObject({
      stdout: '',
      stderr: 'template parsing error: template: :1: unexpected {{end}}\n',
      status: 64,
    });
  });

  it('Config.Env holds the -e values, then the image ENV they did not override; no HOSTNAME or HOME', () => {
    // moby daemon/commit.go merge: userConf.Env, then each image ENV whose name it lacks;
    // HOSTNAME and HOME go only to the process (container.go CreateDaemonEnvironment, runc).
    const host = createHost();
    runPlain('docker run -d -e FOO=1 -e REDIS_VERSION=x --name envd redis:5.0', host);
    expect(
      runPlain("docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' envd", host),
    ).toMatchObject({
      stdout:
        'FOO=1\n' +
        'REDIS_VERSION=x\n' +
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
        'GOSU_VERSION=1.10\n' +
        'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-5.0.5.tar.gz\n' +
        'REDIS_DOWNLOAD_SHA=2139009799d21d8ff94fc40b7f36ac46699b9e1254086299f8d3b223ca54a375\n' +
        // docker inspect ends each container's output with a newline.
        '\n',
      stderr: '',
      status: 0,
    });
  });
});
