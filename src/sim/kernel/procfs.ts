import type { CapSet } from './credentials.ts';
import type { Kernel } from './kernel.ts';
import type { PidNamespace } from './pid-namespace.ts';
import type { Process } from './process.ts';
import { dispositionOf } from './signal.ts';
import { Inode } from './vfs/inode.ts';

/**
 * procfs (proc(5)) for one PID namespace: a directory per visible process
 * with `stat`, `status`, `cmdline` and `comm`, plus `self` and `uptime`.
 * Files are generated when read, so they always show the present state;
 * ps reads these, as procps and BusyBox do.
 */
export function createProcfs(k: Kernel, ns: PidNamespace): Inode {
  const root = new Inode({ kind: 'dir', perm: 0o555, uid: 0, gid: 0, mtime: k.bootTime });
  const dirs = new WeakMap<Process, Inode>();
  const uptime = generated(k, () => {
    const seconds = (k.clock.now() - k.bootTime) / 1000;
    return `${seconds.toFixed(2)} ${(seconds * 1.9).toFixed(2)}\n`;
  });
  const sys = directory(k, {
    kernel: directory(k, { pid_max: generated(k, () => `${PID_MAX}\n`) }),
  });
  const self = new Inode({ kind: 'symlink', perm: 0o777, uid: 0, gid: 0, mtime: k.bootTime });
  self.dynamicTarget = (viewer) => {
    const pid = isProcess(viewer) ? viewer.pidIn(ns) : 0;
    return pid ? String(pid) : '';
  };
  let cached: { version: number; entries: Map<string, Inode> } | undefined;
  root.provider = () => {
    if (cached?.version === ns.version) return cached.entries;
    const entries = new Map<string, Inode>();
    for (const process of ns.processes()) {
      const pid = process.pidIn(ns);
      if (pid === 0 || ns.find(pid) !== process) continue;
      let dir = dirs.get(process);
      if (!dir) dirs.set(process, (dir = processDir(k, ns, process)));
      entries.set(String(pid), dir);
    }
    entries.set('self', self);
    entries.set('uptime', uptime);
    entries.set('sys', sys);
    cached = { version: ns.version, entries };
    return entries;
  };
  return root;
}

function isProcess(value: unknown): value is Process {
  return typeof value === 'object' && value !== null && 'pidns' in value && 'pids' in value;
}

/** /proc/sys/kernel/pid_max of the simulated kernel: the value on the recording machine (6.18), which makes procps print 7-digit PID columns as in the golden tables. */
export const PID_MAX = 4194304;

function directory(k: Kernel, entries: Record<string, Inode>): Inode {
  const dir = new Inode({ kind: 'dir', perm: 0o555, uid: 0, gid: 0, mtime: k.bootTime });
  for (const [name, inode] of Object.entries(entries)) dir.entries.set(name, inode);
  return dir;
}

function generated(k: Kernel, generate: () => string, uid = 0, gid = 0): Inode {
  const inode = new Inode({ kind: 'file', perm: 0o444, uid, gid, mtime: k.clock.now() });
  inode.generate = generate;
  return inode;
}

function processDir(k: Kernel, ns: PidNamespace, p: Process): Inode {
  const dir = new Inode({
    kind: 'dir',
    perm: 0o555,
    uid: p.creds.euid,
    gid: p.creds.egid,
    mtime: p.startTime,
  });
  dir.entries.set(
    'stat',
    generated(k, () => statLine(k, ns, p)),
  );
  dir.entries.set(
    'status',
    generated(k, () => statusText(ns, p)),
  );
  dir.entries.set(
    'cmdline',
    generated(k, () => (p.alive ? p.argv.map((a) => a + '\0').join('') : '')),
  );
  dir.entries.set(
    'comm',
    generated(k, () => p.comm + '\n'),
  );
  return dir;
}

const STATE_NAMES = {
  R: 'R (running)',
  S: 'S (sleeping)',
  T: 'T (stopped)',
  Z: 'Z (zombie)',
} as const;
/** Clock ticks per second (USER_HZ) and the page size on x86-64. */
const HZ = 100;
const PAGE_KB = 4;

