import type { Kernel } from '../kernel.ts';
import { done, type Outcome } from '../outcome.ts';
import type { Process } from '../process.ts';
import type { HandlerTable } from './dispatch.ts';
import { Errno, type SysResult } from '../errno.ts';

type CredentialCalls = Pick<
  HandlerTable,
  'setuid' | 'setgid' | 'setgroups' | 'setresuid' | 'setresgid'
>;

/**
 * Each call changes the credentials and reports the new identity on the
 * event stream. A change of effective id clears the parent-death signal
 * (prctl(2) PR_SET_PDEATHSIG; kernel/cred.c commit_creds).
 */
function changed(k: Kernel, p: Process, call: string, change: () => SysResult<0>): Outcome {
  const before = [p.creds.euid, p.creds.egid];
  const result = change();
  if (!(result instanceof Errno)) {
    if (before[0] !== p.creds.euid || before[1] !== p.creds.egid) p.pdeathsig = 0;
    if (p.chargedUid !== p.creds.ruid) k.charge(p, p.creds.ruid);
    k.emit({
      type: 'credentials',
      t: k.clock.now(),
      process: p.ref(),
      call,
      uid: p.creds.euid,
      gid: p.creds.egid,
      groups: [...p.creds.groups],
    });
  }
  return done(result);
}

export const credentialCalls: CredentialCalls = {
  setuid: (k, p, uid) => changed(k, p, 'setuid', () => p.creds.setuid(uid)),
  setgid: (k, p, gid) => changed(k, p, 'setgid', () => p.creds.setgid(gid)),
  setgroups: (k, p, groups) => changed(k, p, 'setgroups', () => p.creds.setgroups(groups)),
  setresuid: (k, p, r, e, s) => changed(k, p, 'setresuid', () => p.creds.setresuid(r, e, s)),
  setresgid: (k, p, r, e, s) => changed(k, p, 'setresgid', () => p.creds.setresgid(r, e, s)),
};
