import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORLD_START_MS } from '../../../../src/sim/kernel/clock.ts';
import { Credentials } from '../../../../src/sim/kernel/credentials.ts';
import { SinkFile, type LineInput, type OpenFile } from '../../../../src/sim/kernel/files.ts';
import { Kernel } from '../../../../src/sim/kernel/kernel.ts';
import * as sys from '../../../../src/sim/kernel/syscall-api.ts';
import { MountNamespace } from '../../../../src/sim/kernel/vfs/mount-namespace.ts';
import type { Inode } from '../../../../src/sim/kernel/vfs/inode.ts';
import { TreeBuilder } from '../../../../src/sim/kernel/vfs/tree-builder.ts';
import { shellStatus } from '../../../../src/sim/kernel/wait-status.ts';
import { installDebianBase } from '../../../../src/sim/userland/apt/image-install.ts';
import { loadProgram } from '../../../../src/sim/userland/registry.ts';

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

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
 * A terminal as `docker exec -it` gives one, reduced to what apt uses: what
 * is written shows, and a line read at the terminal echoes the typed answer.
 */
class Terminal implements OpenFile {
  readonly isTerminal = true;
  screen = '';
  private readonly answers: string[];
  constructor(answers: readonly string[]) {
    this.answers = [...answers];
  }
  read(): string {
    return '';
  }
  write(data: string): number {
    this.screen += data;
    return data.length;
  }
  readLine(prompt: string): LineInput {
    const line = this.answers.shift();
    if (line === undefined) return { eof: true };
    this.screen += `${prompt}${line}\n`;
    return { line };
  }
}

/**
 * A debian:bookworm-slim or debian:stretch-slim file system as
 * installDebianBase lays it out, in a kernel of its own; commands run one
 * after another like the lines of a RUN step (no terminal).
 */
export class DebianSession {
  readonly kernel = new Kernel({ startMs: WORLD_START_MS, loader: loadProgram });
  readonly mnt: MountNamespace;

  constructor(codename: 'bookworm' | 'stretch') {
    const tree = new TreeBuilder(WORLD_START_MS);
    for (const dir of ['/tmp', '/root', '/var/lib/dpkg/info', '/etc/apt/apt.conf.d']) tree.dir(dir);
    tree.dir('/tmp').perm = 0o1777;
    installDebianBase(tree, codename);
    this.mnt = new MountNamespace(tree.root);
  }

  /** Runs a command on a terminal, typing ANSWERS where it reads a line; returns the screen's text. */
  runOnTerminal(argv: readonly string[], answers: readonly string[] = []): Run {
    const terminal = new Terminal(answers);
    const status = this.spawn(argv, 0, [terminal, terminal, terminal]);
    return { stdout: terminal.screen, stderr: '', status };
  }

  run(argv: readonly string[], options: { uid?: number; stdin?: string } = {}): Run {
    let stdout = '';
    let stderr = '';
    const status = this.spawn(argv, options.uid ?? 0, [
      new StringInput(options.stdin ?? ''),
      new SinkFile((d) => (stdout += d)),
      new SinkFile((d) => (stderr += d)),
    ]);
    return { stdout, stderr, status };
  }

  private spawn(argv: readonly string[], uid: number, stdio: OpenFile[]): number {
    const path = argv[0]?.includes('/') ? argv[0] : this.find(argv[0] ?? '');
    const env = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root'];
    const process = this.kernel.spawn({
      parent: null,
      pidns: this.kernel.rootNs,
      creds: new Credentials(uid, uid, []),
      mnt: this.mnt,
      cwd: '/',
      hostname: 'c0ffee123456',
      stdio: stdio as [OpenFile, OpenFile, OpenFile],
      main: function* () {
        const failed = yield* sys.execve(path, argv, env);
        throw new Error(`execve ${path}: ${failed.code}`);
      },
      comm: 'session',
      argv,
    });
    for (;;) {
      while (this.kernel.run(100_000) === 'budget') {
        /* run to idle */
      }
      const deadline = this.kernel.nextDeadline();
      if (deadline === undefined || !process.alive) break;
      this.kernel.advanceTo(deadline);
    }
    return shellStatus(process.exitStatus);
  }

  inode(path: string): Inode | undefined {
    const found = this.mnt.lookup(path, '/', new Credentials(0, 0), null);
    return 'inode' in found ? found.inode : undefined;
  }

  private find(name: string): string {
    for (const dir of ['/usr/bin', '/usr/sbin', '/bin', '/sbin'])
      if (this.inode(`${dir}/${name}`)) return `${dir}/${name}`;
    return `/usr/bin/${name}`;
  }
}

/** A recording of scripts/record-apt.sh: NAME.out, NAME.err, NAME.status. */
export function recorded(name: string): Run {
  const dir = join(import.meta.dirname, '../../../fixtures/apt/bookworm');
  const read = (ext: string) => readFileSync(join(dir, `${name}.${ext}`), 'latin1');
  return { stdout: read('out'), stderr: read('err'), status: Number(read('status').trim()) };
}
