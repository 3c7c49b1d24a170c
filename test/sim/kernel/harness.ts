import { Credentials } from '../../../src/sim/kernel/credentials.ts';
import type { KernelEvent } from '../../../src/sim/kernel/events.ts';
import type { Program, ProgramContext } from '../../../src/sim/kernel/exec.ts';
import { SinkFile, NullFile } from '../../../src/sim/kernel/files.ts';
import { Kernel } from '../../../src/sim/kernel/kernel.ts';
import type { Process } from '../../../src/sim/kernel/process.ts';
import type { ProcessGen } from '../../../src/sim/kernel/syscall-api.ts';
import { MountNamespace } from '../../../src/sim/kernel/vfs/mount-namespace.ts';
import { TreeBuilder } from '../../../src/sim/kernel/vfs/tree-builder.ts';
import type { TaskGroup } from '../../../src/sim/kernel/task-group.ts';

/** A kernel with a small tree and test programs installed at /bin/NAME. */
export interface TestKernel {
  readonly kernel: Kernel;
  readonly tree: TreeBuilder;
  readonly mnt: MountNamespace;
  readonly events: KernelEvent[];
  readonly output: string[];
  /** Starts a process as a child of nobody (as the boot does) running the given generator. */
  start(
    main: () => ProcessGen,
    options?: { uid?: number; gid?: number; taskGroup?: TaskGroup },
  ): Process;
  run(): void;
}

export function testKernel(
  programs: Record<string, (context: ProgramContext) => ProcessGen> = {},
  limits: { readonly maxProcesses?: number; readonly maxUserProcesses?: number } = {},
): TestKernel {
  const table = new Map<string, Program>(
    Object.entries(programs).map(([name, main]) => [name, { name, vszKb: 1, rssKb: 1, main }]),
  );
  const kernel = new Kernel({ startMs: 0, loader: (name) => table.get(name), ...limits });
  const tree = new TreeBuilder(0);
  tree.dir('/bin');
  tree.dir('/tmp', { perm: 0o1777 });
  for (const name of table.keys()) tree.program(`/bin/${name}`, name);
  const mnt = new MountNamespace(tree.root);
  const events: KernelEvent[] = [];
  const output: string[] = [];
  kernel.events.subscribe((e) => events.push(e));
  const sink = new SinkFile((d) => output.push(d));
  return {
    kernel,
    tree,
    mnt,
    events,
    output,
    start(main, options = {}) {
      return kernel.spawn({
        parent: null,
        pidns: kernel.rootNs,
        creds: new Credentials(options.uid ?? 0, options.gid ?? 0),
        mnt,
        cwd: '/',
        hostname: 'test',
        stdio: [new NullFile(), sink, sink],
        main,
        comm: 'test',
        argv: ['test'],
        ...(options.taskGroup ? { taskGroup: options.taskGroup } : {}),
      });
    },
    run() {
      while (kernel.run(100_000) === 'budget') {
        /* run to idle */
      }
    },
  };
}
