import { Errno, type SysResult } from './errno.ts';

/**
 * A process's credentials, as credentials(7) and capabilities(7) describe
 * them: real, effective and saved-set user and group ids, supplementary
 * groups, and the five capability sets (permitted, effective, inheritable,
 * bounding, ambient) as 64-bit masks in the kernel's bit order, plus the two
 * per-task flags that travel with them here: no_new_privs (prctl(2)
 * PR_SET_NO_NEW_PRIVS) and keep-capabilities (PR_SET_KEEPCAPS).
 *
 * The rule that ties capabilities to uid changes is capabilities(7),
 * "Effect of user ID changes on capabilities" (security/commoncap.c
 * cap_emulate_setxuid); the execve(2) transformation is in exec.ts.
 */

/** Linux 6.x capabilities in bit order (include/uapi/linux/capability.h); CAP_LAST_CAP is 40. */
export const CAPABILITIES = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_LINUX_IMMUTABLE',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_BROADCAST',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_IPC_LOCK',
  'CAP_IPC_OWNER',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE',
  'CAP_SYS_PACCT',
  'CAP_SYS_ADMIN',
  'CAP_SYS_BOOT',
  'CAP_SYS_NICE',
  'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME',
  'CAP_SYS_TTY_CONFIG',
  'CAP_MKNOD',
  'CAP_LEASE',
  'CAP_AUDIT_WRITE',
  'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP',
  'CAP_MAC_OVERRIDE',
  'CAP_MAC_ADMIN',
  'CAP_SYSLOG',
  'CAP_WAKE_ALARM',
  'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ',
  'CAP_PERFMON',
  'CAP_BPF',
  'CAP_CHECKPOINT_RESTORE',
] as const;

export type Capability = (typeof CAPABILITIES)[number];
export const CAP_LAST_CAP = CAPABILITIES.length - 1;
/** A capability set: bit N is CAPABILITIES[N], as /proc/PID/status prints it in hexadecimal. */
export type CapSet = bigint;

export function capBit(cap: Capability): CapSet {
  return 1n << BigInt(CAPABILITIES.indexOf(cap));
}

export function capSet(caps: readonly Capability[]): CapSet {
  return caps.reduce((set, cap) => set | capBit(cap), 0n);
}

/** Every capability the kernel knows. */
export const ALL_CAPS: CapSet = (1n << BigInt(CAPABILITIES.length)) - 1n;

/**
 * The bounding set the simulated host boots with: the recording machine's,
 * every capability but CAP_SYS_RESOURCE (its /proc/self/status: CapBnd
 * 000001fffeffffff; shared/reference/facts.md §2 quotes the same mask after
 * gosu). A process's bounding set only ever shrinks from here.
 */
export const HOST_BOUNDING_SET: CapSet = ALL_CAPS & ~capBit('CAP_SYS_RESOURCE');

/** The five sets at once, as capget(2) and prctl(2) report them. */
export interface CapabilityState {
  readonly permitted: CapSet;
  readonly effective: CapSet;
  readonly inheritable: CapSet;
  readonly bounding: CapSet;
  readonly ambient: CapSet;
  readonly noNewPrivs: boolean;
  readonly keepCaps: boolean;
}

export class Credentials {
  ruid: number;
  euid: number;
  suid: number;
  rgid: number;
  egid: number;
  sgid: number;
  groups: number[];
  permitted: CapSet;
  effective: CapSet;
  inheritable: CapSet = 0n;
  bounding: CapSet;
  ambient: CapSet = 0n;
  /** prctl(PR_SET_NO_NEW_PRIVS): set-id bits give nothing on execve; inherited, never cleared. */
  noNewPrivs = false;
  /** prctl(PR_SET_KEEPCAPS): the permitted set survives leaving uid 0; cleared by execve. */
  keepCaps = false;

  /** A process made by the kernel itself: root holds every capability of the bounding set. */
  constructor(
    uid: number,
    gid: number,
    groups: readonly number[] = [],
    bounding: CapSet = HOST_BOUNDING_SET,
  ) {
    this.ruid = this.euid = this.suid = uid;
    this.rgid = this.egid = this.sgid = gid;
    this.groups = [...groups];
    this.bounding = bounding;
    this.permitted = this.effective = uid === 0 ? bounding : 0n;
  }

  /** fork(2) copies the credentials. */
  clone(): Credentials {
    const copy = new Credentials(this.ruid, this.rgid, this.groups, this.bounding);
    copy.euid = this.euid;
    copy.suid = this.suid;
    copy.egid = this.egid;
    copy.sgid = this.sgid;
    copy.permitted = this.permitted;
    copy.effective = this.effective;
    copy.inheritable = this.inheritable;
    copy.ambient = this.ambient;
    copy.noNewPrivs = this.noNewPrivs;
    copy.keepCaps = this.keepCaps;
    return copy;
  }

  has(cap: Capability): boolean {
    return (this.effective & capBit(cap)) !== 0n;
  }

