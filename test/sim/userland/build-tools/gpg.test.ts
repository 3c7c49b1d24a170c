import { describe, expect, it } from 'vitest';
import { LabSession } from '../support/lab-session.ts';

/**
 * gpg 2.2.40 and gpgconf as the redis 7.2 Dockerfile runs them (lines 50-53 of
 * ../shared/reference/redis/redis-7.2-debian_Dockerfile_e920499.txt). The
 * expected lines for gosu's key are those of a public transcript of exactly
 * these commands on Debian (found with the search tools: "gpg: keybox
 * '/tmp/tmp.…/pubring.kbx' created", "gpg: …/trustdb.gpg: trustdb created",
 * "gpg: key 036A9C25BF357DD4: public key "Tianon Gravi <tianon@tianon.xyz>"
 * imported", the Total lines; "Signature made Thu Nov  2 21:37:18 2023 UTC",
 * "using RSA key B42F…", Good signature with four aka lines, the WARNING pair
 * and "Primary key fingerprint: B42F 6819 007F 00F8 8E36  4FD4 036A 9C25 BF35
 * 7DD4"). The BAD, No public key, missing-file and unknown-keyserver lines
 * and statuses were recorded on Debian 12 (gpg 2.2.40) with a locally
 * generated key: `gpg --batch --verify f.asc f` after `echo x >> f` prints
 * "gpg: BAD signature from "Test Key <t@example.org>" [unknown]", status 1.
 */
const GOSU = 'https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64';
const KEY = 'B42F6819007F00F88E364FD4036A9C25BF357DD4';
const HOME = ['GNUPGHOME=/tmp/tmp.gpg', 'PATH=/usr/local/bin:/usr/bin:/bin'];

function prepared(): LabSession {
  const s = new LabSession();
  s.run(['wget', '-q', '-O', '/usr/local/bin/gosu.asc', `${GOSU}.asc`]);
  s.run(['wget', '-q', '-O', '/usr/local/bin/gosu', GOSU]);
  s.run(['mkdir', '-m', '700', '/tmp/tmp.gpg']);
  return s;
}

const recv = ['gpg', '--batch', '--keyserver', 'hkps://keys.openpgp.org', '--recv-keys', KEY];
const verify = ['gpg', '--batch', '--verify', '/usr/local/bin/gosu.asc', '/usr/local/bin/gosu'];
const MADE = `gpg: Signature made Thu Nov  2 21:37:18 2023 UTC
gpg:                using RSA key ${KEY}
`;

