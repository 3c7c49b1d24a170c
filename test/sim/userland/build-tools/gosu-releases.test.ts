import { describe, expect, it } from 'vitest';
import { LabSession } from '../support/lab-session.ts';

/**
 * The gosu release binaries the redis Dockerfiles download, as the 5.0
 * Dockerfile's lines 25-33 run them (../shared/reference/redis/
 * redis-5.0_Dockerfile_6845f6d.txt). gosu 1.10's texts as published
 * transcripts of the release binary show them ("gosu version: 1.10 (go1.7.1
 * on linux/amd64; gc)", "     license: GPL-3 (full text at
 * https://github.com/tianon/gosu)", "   ie: gosu tianon bash"); the 1.10
 * signature's date is modelled (src/sim/LIMITATIONS.md).
 */
const BASE = 'https://github.com/tianon/gosu/releases/download/1.10/gosu-amd64';

describe('gosu 1.10 as the redis 5.0 Dockerfile fetches it', () => {
  it('downloads, verifies against the SKS pool key, and steps down', () => {
    const s = new LabSession();
    const script = `set -e
wget -q -O /usr/local/bin/gosu "${BASE}"
wget -q -O /usr/local/bin/gosu.asc "${BASE}.asc"
export GNUPGHOME="$(mktemp -d)"
gpg --batch --keyserver ha.pool.sks-keyservers.net --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4 2>/dev/null
gpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu 2>&1 | head -n 3
gpgconf --kill all
rm -r "$GNUPGHOME" /usr/local/bin/gosu.asc
chmod +x /usr/local/bin/gosu
gosu nobody true
gosu --version
`;
    expect(s.run(['sh', '-c', script], { cwd: '/' })).toEqual({
      stdout: `gpg: Signature made Tue Sep 27 00:00:00 2016 UTC
gpg:                using RSA key B42F6819007F00F88E364FD4036A9C25BF357DD4
gpg: Good signature from "Tianon Gravi <tianon@tianon.xyz>" [unknown]
1.10 (go1.7.1 on linux/amd64; gc)
`,
      stderr: '',
      status: 0,
    });
    // The published SHA-256 of 1.10's gosu-amd64 (a public install script pins it).
    expect(s.run(['sha256sum', '/usr/local/bin/gosu'])).toEqual({
      stdout:
        '5b3b03713a888cee84ecbf4582b21ac9fd46c3d935ff2d7ea25dd5055d302d3c  /usr/local/bin/gosu\n',
      stderr: '',
      status: 0,
    });
    expect(s.run(['/usr/local/bin/gosu'])).toEqual({
      stdout: '',
      stderr: `Usage: gosu user-spec command [args]
   ie: gosu tianon bash
       gosu nobody:root bash -c 'whoami && id'
       gosu 1000:1 id

gosu version: 1.10 (go1.7.1 on linux/amd64; gc)
     license: GPL-3 (full text at https://github.com/tianon/gosu)

`,
      status: 1,
    });
  });
});
