import { Errno, type SysResult } from './errno.ts';

/**
 * A process's credentials, as credentials(7) describes them: real, effective
 * and saved-set user and group ids, supplementary groups, and the capability
 * sets that decide what the process may do.
 *
 * Capabilities are kept as the names the kernel uses (CAP_SETUID …). The rule
 * that ties them to uids is capabilities(7), "Effect of user ID changes on
 * capabilities": when a process with at least one zero uid ends up with all of
 * real, effective and saved uid non-zero, its permitted and effective sets are
 * cleared; when only the effective uid leaves 0, the effective set is cleared.
 */
export type Capability =
  | 'CAP_CHOWN'
  | 'CAP_DAC_OVERRIDE'
  | 'CAP_DAC_READ_SEARCH'
  | 'CAP_FOWNER'
  | 'CAP_KILL'
  | 'CAP_SETGID'
  | 'CAP_SETUID'
  | 'CAP_SYS_CHROOT';

export const ALL_CAPABILITIES: readonly Capability[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_DAC_READ_SEARCH',
  'CAP_FOWNER',
  'CAP_KILL',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SYS_CHROOT',
];

export class Credentials {
  ruid: number;
  euid: number;
  suid: number;
  rgid: number;
  egid: number;
  sgid: number;
  groups: number[];
  permitted: Set<Capability>;
  effective: Set<Capability>;

  constructor(uid: number, gid: number, groups: readonly number[] = []) {
    this.ruid = this.euid = this.suid = uid;
    this.rgid = this.egid = this.sgid = gid;
    this.groups = [...groups];
    const caps = uid === 0 ? ALL_CAPABILITIES : [];
    this.permitted = new Set(caps);
    this.effective = new Set(caps);
  }

  /** fork(2) copies the credentials. */
  clone(): Credentials {
    const copy = new Credentials(this.ruid, this.rgid, this.groups);
    copy.euid = this.euid;
    copy.suid = this.suid;
    copy.egid = this.egid;
    copy.sgid = this.sgid;
    copy.permitted = new Set(this.permitted);
    copy.effective = new Set(this.effective);
    return copy;
  }

  has(cap: Capability): boolean {
    return this.effective.has(cap);
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

  private applyUids(ruid: number, euid: number, suid: number): 0 {
    const hadRoot = this.ruid === 0 || this.euid === 0 || this.suid === 0;
    const wasEffectiveRoot = this.euid === 0;
    this.ruid = ruid;
    this.euid = euid;
    this.suid = suid;
    if (hadRoot && ruid !== 0 && euid !== 0 && suid !== 0) {
      this.permitted.clear();
      this.effective.clear();
    } else if (wasEffectiveRoot && euid !== 0) {
      this.effective.clear();
    } else if (!wasEffectiveRoot && euid === 0) {
      this.effective = new Set(this.permitted);
    }
    return 0;
  }
}