describe('gpg', () => {
  it('receives gosu key into a fresh GNUPGHOME, then verifies the untouched download', () => {
    const s = prepared();
    expect(s.run(recv, { env: HOME })).toEqual({
      stdout: '',
      stderr: `gpg: keybox '/tmp/tmp.gpg/pubring.kbx' created
gpg: /tmp/tmp.gpg/trustdb.gpg: trustdb created
gpg: key 036A9C25BF357DD4: public key "Tianon Gravi <tianon@tianon.xyz>" imported
gpg: Total number processed: 1
gpg:               imported: 1
`,
      status: 0,
    });
    expect(s.run(verify, { env: HOME })).toEqual({
      stdout: '',
      stderr: `${MADE}gpg: Good signature from "Tianon Gravi <tianon@tianon.xyz>" [unknown]
gpg:                 aka "Andrew Page (Tianon Gravi) <admwiggin@gmail.com>" [unknown]
gpg:                 aka "Tianon Gravi (Andrew Page) <tianon@infosiftr.com>" [unknown]
gpg:                 aka "Tianon Gravi <tianon@debian.org>" [unknown]
gpg:                 aka "Tianon Gravi <tianon@dockerproject.org>" [unknown]
gpg: WARNING: This key is not certified with a trusted signature!
gpg:          There is no indication that the signature belongs to the owner.
Primary key fingerprint: B42F 6819 007F 00F8 8E36  4FD4 036A 9C25 BF35 7DD4
`,
      status: 0,
    });
    expect(s.run(['gpgconf', '--kill', 'all'], { env: HOME })).toEqual({
      stdout: '',
      stderr: '',
      status: 0,
    });
  });

  it('a tampered binary: BAD signature, status 1', () => {
    const s = prepared();
    s.run(recv, { env: HOME });
    s.run(['sh', '-c', 'echo x >> /usr/local/bin/gosu']);
    expect(s.run(verify, { env: HOME })).toEqual({
      stdout: '',
      stderr: `${MADE}gpg: BAD signature from "Tianon Gravi <tianon@tianon.xyz>" [unknown]\n`,
      status: 1,
    });
  });

  it('receiving the key twice leaves it unchanged', () => {
    const s = prepared();
    s.run(recv, { env: HOME });
    expect(s.run(recv, { env: HOME })).toEqual({
      stdout: '',
      stderr: `gpg: key 036A9C25BF357DD4: "Tianon Gravi <tianon@tianon.xyz>" not changed
gpg: Total number processed: 1
gpg:              unchanged: 1
`,
      status: 0,
    });
  });

  it('without the key: No public key, status 2', () => {
    const s = prepared();
    expect(s.run(verify, { env: HOME })).toEqual({
      stdout: '',
      stderr: `gpg: keybox '/tmp/tmp.gpg/pubring.kbx' created\n${MADE}gpg: Can't check signature: No public key\n`,
      status: 2,
    });
  });

  it('keyserver and key errors', () => {
    const s = prepared();
    const other = [
      'gpg',
      '--batch',
      '--keyserver',
      'hkps://nosuchhost.invalid',
      '--recv-keys',
      KEY,
    ];
    expect(s.run(other, { env: HOME })).toEqual({
      stdout: '',
      stderr:
        "gpg: keybox '/tmp/tmp.gpg/pubring.kbx' created\ngpg: keyserver receive failed: No name\n",
      status: 2,
    });
    expect(s.run(['gpg', '--batch', '--recv-keys', 'DEADBEEFDEADBEEF'], { env: HOME })).toEqual({
      stdout: '',
      stderr: 'gpg: keyserver receive failed: No data\n',
      status: 2,
    });
  });

  it('missing files, a GNUPGHOME that does not exist, bad options', () => {
    const s = prepared();
    expect(s.run(['gpg', '--batch', '--verify', 'nope.asc', 'f'], { env: HOME })).toEqual({
      stdout: '',
      stderr:
        "gpg: can't open 'nope.asc': No such file or directory\ngpg: verify signatures failed: No such file or directory\n",
      status: 2,
    });
    expect(
      s.run(['gpg', '--batch', '--verify', '/usr/local/bin/gosu.asc', 'nope'], { env: HOME }),
    ).toEqual({
      stdout: '',
      stderr: `gpg: keybox '/tmp/tmp.gpg/pubring.kbx' created
gpg: can't open signed data 'nope'
gpg: can't hash datafile: No such file or directory
`,
      status: 2,
    });
    expect(s.run(verify, { env: ['GNUPGHOME=/tmp/nonexist'] })).toEqual({
      stdout: '',
      stderr: `gpg: keyblock resource '/tmp/nonexist/pubring.kbx': No such file or directory\n${MADE}gpg: Can't check signature: No public key\n`,
      status: 2,
    });
    // Recorded on Debian 12 (gpg 2.2.40): `env -i HOME=/tmp/gh3 gpg --batch --recv-keys ZZZ 1234`
    // in a fresh HOME; `env -i gpg --keyserver`.
    expect(s.run(['gpg', '--batch', '--recv-keys', 'ZZZ', '1234'], { env: ['HOME=/tmp'] })).toEqual(
      {
        stdout: '',
        stderr: `gpg: directory '/tmp/.gnupg' created
gpg: keybox '/tmp/.gnupg/pubring.kbx' created
gpg: "ZZZ" not a key ID: skipping
gpg: "1234" not a key ID: skipping
`,
        status: 2,
      },
    );
    expect(s.run(['gpg', '--keyserver'])).toEqual({
      stdout: '',
      stderr: 'missing argument for option "--keyserver"\n',
      status: 2,
    });
    // Without HOME, "~" is root's passwd home (`env -i gpg --version` prints "Home: /root/.gnupg").
    expect(s.run(['gpg', '--batch', '--recv-keys', 'ZZZ'], { env: [] })).toEqual({
      stdout: '',
      stderr: `gpg: directory '/root/.gnupg' created
gpg: keybox '/root/.gnupg/pubring.kbx' created
gpg: "ZZZ" not a key ID: skipping
`,
      status: 2,
    });
    // Real options the simulator lacks say so (Stepdown's convention, LIMITATIONS.md), unless an
    // invalid one follows: gpg reads them all first (`env -i gpg --list-keys --nope`: invalid, 2).
    expect(s.run(['gpg', '--list-keys'])).toEqual({
      stdout: '',
      stderr: 'gpg: --list-keys: not implemented in this simulator\n',
      status: 2,
    });
    expect(s.run(['gpg', '--list-keys', '--nope'])).toEqual({
      stdout: '',
      stderr: 'invalid option "--nope"\n',
      status: 2,
    });
    expect(s.run(['gpg', '--batch', '--nope'])).toEqual({
      stdout: '',
      stderr: 'invalid option "--nope"\n',
      status: 2,
    });
    expect(s.run(['gpgconf', '--kill', 'nope'])).toEqual({
      stdout: '',
      stderr: 'Component not found\n',
      status: 1,
    });
  });
});
