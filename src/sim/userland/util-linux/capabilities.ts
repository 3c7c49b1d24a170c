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

/**
 * Checks a setpriv capability list ("-all,+sys_resource"): each item is + or -
 * then "all" or a name. Returns setpriv's complaint, or undefined when valid.
 */
export function capabilityListError(list: string): string | undefined {
  for (const item of list.split(',')) {
    if (!/^[+-]/.test(item)) return 'bad capability string';
    const name = item.slice(1);
    if (name !== 'all' && !CAPABILITY_NAMES.includes(name.replace(/^cap_/, '')))
      return `unknown capability "${name}"`;
  }
  return undefined;
}
