import { buildImage } from '../../../../src/sim/docker/images/image.ts';
import { IMAGE_DEFINITIONS } from '../../../../src/sim/docker/images/catalog.ts';
import { WORLD_START_MS } from '../../../../src/sim/kernel/clock.ts';
import { Credentials } from '../../../../src/sim/kernel/credentials.ts';
import type { OpenFile } from '../../../../src/sim/kernel/files.ts';
import { SinkFile } from '../../../../src/sim/kernel/files.ts';
import { Kernel } from '../../../../src/sim/kernel/kernel.ts';
import * as sys from '../../../../src/sim/kernel/syscall-api.ts';
import { MountNamespace } from '../../../../src/sim/kernel/vfs/mount-namespace.ts';
import type { Inode } from '../../../../src/sim/kernel/vfs/inode.ts';
import { TreeBuilder } from '../../../../src/sim/kernel/vfs/tree-builder.ts';
import { shellStatus } from '../../../../src/sim/kernel/wait-status.ts';
import { loadProgram } from '../../../../src/sim/userland/registry.ts';

export interface ToolRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

export interface RunOptions {
  readonly uid?: number;
  readonly gid?: number;
  readonly groups?: readonly number[];
  readonly cwd?: string;
  readonly stdin?: string;
  readonly env?: readonly string[];
}

/** Standard input from a string: the text, then end of file. */
class StringInput implements OpenFile {
  readonly isTerminal = false;
  private left: string;
  constructor(text: string) {
    this.left = text;
  }
  read(): string {
    const chunk = this.left;
    this.left = '';
    return chunk;
  }
  write(): number {
    return 0;
  }
}

/**
 * A `lab` container's file system (the image as the catalog builds it) in a
 * kernel of its own, where commands run one after another like lines of a
 * script: what the shell will do once it lands. The clock is the world's.
 */
export class LabSession {
  readonly kernel = new Kernel({ startMs: WORLD_START_MS, loader: loadProgram });
  readonly mnt: MountNamespace;
  readonly tree: TreeBuilder;

  constructor() {
    const lab = IMAGE_DEFINITIONS.find((d) => d.repository === 'lab');
    if (!lab) throw new Error('no lab image');
    const image = buildImage(lab, WORLD_START_MS - 30 * 86_400_000);
    this.tree = new TreeBuilder(WORLD_START_MS, image.rootfs);
    this.mnt = new MountNamespace(image.rootfs);
  }

  /** Runs argv (looked up in /usr/bin, /usr/sbin, /bin) as execve would, to its exit. */
  run(argv: readonly string[], options: RunOptions = {}): ToolRun {
    let stdout = '';
    let stderr = '';
    const uid = options.uid ?? 0;
    const path = argv[0]?.includes('/') ? argv[0] : this.find(argv[0] ?? '');
    const env = options.env ?? [
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOME=/root',
    ];
    const process = this.kernel.spawn({
      parent: null,
      pidns: this.kernel.rootNs,
      creds: new Credentials(uid, options.gid ?? uid, options.groups ?? []),
      mnt: this.mnt,
      cwd: options.cwd ?? '/',
      hostname: 'c0ffee123456',
      stdio: [
        new StringInput(options.stdin ?? ''),
        new SinkFile((d) => (stdout += d)),
        new SinkFile((d) => (stderr += d)),
      ],
      main: function* () {
        const failed = yield* sys.execve(path, argv, env);
        throw new Error(`execve ${path}: ${failed.code}`);
      },
      comm: 'session',
      argv,
    });
    while (this.kernel.run(100_000) === 'budget') {
      /* run to idle */
    }
    return { stdout, stderr, status: shellStatus(process.exitStatus) };
  }

  /** The inode at a path (for asserting on owners and modes). */
  inode(path: string): Inode | undefined {
    const found = this.mnt.lookup(path, '/', new Credentials(0, 0), null);
    return 'inode' in found ? found.inode : undefined;
  }

  /** The text of a file. */
  read(path: string): string | undefined {
    return this.inode(path)?.data;
  }

  private find(name: string): string {
    for (const dir of ['/usr/bin', '/usr/sbin'])
      if (this.inode(`${dir}/${name}`)) return `${dir}/${name}`;
    return `/usr/bin/${name}`;
  }
}
