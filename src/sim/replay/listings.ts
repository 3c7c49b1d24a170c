import { programAtHand } from '../kernel/exec.ts';
import type { Host } from '../host/host.ts';
import { Credentials } from '../kernel/credentials.ts';
import { NullFile, SinkFile } from '../kernel/files.ts';
import { PidNamespace } from '../kernel/pid-namespace.ts';
import { runIdle } from './virtual-time.ts';
import type { MountNamespace } from '../kernel/vfs/mount-namespace.ts';

/**
 * The recorder's file listings (`ls -ln /data` …), run as root in the
 * container's file system but outside its processes: in a PID namespace of
 * their own, so they work before the container starts and after it ended.
 * Each command is split on spaces, as the recording's commands are written;
 * a word that is a placeholder (`<host-dir>`) stands for the path given for it,
 * and the result keeps the command as written.
 */
export function runListings(
  host: Host,
  mnt: MountNamespace,
  commands: readonly string[],
  placeholders: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const results: Record<string, string> = {};
  for (const command of commands) {
    let out = '';
    const argv = command
      .split(' ')
      .filter(Boolean)
      .map((word) => placeholders[word] ?? word);
    const program = programAtHand(host.kernel.loader, 'bash-5.2/bash');
    if (!program) continue;
    const init = host.kernel.processes.get(1);
    host.kernel.spawn({
      parent: init ?? null,
      pidns: new PidNamespace(host.kernel.rootNs),
      creds: new Credentials(0, 0),
      mnt,
      cwd: '/',
      hostname: 'listing',
      stdio: [new NullFile(), new SinkFile((d) => (out += d)), new SinkFile((d) => (out += d))],
      main: () =>
        program.main({
          argv: ['bash', '-c', argv.join(' ')],
          envp: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LC_ALL=C'],
        }),
      comm: 'bash',
      argv: ['bash', '-c', command],
    }).autoReap = true;
    runIdle(host);
    results[command] = out;
  }
  return results;
}

/** The recorder's listings of a bind mount's host directory (record.sh: `ls -ln` and `ls -l` of it). */
export const HOST_SIDE_LISTINGS = ['ls -ln <host-dir>', 'ls -l <host-dir>'] as const;
