/**
 * Capability names as libcap-ng prints them (capng_capability_to_name), in
 * bit order: bit N of a /proc/PID/status Cap* mask is NAMES[N]. Linux 6.x
 * knows 41 (0 … 40, CAP_LAST_CAP = checkpoint_restore).
 */
export const CAPABILITY_NAMES = [
  'chown',
  'dac_override',
  'dac_read_search',
  'fowner',
  'fsetid',
  'kill',
  'setgid',
  'setuid',
  'setpcap',
  'linux_immutable',
  'net_bind_service',
  'net_broadcast',
  'net_admin',
  'net_raw',
  'ipc_lock',
  'ipc_owner',
  'sys_module',
  'sys_rawio',
  'sys_chroot',
  'sys_ptrace',
  'sys_pacct',
  'sys_admin',
  'sys_boot',
  'sys_nice',
  'sys_resource',
  'sys_time',
  'sys_tty_config',
  'mknod',
  'lease',
  'audit_write',
  'audit_control',
  'setfcap',
  'mac_override',
  'mac_admin',
  'syslog',
  'wake_alarm',
  'block_suspend',
  'audit_read',
  'perfmon',
  'bpf',
  'checkpoint_restore',
];

/** The names of the bits set in a hexadecimal Cap* mask, comma-separated, or "[none]" (setpriv -d). */
export function capabilityList(hexMask: string): string {
  const bits = BigInt(`0x${hexMask || '0'}`);
  const names = CAPABILITY_NAMES.filter((_, bit) => (bits >> BigInt(bit)) & 1n);
  return names.length === 0 ? '[none]' : names.join(',');
}

/** One item of a setpriv capability list: add or drop these capability numbers. */
export interface CapabilityChange {
  readonly add: boolean;
  readonly caps: readonly number[];
}

/**
 * setpriv's do_caps: a comma-separated list of items, each + or - then
 * "all", a name as libcap-ng knows it (any case, no "cap_" prefix) or
 * "cap_N". Returns setpriv's complaint (exit status 1) for a bad item.
 */
export function parseCapabilityList(list: string): CapabilityChange[] | string {
  const changes: CapabilityChange[] = [];
  for (const item of list.split(',')) {
    const sign = item[0];
    if (sign !== '+' && sign !== '-') return 'bad capability string';
    const name = item.slice(1);
    const add = sign === '+';
    if (name === 'all') {
      changes.push({ add, caps: CAPABILITY_NAMES.map((_, bit) => bit) });
      continue;
    }
    const bit = CAPABILITY_NAMES.indexOf(name.toLowerCase());
    const numbered = /^cap_\+?(\d+)/.exec(name);
    if (bit >= 0) changes.push({ add, caps: [bit] });
    else if (numbered && Number(numbered[1]) < CAPABILITY_NAMES.length)
      changes.push({ add, caps: [Number(numbered[1])] });
    else return `unknown capability "${name}"`;
  }
  return changes;
}

/** A capability set after a list of changes, as libcap-ng updates its copy of one. */
export function applyChanges(set: bigint, changes: readonly CapabilityChange[]): bigint {
  let result = set;
  for (const change of changes)
    for (const cap of change.caps) {
      const bit = 1n << BigInt(cap);
      result = change.add ? result | bit : result & ~bit;
    }
  return result;
}
