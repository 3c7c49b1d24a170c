import { describe, expect, it } from 'vitest';
import {
  capSet,
  HOST_BOUNDING_SET,
  type CapabilityState,
} from '../../../src/sim/kernel/credentials.ts';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { testKernel } from './harness.ts';
import { runPlain } from '../../support/plain.ts';

/** Runs one program and returns what it recorded. */
function runAs<T>(
  body: (record: (value: T) => void) => sys.ProcessGen,
  options: { uid?: number; gid?: number; programs?: Parameters<typeof testKernel>[0] } = {},
): T[] {
  const t = testKernel(options.programs);
  const seen: T[] = [];
  t.start(() => body((v) => seen.push(v)), options);
  t.run();
  expect(t.kernel.crashes).toEqual([]);
  return seen;
}

const SETUID = capSet(['CAP_SETUID']);
const CHOWN = capSet(['CAP_CHOWN']);
const sets = (c: CapabilityState) => ({
  prm: c.permitted,
  eff: c.effective,
  inh: c.inheritable,
  bnd: c.bounding,
  amb: c.ambient,
});

describe('capabilities(7): effect of user ID changes', () => {
  it('root that leaves uid 0 in all three ids loses permitted, effective and ambient', () => {
    const [after] = runAs<CapabilityState>(function* (record) {
      yield* sys.setresuid(1000, 1000, 1000);
      record(yield* sys.capget());
      return 0;
    });
    expect(after && sets(after)).toEqual({
      prm: 0n,
      eff: 0n,
      inh: 0n,
      bnd: HOST_BOUNDING_SET,
      amb: 0n,
    });
  });

  it('with PR_SET_KEEPCAPS the permitted set stays; effective is cleared and can be raised again', () => {
    const seen = runAs<CapabilityState | Errno | number>(function* (record) {
      yield* sys.prctl({ op: 'PR_SET_KEEPCAPS', value: 1 });
      yield* sys.setresuid(1000, 1000, 1000);
      const kept = yield* sys.capget();
      record(kept);
      record(yield* sys.capset(kept.permitted, kept.permitted, 0n));
      record(yield* sys.setgroups([]));
      return 0;
    });
    const kept = seen[0] as CapabilityState;
    expect({ prm: kept.permitted, eff: kept.effective }).toEqual({
      prm: HOST_BOUNDING_SET,
      eff: 0n,
    });
    expect(seen.slice(1)).toEqual([0, 0]);
  });

  it('leaving only effective uid 0 clears effective; coming back restores it from permitted', () => {
    const seen = runAs<bigint>(function* (record) {
      yield* sys.setresuid(-1, 1000, -1);
      record((yield* sys.capget()).effective);
      yield* sys.setresuid(-1, 0, -1);
      record((yield* sys.capget()).effective);
      return 0;
    });
    expect(seen).toEqual([0n, HOST_BOUNDING_SET]);
  });
});

describe('capabilities(7): transformation during execve', () => {
  const show = {
    show: function* () {
      const self = yield* sys.self();
      const c = yield* sys.capget();
      shown.push({ euid: self.euid, suid: self.suid, ...sets(c), nnp: c.noNewPrivs });
      return 0;
    },
  };
  let shown: unknown[] = [];
  const exec = (path: string) =>
    function* () {
      yield* sys.execve(path, [path], []);
      return 127;
    };

  it('root gets the bounding set plus the inheritable set, all effective; ambient stays', () => {
    shown = [];
    runAs<never>(
      function* () {
        yield* sys.capset(HOST_BOUNDING_SET, HOST_BOUNDING_SET, CHOWN);
        yield* sys.prctl({ op: 'PR_CAP_AMBIENT_RAISE', cap: 0 });
        yield* sys.prctl({ op: 'PR_CAPBSET_DROP', cap: 7 });
        return yield* exec('/bin/show')();
      },
      { programs: show },
    );
    const bnd = HOST_BOUNDING_SET & ~SETUID;
    expect(shown).toEqual([
      { euid: 0, suid: 0, prm: bnd, eff: bnd, inh: CHOWN, bnd, amb: CHOWN, nnp: false },
    ]);
  });

  it('a non-root process keeps only its ambient set, as permitted and effective', () => {
    shown = [];
    runAs<never>(
      function* () {
        yield* sys.capset(HOST_BOUNDING_SET, HOST_BOUNDING_SET, CHOWN);
        yield* sys.prctl({ op: 'PR_CAP_AMBIENT_RAISE', cap: 0 });
        yield* sys.prctl({ op: 'PR_SET_KEEPCAPS', value: 1 });
        yield* sys.setresuid(1000, 1000, 1000);
        return yield* exec('/bin/show')();
      },
      { programs: show },
    );
    expect(shown).toEqual([
      {
        euid: 1000,
        suid: 1000,
        prm: 0n,
        eff: 0n,
        inh: CHOWN,
        bnd: HOST_BOUNDING_SET,
        amb: 0n,
        nnp: false,
      },
    ]);
  });

  it('a set-user-ID-root program makes a user root with full capabilities; not under no_new_privs', () => {
    shown = [];
    const t = testKernel(show);
    t.tree.program('/bin/show-suid', 'show', { perm: 0o4755 });
    t.start(exec('/bin/show-suid'), { uid: 1000, gid: 1000 });
    t.start(
      function* () {
        yield* sys.prctl({ op: 'PR_SET_NO_NEW_PRIVS' });
        return yield* exec('/bin/show-suid')();
      },
      { uid: 1000, gid: 1000 },
    );
    t.run();
    expect(shown).toEqual([
      {
        euid: 0,
        suid: 0,
        prm: HOST_BOUNDING_SET,
        eff: HOST_BOUNDING_SET,
        inh: 0n,
        bnd: HOST_BOUNDING_SET,
        amb: 0n,
        nnp: false,
      },
      {
        euid: 1000,
        suid: 1000,
        prm: 0n,
        eff: 0n,
        inh: 0n,
        bnd: HOST_BOUNDING_SET,
        amb: 0n,
        nnp: true,
      },
    ]);
  });
});

