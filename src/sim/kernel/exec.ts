import { ALL_CAPS } from './credentials.ts';
import { Errno, type SysResult } from './errno.ts';
import type { Kernel } from './kernel.ts';
import type { Process, ProgramImage } from './process.ts';
import type { ProcessGen } from './syscall-api.ts';
import { programOfExecutable } from './binfmt.ts';
import { releaseThreads } from './exit.ts';
import { S_ISGID, S_ISUID, type Inode } from './vfs/inode.ts';
import { mayAccess, MAY_EXEC } from './vfs/permission.ts';

/** What a program receives when the kernel starts it. */
export interface ProgramContext {
  readonly argv: readonly string[];
  readonly envp: readonly string[];
}

export interface Program extends ProgramImage {
  readonly main: (context: ProgramContext) => ProcessGen;
}

/**
 * The answer of a loader whose program's code is still being fetched
 * (on-demand.ts): the caller of execve(2) sleeps until it arrives.
 */
export const NOT_HERE: unique symbol = Symbol('code not here yet');

/**
 * Finds the program an executable file stands for (the "binary format" of
 * the simulator): undefined when no program has that name, NOT_HERE while
 * its code is on its way, EIO when fetching it failed.
 */
export type ProgramLoader = (name: string) => Program | undefined | Errno | typeof NOT_HERE;

/** The program a loader has at hand now: undefined when absent, on its way or unreadable. */
export function programAtHand(loader: ProgramLoader, name: string): Program | undefined {
  const program = loader(name);
  return program === NOT_HERE || program instanceof Errno ? undefined : program;
}

/** binfmt_script allows this many nested interpreters (BINPRM_MAX_RECURSION). */
const MAX_INTERPRETER_DEPTH = 4;
/** The kernel keeps the first 15 characters of the file name as the command name (TASK_COMM_LEN 16). */
const COMM_MAX = 15;

interface Loaded {
  readonly program: Program;
  readonly inode: Inode;
  readonly argv: readonly string[];
}

/**
 * execve(2): find the file, check it may be executed, follow "#!" lines
 * (binfmt_script), then replace the program in the calling process. The PID
 * stays; handled signals go back to default, ignored ones stay ignored
 * (signal(7)); set-user-ID and set-group-ID bits take effect.
 */
export function execve(
  k: Kernel,
  process: Process,
  path: string,
  argv: readonly string[],
  envp: readonly string[],
): SysResult<true> | typeof NOT_HERE {
  const loaded = load(k, process, path, argv, 0);
  if (loaded === NOT_HERE) return NOT_HERE;
  if (loaded instanceof Errno) {
    k.emit({
      type: 'exec-failed',
      t: k.clock.now(),
      process: process.ref(),
      path,
      errno: loaded.code,
    });
    return loaded;
  }
  applySetId(process, loaded.inode);
  for (const [sig, disposition] of process.dispositions)
    if (typeof disposition === 'function') process.dispositions.delete(sig);
  process.fds.closeOnExec();
  releaseThreads(process);
  process.argv = loaded.argv;
  process.comm = basename(path).slice(0, COMM_MAX);
  process.image = loaded.program;
  process.load(loaded.program.main({ argv: loaded.argv, envp }));
  k.emit({ type: 'exec', t: k.clock.now(), process: process.ref(), path, argv: loaded.argv });
  return true;
}

function load(
  k: Kernel,
  process: Process,
  path: string,
  argv: readonly string[],
  depth: number,
): SysResult<Loaded> | typeof NOT_HERE {
  const found = process.mnt.lookup(path, process.cwd, process.creds, process);
  if (found instanceof Errno) return found;
  const inode = found.inode;
  if (inode.kind !== 'file' || !mayAccess(process.creds, inode, MAY_EXEC))
    return new Errno('EACCES');
  const programName = inode.program ?? programOfExecutable(inode.data);
  if (programName !== undefined) {
    const program = k.loader(programName);
    if (program === NOT_HERE || program instanceof Errno) return program;
    return program ? { program, inode, argv } : new Errno('ENOEXEC');
  }
  const interpreter = parseShebang(inode.data);
  if (!interpreter) return new Errno('ENOEXEC');
  if (depth >= MAX_INTERPRETER_DEPTH) return new Errno('ELOOP');
  const scriptArgv = [
    interpreter.path,
    ...(interpreter.arg === undefined ? [] : [interpreter.arg]),
    path,
    ...argv.slice(1),
  ];
  const inner = load(k, process, interpreter.path, scriptArgv, depth + 1);
  return inner === NOT_HERE || inner instanceof Errno ? inner : { ...inner, inode };
}

/** binfmt_script: "#!" then the interpreter path and at most one argument (the rest of the line). */
export function parseShebang(data: string): { path: string; arg?: string } | undefined {
  if (!data.startsWith('#!')) return undefined;
  const line = data.slice(2).split('\n', 1)[0]?.trim() ?? '';
  if (line === '') return undefined;
  const match = /^(\S+)(?:[ \t]+(.*))?$/.exec(line);
  if (!match) return undefined;
  const arg = match[2]?.trim();
  return arg ? { path: match[1] as string, arg } : { path: match[1] as string };
}

/**
 * The credentials after execve(2) (security/commoncap.c
 * cap_bprm_creds_from_file, capabilities(7) "Transformation of capabilities
 * during execve()"). Files carry no capabilities here, so:
 * - set-user-ID and set-group-ID bits change the effective ids, unless
 *   no_new_privs is set;
 * - with a zero real or effective uid the file's sets count as full: the new
 *   permitted set is the bounding set plus the inheritable set, effective
 *   too when the effective uid is 0;
 * - otherwise only the ambient set survives, as permitted and effective;
 * - a set-id exec clears the ambient set; the saved ids take the effective
 *   ones; keep-capabilities is cleared.
 */
function applySetId(process: Process, inode: Inode): void {
  const creds = process.creds;
  const oldPermitted = creds.permitted;
  if (!creds.noNewPrivs) {
    if (inode.perm & S_ISUID) creds.euid = inode.uid;
    if (inode.perm & S_ISGID && inode.perm & 0o010) creds.egid = inode.gid;
  }
  const isSetId = creds.euid !== creds.ruid || creds.egid !== creds.rgid;
  if (isSetId) {
    creds.ambient = 0n;
    process.pdeathsig = 0;
  }
  const root = creds.ruid === 0 || creds.euid === 0;
  const filePermitted = root ? ALL_CAPS : 0n;
  const fileInheritable = root ? ALL_CAPS : 0n;
  let permitted =
    (creds.inheritable & fileInheritable) | (filePermitted & creds.bounding) | creds.ambient;
  // A set-id exec under no_new_privs gives no more than the process had.
  if (creds.noNewPrivs && isSetId) permitted &= oldPermitted;
  creds.permitted = permitted;
  creds.effective = creds.euid === 0 ? permitted : creds.ambient;
  creds.suid = creds.euid;
  creds.sgid = creds.egid;
  creds.keepCaps = false;
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || '/';
}
