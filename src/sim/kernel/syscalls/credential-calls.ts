import type { Kernel } from '../kernel.ts';
import { done, type Outcome } from '../outcome.ts';
import type { Process } from '../process.ts';
import type { HandlerTable } from './dispatch.ts';
import { Errno, type SysResult } from '../errno.ts';

type CredentialCalls = Pick<
  HandlerTable,
  'setuid' | 'setgid' | 'setgroups' | 'setresuid' | 'setresgid'
>;

/** Each call changes the credentials and reports the new identity on the event stream. */
function changed(k: Kernel, p: Process, call: string, result: SysResult<0>): Outcome {
  if (!(result instanceof Errno)) {
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
  setuid: (k, p, uid) => changed(k, p, 'setuid', p.creds.setuid(uid)),
  setgid: (k, p, gid) => changed(k, p, 'setgid', p.creds.setgid(gid)),
  setgroups: (k, p, groups) => changed(k, p, 'setgroups', p.creds.setgroups(groups)),
  setresuid: (k, p, r, e, s) => changed(k, p, 'setresuid', p.creds.setresuid(r, e, s)),
  setresgid: (k, p, r, e, s) => changed(k, p, 'setresgid', p.creds.setresgid(r, e, s)),
};
