import { CAP_LAST_CAP, CAPABILITIES, capBit, type CapSet } from '../credentials.ts';
import { Errno, type SysResult } from '../errno.ts';
import type { Kernel } from '../kernel.ts';
import { done, type Outcome } from '../outcome.ts';
import type { Process } from '../process.ts';
import { SIGRTMAX } from '../signals.ts';
import type { PrctlRequest } from '../syscall-api.ts';
import { mayAccess, MAY_EXEC } from '../vfs/permission.ts';
import type { HandlerTable } from './dispatch.ts';

type PrivilegeCalls = Pick<HandlerTable, 'prctl' | 'capget' | 'capset' | 'chroot'>;

/** Capability sets, the prctl(2) flags that go with them, and chroot(2). */
export const privilegeCalls: PrivilegeCalls = {
  prctl: (k, p, request) => done(prctl(p, request)),
  capget: (k, p) => done(p.creds.capabilities()),
  capset: (k, p, effective, permitted, inheritable) =>
    capsetDone(k, p, p.creds.capset(effective, permitted, inheritable)),

  /** chroot(2): CAP_SYS_CHROOT, a directory the caller may search; cwd stays as it is. */
  chroot(k, p, path) {
    const found = p.mnt.lookup(path, p.cwd, p.creds, p);
    if (found instanceof Errno) return done(found);
    if (found.inode.kind !== 'dir') return done(new Errno('ENOTDIR'));
    if (!mayAccess(p.creds, found.inode, MAY_EXEC)) return done(new Errno('EACCES'));
    if (!p.creds.has('CAP_SYS_CHROOT')) return done(new Errno('EPERM'));
    p.mnt = p.mnt.withRoot(found.inode);
    return done(0);
  },
};

function prctl(p: Process, request: PrctlRequest): SysResult<number> {
  const creds = p.creds;
  switch (request.op) {
    case 'PR_SET_NO_NEW_PRIVS':
      creds.noNewPrivs = true;
      return 0;
    case 'PR_GET_NO_NEW_PRIVS':
      return creds.noNewPrivs ? 1 : 0;
    case 'PR_SET_KEEPCAPS':
      creds.keepCaps = request.value === 1;
      return 0;
    case 'PR_GET_KEEPCAPS':
      return creds.keepCaps ? 1 : 0;
    case 'PR_CAPBSET_READ':
      return withCap(request.cap, (bit) => ((creds.bounding & bit) === 0n ? 0 : 1));
    case 'PR_CAPBSET_DROP':
      return withCap(request.cap, (bit) => creds.dropBounding(bit));
    case 'PR_CAP_AMBIENT_RAISE':
      return withCap(request.cap, (bit) => creds.raiseAmbient(bit));
    case 'PR_CAP_AMBIENT_LOWER':
      return withCap(request.cap, (bit) => {
        creds.ambient &= ~bit;
        return 0;
      });
    case 'PR_CAP_AMBIENT_IS_SET':
      return withCap(request.cap, (bit) => ((creds.ambient & bit) === 0n ? 0 : 1));
    case 'PR_CAP_AMBIENT_CLEAR_ALL':
      creds.ambient = 0n;
      return 0;
    case 'PR_SET_CHILD_SUBREAPER':
      p.childSubreaper = request.value === 1;
      return 0;
    case 'PR_GET_CHILD_SUBREAPER':
      return p.childSubreaper ? 1 : 0;
    case 'PR_SET_PDEATHSIG':
      if (request.sig < 0 || request.sig > SIGRTMAX) return new Errno('EINVAL');
      p.pdeathsig = request.sig;
      return 0;
    case 'PR_GET_PDEATHSIG':
      return p.pdeathsig;
  }
}

/** A capability number outside 0 … CAP_LAST_CAP is EINVAL, as the kernel's cap_valid(). */
function withCap(cap: number, act: (bit: CapSet) => SysResult<number>): SysResult<number> {
  const name = CAPABILITIES[cap];
  if (!Number.isInteger(cap) || cap < 0 || cap > CAP_LAST_CAP || name === undefined)
    return new Errno('EINVAL');
  return act(capBit(name));
}

/** A capset goes on the event stream as a credential change. */
function capsetDone(k: Kernel, p: Process, result: SysResult<0>): Outcome {
  if (!(result instanceof Errno)) {
    k.emit({
      type: 'credentials',
      t: k.clock.now(),
      process: p.ref(),
      call: 'capset',
      uid: p.creds.euid,
      gid: p.creds.egid,
      groups: [...p.creds.groups],
    });
  }
  return done(result);
}
