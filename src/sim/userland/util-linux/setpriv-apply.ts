import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from '../lib/io.ts';
import { initGroups, userById, type UserDb } from '../lib/user-db.ts';
import { applyChanges, CAPABILITY_NAMES, parseCapabilityList } from './capabilities.ts';
import type { SetprivOptions } from './setpriv-options.ts';

/** setpriv(1): privilege changes fail with status 127 (SETPRIV_EXIT_PRIVERR). */
const PRIVERR = 127;

/** A failure: setpriv's message (without "setpriv: ") and its exit status. */
export interface SetprivFailure {
  readonly message: string;
  readonly status: number;
}

const CAP_SETGID = 6;
const CAP_SETUID = 7;
const CAP_SETPCAP = 8;

const bit = (cap: number) => 1n << BigInt(cap);

/**
 * The privilege changes of setpriv's main() (util-linux 2.38.1
 * sys-utils/setpriv.c), in its order: no_new_privs, PR_SET_KEEPCAPS, raise
 * SETPCAP/SETUID/SETGID into the effective set (libcap-ng keeps a copy of
 * the capability sets taken before any change), setresuid and re-apply that
 * copy, setresgid, groups, the bounding set, the inheritable set, the ambient
 * set, the parent-death signal. Texts are setpriv's err()/errx() messages.
 */
export function* applyPrivileges(o: SetprivOptions, db: UserDb): Gen<SetprivFailure | undefined> {
  const failed = (message: string, result: Errno, status = PRIVERR) => ({
    message: `${message}: ${result.message}`,
    status,
  });
  if (o.nnp) {
    const nnp = yield* sys.prctl({ op: 'PR_SET_NO_NEW_PRIVS' });
    if (nnp instanceof Errno) return failed('disallow granting new privileges failed', nnp, 1);
  }
  const keep = yield* sys.prctl({ op: 'PR_SET_KEEPCAPS', value: 1 });
  if (keep instanceof Errno) return failed('keep process capabilities failed', keep, 1);
  // libcap-ng's copy of the sets, as read before anything changed.
  const start = yield* sys.capget();
  const caps = {
    effective: start.effective,
    permitted: start.permitted,
    inheritable: start.inheritable,
    bounding: start.bounding,
  };
  for (const cap of [CAP_SETPCAP, CAP_SETUID, CAP_SETGID])
    if (caps.permitted & bit(cap)) caps.effective |= bit(cap);
  const applyCaps = () => sys.capset(caps.effective, caps.permitted, caps.inheritable);
  const activated = yield* applyCaps();
  if (activated instanceof Errno) return failed('activate capabilities', activated);

  const me = yield* sys.self();
  if (o.ruid !== undefined || o.euid !== undefined) {
    const euid = o.euid ?? me.euid;
    // "Also copy effective to saved (for paranoia)."
    const result = yield* sys.setresuid(o.ruid ?? me.ruid, euid, euid);
    if (result instanceof Errno) return failed('setresuid failed', result);
    // KEEPCAPS does not keep the effective set.
    const again = yield* applyCaps();
    if (again instanceof Errno) return failed('reactivate capabilities', again);
  }
  if (o.rgid !== undefined || o.egid !== undefined) {
    const egid = o.egid ?? me.egid;
    const result = yield* sys.setresgid(o.rgid ?? me.rgid, egid, egid);
    if (result instanceof Errno) return failed('setresgid failed', result);
  }
  const groups = yield* setGroups(o, db);
  if (groups) return groups;

  if (o.bounding !== undefined) {
    const changes = parseCapabilityList(o.bounding);
    if (typeof changes === 'string') return { message: changes, status: 1 };
    caps.bounding = applyChanges(caps.bounding, changes);
    const dropped = yield* applyBoundingSet(caps.bounding);
    if (dropped instanceof Errno) return failed('apply bounding set', dropped);
  }
  if (o.inheritable !== undefined) {
    const changes = parseCapabilityList(o.inheritable);
    if (typeof changes === 'string') return { message: changes, status: 1 };
    caps.inheritable = applyChanges(caps.inheritable, changes);
    const applied = yield* applyCaps();
    if (applied instanceof Errno) return failed('apply capabilities', applied);
  }
  if (o.ambient !== undefined) {
    const changes = parseCapabilityList(o.ambient);
    if (typeof changes === 'string') return { message: changes, status: 1 };
    // Each item is one prctl(PR_CAP_AMBIENT_RAISE/LOWER); setpriv ignores their results.
    for (const change of changes)
      for (const cap of change.caps)
        yield* sys.prctl({
          op: change.add ? 'PR_CAP_AMBIENT_RAISE' : 'PR_CAP_AMBIENT_LOWER',
          cap,
        });
  }
  if (o.pdeathsig !== undefined && o.pdeathsig !== 'keep') {
    const sig = o.pdeathsig === 'clear' ? 0 : o.pdeathsig;
    const set = yield* sys.prctl({ op: 'PR_SET_PDEATHSIG', sig });
    if (set instanceof Errno) return failed('set parent death signal failed', set);
  }
  return undefined;
}

/**
 * libcap-ng's capng_apply(CAPNG_SELECT_BOUNDS): without CAP_SETPCAP in the
 * effective set it changes nothing and reports success (a non-root
 * `setpriv --bounding-set=-all` exits 0 with the set untouched, as on
 * Debian 12); with it, every capability left out is dropped.
 */
function* applyBoundingSet(wanted: bigint): Gen<Errno | 0> {
  const now = yield* sys.capget();
  if (!(now.effective & bit(CAP_SETPCAP))) return 0;
  for (let cap = 0; cap < CAPABILITY_NAMES.length; cap++) {
    if (wanted & bit(cap)) continue;
    const dropped = yield* sys.prctl({ op: 'PR_CAPBSET_DROP', cap });
    if (dropped instanceof Errno) return dropped;
  }
  return 0;
}

function* setGroups(o: SetprivOptions, db: UserDb): Gen<SetprivFailure | undefined> {
  const wanted = o.groups;
  if (wanted === undefined || wanted === 'keep') return undefined;
  let list: readonly number[] = wanted === 'clear' ? [] : (wanted as readonly number[]);
  let call = 'setgroups failed';
  if (wanted === 'init') {
    // parseSetpriv has made sure the --ruid user exists.
    const user = userById(db, o.ruid ?? -1);
    list = user ? initGroups(db, user.name, user.gid) : [];
    call = 'initgroups failed';
  }
  const result = yield* sys.setgroups(list);
  return result instanceof Errno
    ? { message: `${call}: ${result.message}`, status: PRIVERR }
    : undefined;
}