function pidIn(k: Kernel, ns: PidNamespace, hostPid: number): number {
  return k.processes.get(hostPid)?.pidIn(ns) ?? 0;
}

/** /proc/PID/stat: 52 space-separated fields (proc(5)); the ones ps reads are filled in. */
function statLine(k: Kernel, ns: PidNamespace, p: Process): string {
  const ppid = p.parent ? p.parent.pidIn(ns) : 0;
  const tty = ttyNumber(p.ttyName);
  const tpgid = p.ttyName ? pidIn(k, ns, p.foregroundPgid() ?? 0) || -1 : -1;
  const startTicks = Math.round(((p.startTime - k.bootTime) / 1000) * HZ);
  const alive = p.alive;
  const fields = [
    p.pidIn(ns),
    `(${p.comm})`,
    p.state,
    ppid,
    pidIn(k, ns, p.pgid),
    pidIn(k, ns, p.sid),
    tty,
    tpgid,
    4194304,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    20,
    0,
    1 + p.threadPids.length,
    0,
    startTicks,
    alive ? p.image.vszKb * 1024 : 0,
    alive ? p.image.rssKb / PAGE_KB : 0,
    '18446744073709551615',
    ...Array<number>(27).fill(0),
  ];
  return fields.join(' ') + '\n';
}

/** pts/N is major 136, minor N; the encoding is new_encode_dev's. */
function ttyNumber(name: string | null): number {
  const match = name ? /^pts\/(\d+)$/.exec(name) : null;
  if (!match) return 0;
  const minor = Number(match[1]);
  return (minor & 0xff) | (136 << 8) | ((minor & ~0xff) << 12);
}

function statusText(ns: PidNamespace, p: Process): string {
  const c = p.creds;
  const ppid = p.parent ? p.parent.pidIn(ns) : 0;
  const nsPids = p.pids.slice(ns.level).join('\t');
  const lines: [string, string][] = [
    ['Name', p.comm],
    ['Umask', p.umask.toString(8).padStart(4, '0')],
    ['State', STATE_NAMES[p.state]],
    ['Tgid', String(p.pidIn(ns))],
    ['Ngid', '0'],
    ['Pid', String(p.pidIn(ns))],
    ['PPid', String(ppid)],
    ['TracerPid', '0'],
    ['Uid', [c.ruid, c.euid, c.suid, c.euid].join('\t')],
    ['Gid', [c.rgid, c.egid, c.sgid, c.egid].join('\t')],
    ['FDSize', '64'],
    ['Groups', c.groups.join(' ') + ' '],
    ['NStgid', nsPids],
    ['NSpid', nsPids],
    ['Threads', String(1 + p.threadPids.length)],
    ['SigPnd', '0000000000000000'],
    ['ShdPnd', mask([...p.pending])],
    ['SigBlk', mask([...p.blocked])],
    ['SigIgn', mask(signalsWith(p, (d) => d === 'ignore'))],
    ['SigCgt', mask(signalsWith(p, (d) => typeof d === 'function'))],
    ['CapInh', capMask(c.inheritable)],
    ['CapPrm', capMask(c.permitted)],
    ['CapEff', capMask(c.effective)],
    ['CapBnd', capMask(c.bounding)],
    ['CapAmb', capMask(c.ambient)],
    ['NoNewPrivs', c.noNewPrivs ? '1' : '0'],
  ];
  return lines.map(([key, value]) => `${key}:\t${value}\n`).join('');
}

function signalsWith(p: Process, test: (d: ReturnType<typeof dispositionOf>) => boolean): number[] {
  const sigs: number[] = [];
  for (let sig = 1; sig <= 64; sig++) if (test(dispositionOf(p, sig))) sigs.push(sig);
  return sigs;
}

function mask(sigs: readonly number[]): string {
  let bits = 0n;
  for (const sig of sigs) bits |= 1n << BigInt(sig - 1);
  return bits.toString(16).padStart(16, '0');
}

/** A capability set as proc(5) prints it: 16 hexadecimal digits (fs/proc/array.c render_cap_t). */
function capMask(set: CapSet): string {
  return set.toString(16).padStart(16, '0');
}
