import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lchownSync,
  lutimesSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  lstatSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { WORLD_START_MS } from '../../../../src/sim/kernel/clock.ts';
import { LabSession, type ToolRun } from './lab-session.ts';

/** One entry of a small tree, made alike in the simulator and on a real ext4 disk. */
export interface TreeEntry {
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly data?: string;
  readonly target?: string;
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
  /** Milliseconds since the epoch; the world's start (17:01 UTC) by default. */
  readonly mtime?: number;
}

export interface Step {
  readonly argv: readonly string[];
  /** Run as this uid (and the same gid, no supplementary groups): 0 or 65534 (nobody). */
  readonly uid?: number;
  /** Directory order differs (ext4 hashes, the simulator keeps creation order): compare sorted lines. */
  readonly unordered?: boolean;
}

/** The world root: commands run with it as the working directory and use relative names. */
const SIM_ROOT = '/w';

export function simWorld(tree: readonly TreeEntry[]): LabSession {
  const session = new LabSession();
  const root = session.tree.dir(SIM_ROOT);
  root.perm = 0o777;
  for (const e of tree) {
    const own = { perm: e.mode, uid: e.uid ?? 0, gid: e.gid ?? 0 };
    const path = `${SIM_ROOT}/${e.path}`;
    const inode =
      e.kind === 'dir'
        ? session.tree.dir(path, own)
        : e.kind === 'file'
          ? session.tree.file(path, e.data ?? '', own)
          : session.tree.symlink(path, e.target ?? '');
    inode.uid = own.uid;
    inode.gid = own.gid;
    inode.mtime = e.mtime ?? WORLD_START_MS;
  }
  return session;
}

export function runSim(session: LabSession, step: Step): ToolRun {
  const uid = step.uid ?? 0;
  return session.run(step.argv, { uid, gid: uid, cwd: SIM_ROOT, env: [] });
}

/** The same tree in a fresh directory of this machine (mode 0777 so nobody may work in it). */
export function realWorld(tree: readonly TreeEntry[]): string {
  const root = mkdtempSync('/var/tmp/stepdown-files-');
  chmodSync(root, 0o777);
  for (const e of tree) {
    const path = join(root, e.path);
    if (e.kind === 'dir') mkdirSync(path, { recursive: true });
    else if (e.kind === 'file') writeFileSync(path, e.data ?? '');
    else symlinkSync(e.target ?? '', path);
    lchownSync(path, e.uid ?? 0, e.gid ?? 0);
    // After chown, which clears set-user-ID and set-group-ID bits.
    if (e.kind !== 'symlink') chmodSync(path, e.mode ?? (e.kind === 'dir' ? 0o755 : 0o644));
  }
  for (const e of [...tree].reverse()) {
    const time = (e.mtime ?? WORLD_START_MS) / 1000;
    lutimesSync(join(root, e.path), time, time);
  }
  return root;
}

/**
 * Runs the real /usr/bin tool in the POSIX locale in the real world, as
 * root or, through setpriv, as another user. Afterwards every timestamp
 * the command set to "now" is pinned back to the world's start, which is
 * what the simulator's clock still reads.
 */
export function runReal(root: string, step: Step): ToolRun {
  const [name = '', ...args] = step.argv;
  const uid = step.uid ?? 0;
  const started = Date.now() - 2000;
  const command =
    uid === 0
      ? { file: `/usr/bin/${name}`, args, argv0: name }
      : {
          file: '/usr/bin/setpriv',
          args: [
            `--reuid=${uid}`,
            `--regid=${uid}`,
            '--clear-groups',
            '--',
            `/usr/bin/${name}`,
            ...args,
          ],
          argv0: 'setpriv',
        };
  const result = spawnSync(command.file, command.args, {
    argv0: command.argv0,
    env: {},
    cwd: root,
    encoding: 'latin1',
  });
  pinFreshTimes(root, started);
  // setpriv passes the full path as argv[0]; the simulator runs the tool by its name.
  const stderr = uid === 0 ? result.stderr : result.stderr.replaceAll(`/usr/bin/${name}`, name);
  return { stdout: result.stdout, stderr, status: result.status ?? -1 };
}

function pinFreshTimes(dir: string, since: number): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isDirectory()) pinFreshTimes(path, since);
    if (st.mtimeMs >= since)
      (st.isSymbolicLink() ? lutimesSync : utimesSync)(
        path,
        WORLD_START_MS / 1000,
        WORLD_START_MS / 1000,
      );
  }
  const st = lstatSync(dir);
  if (st.mtimeMs >= since) utimesSync(dir, WORLD_START_MS / 1000, WORLD_START_MS / 1000);
}

/** Sorted lines, for output whose order is the directory's. */
export function sortedLines(run: ToolRun): ToolRun {
  const sort = (text: string) => text.split('\n').filter(Boolean).sort().join('\n');
  return { stdout: sort(run.stdout), stderr: sort(run.stderr), status: run.status };
}
