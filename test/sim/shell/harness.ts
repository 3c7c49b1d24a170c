import { Credentials } from '../../../src/sim/kernel/credentials.ts';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import type { Program, ProgramContext } from '../../../src/sim/kernel/exec.ts';
import { NullFile, SinkFile } from '../../../src/sim/kernel/files.ts';
import { Kernel } from '../../../src/sim/kernel/kernel.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import type { ProcessGen } from '../../../src/sim/kernel/syscall-api.ts';
import { MountNamespace } from '../../../src/sim/kernel/vfs/mount-namespace.ts';
import { TreeBuilder } from '../../../src/sim/kernel/vfs/tree-builder.ts';
import { shellStatus } from '../../../src/sim/kernel/wait-status.ts';
import { createBusybox, DEBIAN_BUSYBOX } from '../../../src/sim/userland/busybox/busybox.ts';
import { bash } from '../../../src/sim/userland/shells/bash.ts';
import { dash } from '../../../src/sim/userland/shells/dash.ts';
import type { Outcome, ShellName } from './case-types.ts';

/** A tiny cat for pipelines and here-documents in the cases: copies fd 0 (or files) to fd 1. */
function* cat({ argv }: ProgramContext): ProcessGen {
  const fds = argv.length > 1 ? [] : [0];
  for (const path of argv.slice(1)) {
    const fd = yield* sys.open(path, { read: true });
    if (!(fd instanceof Errno)) fds.push(fd);
  }
  for (const fd of fds) {
    for (;;) {
      const chunk = yield* sys.read(fd);
      if (chunk instanceof Errno || chunk === '') break;
      yield* sys.write(1, chunk);
    }
  }
  return 0;
}

export interface ShellWorld {
  readonly kernel: Kernel;
  readonly tree: TreeBuilder;
  readonly mnt: MountNamespace;
}

/** A tiny sleep for background jobs in the cases: sleeps its whole seconds on the virtual clock. */
function* sleep({ argv }: ProgramContext): ProcessGen {
  yield* sys.nanosleep(Number(argv[1] ?? '0') * 1000);
  return 0;
}

/**
 * A kernel whose /bin holds dash, bash, busybox (sh) and the given stub
 * programs; cat and sleep are also in /usr/bin, where Debian 12 (merged
 * /usr) has them, so `type cat` answers /usr/bin/cat as on the recording machine.
 */
export function shellWorld(
  stubs: Record<string, (context: ProgramContext) => ProcessGen> = {},
): ShellWorld {
  const programs: Program[] = [
    dash,
    bash,
    createBusybox('busybox', DEBIAN_BUSYBOX),
    ...Object.entries({ cat, sleep, ...stubs }).map(([name, main]) => ({
      name,
      vszKb: 1,
      rssKb: 1,
      main,
    })),
  ];
  const table = new Map(programs.map((p) => [p.name, p]));
  const kernel = new Kernel({ startMs: 0, loader: (name) => table.get(name) });
  const tree = new TreeBuilder(0);
  for (const dir of ['/bin', '/usr/bin', '/etc', '/root', '/dev']) tree.dir(dir);
  tree.dir('/tmp', { perm: 0o1777 });
  tree.device('/dev/null', 'null');
  tree.program('/bin/dash', dash.name);
  tree.program('/bin/bash', bash.name);
  tree.program('/bin/busybox', 'busybox');
  tree.symlink('/bin/sh', 'dash');
  for (const name of ['cat', 'sleep', ...Object.keys(stubs)]) tree.program(`/bin/${name}`, name);
  for (const name of ['cat', 'sleep']) tree.program(`/usr/bin/${name}`, name);
  return { kernel, tree, mnt: new MountNamespace(tree.root) };
}

const ARGV: Readonly<Record<ShellName, readonly string[]>> = {
  dash: ['dash'],
  bash: ['bash'],
  ash: ['sh'],
};
const PROGRAM: Readonly<Record<ShellName, string>> = {
  dash: '/bin/dash',
  bash: '/bin/bash',
  ash: '/bin/busybox',
};

/** Runs `shell -c script` (or other arguments) as root in / and collects its output and status. */
export function runShell(
  shell: ShellName,
  args: readonly string[],
  world: ShellWorld = shellWorld(),
  env: readonly string[] = ['PATH=/usr/bin:/bin', 'HOME=/root'],
): Outcome & { world: ShellWorld } {
  let stdout = '';
  let stderr = '';
  const argv = [...ARGV[shell], ...args];
  const process = world.kernel.spawn({
    parent: null,
    pidns: world.kernel.rootNs,
    creds: new Credentials(0, 0),
    mnt: world.mnt,
    cwd: '/',
    hostname: 'test',
    stdio: [new NullFile(), new SinkFile((d) => (stdout += d)), new SinkFile((d) => (stderr += d))],
    main: function* () {
      const result = yield* sys.execve(PROGRAM[shell], argv, env);
      return result instanceof Errno ? 127 : 0;
    },
    comm: shell,
    argv,
  });
  for (let i = 0; i < 50 && world.kernel.run(200_000) === 'budget'; i++) {
    /* a runaway script stops after 10 million steps */
  }
  return { stdout, stderr, status: shellStatus(process.exitStatus), world };
}
