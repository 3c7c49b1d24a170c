import { daemonEnvironment, replaceOrAppend, withHome } from './container-env.ts';
import { Credentials } from '../kernel/credentials.ts';
import { Errno } from '../kernel/errno.ts';
import type { OpenFile } from '../kernel/files.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';
import * as sys from '../kernel/syscall-api.ts';
import type { ProcessGen } from '../kernel/syscall-api.ts';
import { getenv } from '../userland/lib/io.ts';
import { lookPath } from '../userland/lib/path-search.ts';
import { readUserDb } from '../userland/lib/user-db.ts';
import { resolveUserSpec } from '../userland/gosu/user-spec.ts';
import type { Container } from './container.ts';
import {
  afterUserSwitch,
  beforeUserSwitch,
  DOCKER_DEFAULT_CAPABILITIES,
  type ContainerCapabilities,
} from '../userland/runtime/oci-capabilities.ts';

/** A `docker exec` process: how it started and, once done, how it ended. */
export interface ExecRecord {
  readonly argv: readonly string[];
  hostPid: number | undefined;
  /** The runtime's error when the command could not be started. */
  startError: string | undefined;
  /** Exit code as docker exec reports it (128+n after a signal), once finished. */
  exitCode: number | undefined;
  status: number | undefined;
  /** Processes waiting for it to end (an attached docker exec CLI). */
  readonly waiters: Set<Process>;
}

export interface ExecOptions {
  readonly user?: string;
  readonly workingDir?: string;
  readonly env?: readonly string[];
  readonly stdout: OpenFile;
  readonly stderr: OpenFile;
  readonly stdin: OpenFile;
}

/**
 * runc exec: a new process joins the container's namespaces and root as a
 * child of the container's shim (so inside it shows PPID 0), calls setsid,
 * switches user, changes directory and execs the command; it is not a child
 * of the container's PID 1 (golden README, "docker exec").
 */
export function startExec(
  kernel: Kernel,
  container: Container,
  argv: readonly string[],
  options: ExecOptions,
): ExecRecord {
  const record: ExecRecord = {
    argv,
    hostPid: undefined,
    startError: undefined,
    exitCode: undefined,
    status: undefined,
    waiters: new Set(),
  };
  const init =
    container.initPid === undefined ? undefined : kernel.processes.get(container.initPid);
  const shim =
    container.shimPid === undefined ? undefined : kernel.processes.get(container.shimPid);
  if (!init?.alive || !shim || !container.mountNamespace) {
    record.startError = `container ${container.id} is not running`;
    return record;
  }
  // The container's environment (TERM=xterm with a terminal), then exec's -e (moby daemon/exec.go).
  const env = replaceOrAppend(
    daemonEnvironment(container, options.stdout.isTerminal && options.stdin.isTerminal),
    options.env ?? [],
  );
  const process: Process = kernel.spawn({
    parent: shim,
    pidns: init.pidns,
    creds: new Credentials(0, 0),
    mnt: container.mountNamespace,
    cwd: '/',
    hostname: container.hostname,
    stdio: [options.stdin, options.stdout, options.stderr],
    main: () =>
      execInit(record, argv, env, {
        cwd: options.workingDir ?? (container.config.workingDir || '/'),
        user: options.user ?? container.config.user,
        capabilities: container.config.capabilities ?? DOCKER_DEFAULT_CAPABILITIES,
      }),
    comm: 'runc:[2:INIT]',
    argv: ['runc', 'init'],
  });
  process.autoReap = true;
  record.hostPid = process.hostPid;
  return record;
}

/**
 * The daemon writes a failed exec's error into the attach stream's stdout,
 * ending in CR LF (moby api/server/router/container/exec.go;
 * docs/research/docker-texts.md §3).
 */
function* reportFailure(record: ExecRecord): Generator<sys.Syscall, void, unknown> {
  const reason = record.startError ?? '';
  yield* sys.write(
    1,
    `OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown\r\n`,
  );
}

function* execInit(
  record: ExecRecord,
  argv: readonly string[],
  baseEnv: readonly string[],
  { cwd, user, capabilities }: { cwd: string; user: string; capabilities: ContainerCapabilities },
): ProcessGen {
  yield* sys.setsid();
  yield* beforeUserSwitch(capabilities);
  // runc: the user (-u, else the container's) from the container's passwd and group files; HOME from its entry.
  const target = resolveUserSpec(user, yield* readUserDb(), { uid: 0, gid: 0 });
  if ('error' in target) {
    record.startError = target.error;
    yield* reportFailure(record);
    return 126;
  }
  if (user !== '') {
    yield* sys.setgroups(target.groups);
    yield* sys.setgid(target.gid);
    yield* sys.setuid(target.uid);
  }
  yield* afterUserSwitch(capabilities, user === '' ? 0 : target.uid);
  const env = withHome(baseEnv, target.home);
  const cd = yield* sys.chdir(cwd);
  if (cd instanceof Errno) {
    record.startError = `chdir to cwd ("${cwd}") set in config.json failed: ${cd.message.toLowerCase()}`;
    return 126;
  }
  const name = argv[0] ?? '';
  const path = yield* lookPath(name, getenv(env, 'PATH') ?? '');
  if (path instanceof Errno) {
    record.startError = `exec: "${name}": executable file not found in $PATH`;
    yield* reportFailure(record);
    return 127;
  }
  const result = yield* sys.execve(path, argv, env);
  record.startError = `exec: "${name}": ${result.message.toLowerCase()}`;
  yield* reportFailure(record);
  return result.code === 'ENOENT' ? 127 : 126;
}
