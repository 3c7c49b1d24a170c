import { describe, expect, it } from 'vitest';
import { LabSession } from '../support/lab-session.ts';

/**
 * wget 1.21.3 over the offline artefact store. The line formats, messages and
 * statuses are the real wget's on Debian 12, recorded with `env -i wget …`
 * against a local `python3 -m http.server` (dot progress because standard
 * error is not a terminal; "--DATE--  URL", "Connecting to …", "Length: N
 * [TYPE]", "Saving to: 'F'", "     0K <55 blanks>100%  613K=0s", "DATE (613
 * KB/s) - 'F' saved [4/4]"; 404 → "DATE ERROR 404: …" status 8; unknown
 * host → "Resolving H (H)... failed: Name or service not known." and
 * "wget: unable to resolve host address 'H'" status 4; no URL → "wget:
 * missing URL" status 1; bad option status 2). The resolve/connect lines for a
 * host name follow a published wget log of download.redis.io ("Resolving
 * download.redis.io (download.redis.io)... ADDR" / "Connecting to
 * download.redis.io (download.redis.io)|ADDR|:80... connected."); the
 * addresses are modelled. Rates come from the modelled 10 MiB/s network.
 */
const GOSU = 'https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64';
const BLANKS = ' '.repeat(55);

function session() {
  return new LabSession();
}

describe('wget', () => {
  it('downloads gosu 1.17 as the 7.2 Dockerfile asks', () => {
    const s = session();
    const run = s.run(['wget', '-O', '/usr/local/bin/gosu', GOSU], { cwd: '/' });
    expect(run).toEqual({
      stdout: '',
      stderr: `--2026-11-28 17:01:00--  ${GOSU}
Resolving github.com (github.com)... 192.0.2.10
Connecting to github.com (github.com)|192.0.2.10|:443... connected.
HTTP request sent, awaiting response... 200 OK
Length: 146 [application/octet-stream]
Saving to: '/usr/local/bin/gosu'

     0K${BLANKS}100% 10.0M=0s

2026-11-28 17:01:00 (10.0 MB/s) - '/usr/local/bin/gosu' saved [146/146]

`,
      status: 0,
    });
    // The file takes the asset's Last-Modified: a recorded `ls -al /usr/local/bin/gosu` after the
    // same wget shows "-rw-r--r-- 1 root root 2355481 Nov  2  2023" (the size is the stand-in's here).
    expect(s.run(['ls', '-l', '/usr/local/bin/gosu'])).toEqual({
      stdout: '-rw-r--r-- 1 root root 146 Nov  2  2023 /usr/local/bin/gosu\n',
      stderr: '',
      status: 0,
    });
  });

  it('a redis tarball over plain HTTP, saved under its own name, then NAME.1', () => {
    const s = session();
    const url = 'http://download.redis.io/releases/redis-5.0.5.tar.gz';
    const first = s.run(['wget', '-q', url], { cwd: '/tmp' });
    expect(first).toEqual({ stdout: '', stderr: '', status: 0 });
    const second = s.run(['wget', '-nv', url], { cwd: '/tmp' });
    expect(second).toEqual({
      stdout: '',
      stderr: `2026-11-28 17:01:00 URL:${url} [1894/1894] -> "redis-5.0.5.tar.gz.1" [1]\n`,
      status: 0,
    });
  });

  it('a path the host does not have: 404 and status 8, the -O file left empty', () => {
    const s = session();
    const url = 'http://download.redis.io/releases/redis-9.9.9.tar.gz';
    expect(s.run(['wget', '-O', 'redis.tar.gz', url], { cwd: '/tmp' })).toEqual({
      stdout: '',
      stderr: `--2026-11-28 17:01:00--  ${url}
Resolving download.redis.io (download.redis.io)... 198.51.100.20
Connecting to download.redis.io (download.redis.io)|198.51.100.20|:80... connected.
HTTP request sent, awaiting response... 404 Not Found
2026-11-28 17:01:00 ERROR 404: Not Found.

`,
      status: 8,
    });
    expect(s.read('/tmp/redis.tar.gz')).toBe('');
  });

  it('a host outside the store does not resolve: status 4', () => {
    expect(session().run(['wget', 'http://example.com/'], { cwd: '/tmp' })).toEqual({
      stdout: '',
      stderr: `--2026-11-28 17:01:00--  http://example.com/
Resolving example.com (example.com)... failed: Name or service not known.
wget: unable to resolve host address 'example.com'
`,
      status: 4,
    });
  });

  it('usage errors', () => {
    const tail = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";
    const s = session();
    expect(s.run(['wget'])).toEqual({
      stdout: '',
      stderr: `wget: missing URL\n${tail}`,
      status: 1,
    });
    expect(s.run(['wget', '--nope'])).toEqual({
      stdout: '',
      stderr: `wget: unrecognized option '--nope'\n${tail}`,
      status: 2,
    });
    expect(s.run(['wget', '-O'])).toEqual({
      stdout: '',
      stderr: `wget: option requires an argument -- 'O'\n${tail}`,
      status: 2,
    });
    expect(s.run(['wget', 'ftp2://x/y'])).toEqual({
      stdout: '',
      stderr: "ftp2://x/y: Unsupported scheme 'ftp2'.\n",
      status: 1,
    });
    expect(s.run(['wget', '-O', '/nonexist/x', GOSU])).toEqual({
      stdout: '',
      stderr: '/nonexist/x: No such file or directory\n',
      status: 1,
    });
  });
});

describe('artefact integrity', () => {
  const PIN = 'bbc4136d03ab138b1ad66fa4fc051bafc6cc7ffae632b069a53657279a450de3';

  it('sha256sum -c passes for the untouched download and fails once it is modified', () => {
    const s = session();
    s.run(['wget', '-q', '-O', '/usr/local/bin/gosu', GOSU]);
    const check = () => s.run(['sha256sum', '-c', '-'], { stdin: `${PIN} */usr/local/bin/gosu\n` });
    expect(check()).toEqual({ stdout: '/usr/local/bin/gosu: OK\n', stderr: '', status: 0 });
    s.run(['sh', '-c', 'echo tampered >> /usr/local/bin/gosu']);
    // coreutils 9.1's words for a mismatch (fixtures/sha256sum.json, "-c with a wrong digest").
    expect(check()).toEqual({
      stdout: '/usr/local/bin/gosu: FAILED\n',
      stderr: 'sha256sum: WARNING: 1 computed checksum did NOT match\n',
      status: 1,
    });
  });

  it('the downloaded binary runs as gosu 1.17 once executable', () => {
    const s = session();
    s.run(['wget', '-q', '-O', '/usr/local/bin/gosu', GOSU]);
    s.run(['chmod', '+x', '/usr/local/bin/gosu']);
    // A recorded `gosu --version` of the 1.17 release binary (public transcript found with the search tools).
    expect(s.run(['/usr/local/bin/gosu', '--version'])).toEqual({
      stdout: '1.17 (go1.18.2 on linux/amd64; gc)\n',
      stderr: '',
      status: 0,
    });
  });
});
