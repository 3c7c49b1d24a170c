import { CAPABILITIES, capSet, type Capability } from '../../kernel/credentials.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from '../lib/io.ts';

/**
 * The capabilities of a container's processes, as in its OCI spec: a list
 * (Docker's defaults unless --cap-add/--cap-drop change them), or 'host' for
 * a runtime that leaves the caller's sets alone, as the golden recorder's
 * namespaces do (golden README: "no capability drop").
 */
export type ContainerCapabilities = readonly Capability[] | 'host';

/** moby oci/caps/defaults.go DefaultCapabilities(): the 14 a container gets by default. */
export const DOCKER_DEFAULT_CAPABILITIES: readonly Capability[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FSETID',
  'CAP_FOWNER',
  'CAP_MKNOD',
  'CAP_NET_RAW',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETFCAP',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_SYS_CHROOT',
  'CAP_KILL',
  'CAP_AUDIT_WRITE',
];

/**
 * runc's finalizeNamespace, first half: drop what the spec leaves out of the
 * bounding set, then keep the capabilities while the user changes
 * (PR_SET_KEEPCAPS).
 */
export function* beforeUserSwitch(caps: ContainerCapabilities): Gen<void> {
  if (caps === 'host') return;
  const keep = capSet(caps);
  for (let cap = 0; cap < CAPABILITIES.length; cap++)
    if ((keep & (1n << BigInt(cap))) === 0n) yield* sys.prctl({ op: 'PR_CAPBSET_DROP', cap });
  yield* sys.prctl({ op: 'PR_SET_KEEPCAPS', value: 1 });
}

/**
 * runc's finalizeNamespace, second half: clear keep-capabilities and apply
 * the spec's effective, permitted and inheritable sets (capset) and its
 * ambient set. moby sets effective and permitted only for uid 0 ("to match
 * what execve does", oci/oci.go SetCapabilities) and no inheritable or
 * ambient set.
 */
export function* afterUserSwitch(caps: ContainerCapabilities, uid: number): Gen<void> {
  if (caps === 'host') return;
  yield* sys.prctl({ op: 'PR_SET_KEEPCAPS', value: 0 });
  const held = uid === 0 ? capSet(caps) : 0n;
  yield* sys.capset(held, held, 0n);
  yield* sys.prctl({ op: 'PR_CAP_AMBIENT_CLEAR_ALL' });
}