describe('capset(2) and prctl(2)', () => {
  it('refuse what the kernel refuses', () => {
    const seen = runAs<unknown>(
      function* (record) {
        const fail = (r: unknown) => (r instanceof Errno ? r.code : r);
        record(fail(yield* sys.capset(CHOWN, 0n, 0n))); // effective outside permitted
        record(fail(yield* sys.capset(0n, 0n, CHOWN))); // inheritable beyond inheritable | permitted
        record(fail(yield* sys.prctl({ op: 'PR_CAPBSET_DROP', cap: 0 })));
        record(fail(yield* sys.prctl({ op: 'PR_CAP_AMBIENT_RAISE', cap: 0 })));
        record(fail(yield* sys.prctl({ op: 'PR_CAPBSET_READ', cap: 41 })));
        record(fail(yield* sys.prctl({ op: 'PR_SET_PDEATHSIG', sig: 65 })));
        return 0;
      },
      { uid: 1000, gid: 1000 },
    );
    expect(seen).toEqual(['EPERM', 'EPERM', 'EPERM', 'EPERM', 'EINVAL', 'EINVAL']);
  });

  it('no_new_privs cannot be unset and is inherited by children', () => {
    const seen = runAs<unknown>(function* (record) {
      yield* sys.prctl({ op: 'PR_SET_NO_NEW_PRIVS' });
      yield* sys.fork(function* () {
        record(yield* sys.prctl({ op: 'PR_GET_NO_NEW_PRIVS' }));
        return 0;
      });
      yield* sys.waitpid(-1);
      return 0;
    });
    expect(seen).toEqual([1]);
  });
});

describe('/proc/PID/status capability lines (format of fs/proc/array.c)', () => {
  it('the learner on the host holds nothing; the bounding set is the recording machine’s', () => {
    // Real machine (Debian 12, kernel 6.18 without sys_resource in the bounding set), a user shell:
    // CapInh 0, CapPrm 0, CapEff 0, CapBnd 000001fffeffffff, CapAmb 0, NoNewPrivs 0.
    expect(runPlain('grep -E "^(Cap|NoNew)" /proc/self/status').stdout).toBe(
      'CapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\n' +
        'CapBnd:\t000001fffeffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\n',
    );
  });
});

describe('capabilities in a container (moby oci/caps/defaults.go, oci/oci.go SetCapabilities)', () => {
  // Docker's 14 default capabilities: chown, dac_override, fowner, fsetid, kill, setgid, setuid,
  // setpcap, net_bind_service, net_raw, sys_chroot, mknod, audit_write, setfcap = 0xa80425fb.
  const caps = (prm: string, bnd = '00000000a80425fb') =>
    `CapInh:\t0000000000000000\nCapPrm:\t${prm}\nCapEff:\t${prm}\nCapBnd:\t${bnd}\nCapAmb:\t0000000000000000\n`;

  it('root holds the defaults; another user holds nothing under the same bounding set', () => {
    const run = runPlain(
      [
        'docker run --rm lab grep ^Cap /proc/self/status',
        'docker run --rm -u 999 lab grep ^Cap /proc/self/status',
        'docker run -d --name cc lab sleep 100 >/dev/null',
        'docker exec cc grep ^Cap /proc/self/status',
        'docker exec -u redis cc grep ^Cap /proc/self/status',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      caps('00000000a80425fb') +
        caps('0000000000000000') +
        caps('00000000a80425fb') +
        caps('0000000000000000'),
    );
  });

  it('without CAP_SYS_ADMIN in the bounding set, gosu still switches (it needs only SETUID/SETGID)', () => {
    expect(runPlain('docker run --rm lab gosu redis id').stdout).toBe(
      'uid=999(redis) gid=999(redis) groups=999(redis)\n',
    );
  });
});