  capabilities(): CapabilityState {
    return {
      permitted: this.permitted,
      effective: this.effective,
      inheritable: this.inheritable,
      bounding: this.bounding,
      ambient: this.ambient,
      noNewPrivs: this.noNewPrivs,
      keepCaps: this.keepCaps,
    };
  }

  /**
   * capset(2) (security/commoncap.c cap_capset): the new permitted set within
   * the old one, effective within the new permitted, inheritable within the
   * old inheritable and permitted (any of the bounding set with
   * CAP_SETPCAP); ambient capabilities no longer both permitted and
   * inheritable are dropped.
   */
  capset(effective: CapSet, permitted: CapSet, inheritable: CapSet): SysResult<0> {
    const within = (set: CapSet, limit: CapSet) => (set & ~limit) === 0n;
    if (!within(inheritable, this.inheritable | this.permitted) && !this.has('CAP_SETPCAP'))
      return new Errno('EPERM');
    if (!within(inheritable, this.inheritable | this.bounding)) return new Errno('EPERM');
    if (!within(permitted, this.permitted)) return new Errno('EPERM');
    if (!within(effective, permitted)) return new Errno('EPERM');
    this.effective = effective;
    this.permitted = permitted;
    this.inheritable = inheritable;
    this.ambient &= permitted & inheritable;
    return 0;
  }

  /** prctl(PR_CAPBSET_DROP): needs CAP_SETPCAP. */
  dropBounding(cap: CapSet): SysResult<0> {
    if (!this.has('CAP_SETPCAP')) return new Errno('EPERM');
    this.bounding &= ~cap;
    return 0;
  }

  /** prctl(PR_CAP_AMBIENT_RAISE): only a capability both permitted and inheritable. */
  raiseAmbient(cap: CapSet): SysResult<0> {
    if ((this.permitted & cap) === 0n || (this.inheritable & cap) === 0n) return new Errno('EPERM');
    this.ambient |= cap;
    return 0;
  }

  /** The group ids that count for permission checks: egid plus the supplementary list. */
  inGroup(gid: number): boolean {
    return this.egid === gid || this.groups.includes(gid);
  }

  /** setuid(2): privileged callers set all three ids, others only the effective one. */
  setuid(uid: number): SysResult<0> {
    if (this.has('CAP_SETUID')) return this.applyUids(uid, uid, uid);
    if (uid === this.ruid || uid === this.suid) return this.applyUids(this.ruid, uid, this.suid);
    return new Errno('EPERM');
  }

  /** setgid(2), the same rule with CAP_SETGID. */
  setgid(gid: number): SysResult<0> {
    if (this.has('CAP_SETGID')) {
      this.rgid = this.egid = this.sgid = gid;
      return 0;
    }
    if (gid === this.rgid || gid === this.sgid) {
      this.egid = gid;
      return 0;
    }
    return new Errno('EPERM');
  }

  /** setresuid(2); -1 leaves an id unchanged. */
  setresuid(ruid: number, euid: number, suid: number): SysResult<0> {
    const next = [
      ruid === -1 ? this.ruid : ruid,
      euid === -1 ? this.euid : euid,
      suid === -1 ? this.suid : suid,
    ] as const;
    const allowed = [this.ruid, this.euid, this.suid];
    if (!this.has('CAP_SETUID') && !next.every((id) => allowed.includes(id)))
      return new Errno('EPERM');
    return this.applyUids(...next);
  }

  /** setresgid(2); -1 leaves an id unchanged. */
  setresgid(rgid: number, egid: number, sgid: number): SysResult<0> {
    const next = [
      rgid === -1 ? this.rgid : rgid,
      egid === -1 ? this.egid : egid,
      sgid === -1 ? this.sgid : sgid,
    ];
    const allowed = [this.rgid, this.egid, this.sgid];
    if (!this.has('CAP_SETGID') && !next.every((id) => allowed.includes(id)))
      return new Errno('EPERM');
    [this.rgid, this.egid, this.sgid] = next as [number, number, number];
    return 0;
  }

  /** setgroups(2) needs CAP_SETGID. */
  setgroups(groups: readonly number[]): SysResult<0> {
    if (!this.has('CAP_SETGID')) return new Errno('EPERM');
    this.groups = [...groups];
    return 0;
  }

  /**
   * cap_emulate_setxuid: leaving uid 0 in all three ids clears permitted and
   * effective (permitted survives with keep-capabilities) and always the
   * ambient set; leaving effective uid 0 clears effective; coming back to it
   * restores effective from permitted.
   */
  private applyUids(ruid: number, euid: number, suid: number): 0 {
    const hadRoot = this.ruid === 0 || this.euid === 0 || this.suid === 0;
    const wasEffectiveRoot = this.euid === 0;
    this.ruid = ruid;
    this.euid = euid;
    this.suid = suid;
    if (hadRoot && ruid !== 0 && euid !== 0 && suid !== 0) {
      if (!this.keepCaps) this.permitted = this.effective = 0n;
      this.ambient = 0n;
    }
    if (wasEffectiveRoot && euid !== 0) this.effective = 0n;
    else if (!wasEffectiveRoot && euid === 0) this.effective = this.permitted;
    return 0;
  }
}
