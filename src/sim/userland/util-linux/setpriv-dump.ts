import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { readFile, type Gen } from '../lib/io.ts';
import { capabilityList } from './capabilities.ts';
import { signalName } from '../../kernel/signals.ts';

/**
 * `setpriv -d` (util-linux 2.38.1 dump()): ids, groups, no_new_privs and
 * capability sets. The kernel's state is read from /proc/self/status, the
 * same fields setpriv gets from getresuid(2), prctl(2) and capget(2); -dd
 * adds the effective and permitted sets, -ddd the saved ids. Format recorded
 * from the real tool on Debian 12.
 */
export function* setprivDump(level: number): Gen<string> {
  const me = yield* sys.self();
  const status = yield* readFile('/proc/self/status');
  const field = (name: string) =>
    status instanceof Errno ? '' : (new RegExp(`^${name}:\\s*(\\S*)`, 'm').exec(status)?.[1] ?? '');
  const lines = [`uid: ${me.ruid}`, `euid: ${me.euid}`];
  if (level >= 3) lines.push(`suid: ${me.suid}`);
  lines.push(`gid: ${me.rgid}`, `egid: ${me.egid}`);
  if (level >= 3) lines.push(`sgid: ${me.sgid}`);
  lines.push(`Supplementary groups: ${me.groups.length ? me.groups.join(',') : '[none]'}`);
  lines.push(`no_new_privs: ${field('NoNewPrivs') || '0'}`);
  if (level >= 2) {
    lines.push(`Effective capabilities: ${capabilityList(field('CapEff'))}`);
    lines.push(`Permitted capabilities: ${capabilityList(field('CapPrm'))}`);
  }
  lines.push(`Inheritable capabilities: ${capabilityList(field('CapInh'))}`);
  lines.push(`Ambient capabilities: ${capabilityList(field('CapAmb'))}`);
  lines.push(`Capability bounding set: ${capabilityList(field('CapBnd'))}`);
  lines.push('Securebits: [none]', `Parent death signal: ${yield* pdeathsigName()}`);
  return lines.join('\n') + '\n';
}

/** dump_pdeathsig: the signal's name without "SIG" (a number for real-time ones), or "[none]". */
function* pdeathsigName(): Gen<string> {
  const sig = yield* sys.prctl({ op: 'PR_GET_PDEATHSIG' });
  if (sig instanceof Errno || sig === 0) return '[none]';
  return sig < 32 ? signalName(sig).replace(/^SIG/, '') : String(sig);
}
