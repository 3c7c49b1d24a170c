import { describe, expect, it } from 'vitest';
import { Credentials } from '../../../src/sim/kernel/credentials.ts';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { NOT_HERE, type Program, type ProgramLoader } from '../../../src/sim/kernel/exec.ts';
import { NullFile, SinkFile } from '../../../src/sim/kernel/files.ts';
import { Kernel } from '../../../src/sim/kernel/kernel.ts';
import { codeArrived, codeInFlight, OnDemand } from '../../../src/sim/kernel/on-demand.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { MountNamespace } from '../../../src/sim/kernel/vfs/mount-namespace.ts';
import { TreeBuilder } from '../../../src/sim/kernel/vfs/tree-builder.ts';

/** A fetch that the test settles by hand, counting how often it was started. */
function manualFetch<T>() {
  let settle: { resolve: (value: T) => void; reject: (error: unknown) => void } | undefined;
  const calls = { count: 0 };
  const fetch = () => {
    calls.count++;
    return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  };
  return {
    fetch,
    calls,
    resolve: (value: T) => settle?.resolve(value),
    reject: () => settle?.reject(new Error('offline')),
  };
}

/** One process on a fresh kernel's tree, its standard output kept in `output`. */
function spawnAlone(
  kernel: Kernel,
  tree: TreeBuilder,
  output: string[],
  comm: string,
  main: Parameters<Kernel['spawn']>[0]['main'],
) {
  return kernel.spawn({
    parent: null,
    pidns: kernel.rootNs,
    creds: new Credentials(0, 0),
    mnt: new MountNamespace(tree.root),
    cwd: '/',
    hostname: 'test',
    stdio: [new NullFile(), new SinkFile((d) => output.push(d)), new NullFile()],
    main,
    comm,
    argv: [comm],
  });
}

describe('OnDemand', () => {
  it('starts one fetch, answers undefined while it runs and the code once it has arrived', async () => {
    const manual = manualFetch<string>();
    const piece = new OnDemand('piece', manual.fetch);
    expect(piece.get()).toBeUndefined();
    expect(piece.get()).toBeUndefined();
    expect(manual.calls.count).toBe(1);
    expect(codeInFlight()).toBe(true);
    manual.resolve('code');
    await codeArrived();
    expect(codeInFlight()).toBe(false);
    expect(piece.get()).toBe('code');
    expect(piece.peek()).toBe('code');
  });

  it('answers EIO once after a failed fetch, then fetches again', async () => {
    const manual = manualFetch<string>();
    const piece = new OnDemand('piece', manual.fetch);
    expect(piece.get()).toBeUndefined();
    manual.reject();
    await codeArrived();
    expect(piece.get()).toEqual(new Errno('EIO'));
    expect(piece.get()).toBeUndefined();
    expect(manual.calls.count).toBe(2);
    manual.resolve('code');
    await codeArrived();
    expect(piece.get()).toBe('code');
  });

  it('never fetches what was provided up front, and peek never starts a fetch', async () => {
    const manual = manualFetch<string>();
    const provided = new OnDemand('provided', manual.fetch);
    provided.provide('code');
    expect(provided.get()).toBe('code');
    await expect(provided.whenHere()).resolves.toBe('code');
    const untouched = new OnDemand('untouched', manual.fetch);
    expect(untouched.peek()).toBeUndefined();
    expect(manual.calls.count).toBe(0);
  });

  it('whenHere fetches and resolves with the code', async () => {
    const manual = manualFetch<string>();
    const piece = new OnDemand('piece', manual.fetch);
    const here = piece.whenHere();
    manual.resolve('code');
    await expect(here).resolves.toBe('code');
  });
});

describe('execve of a program whose code is on its way', () => {
  /** A kernel whose /bin/late is a program in a piece fetched on demand. */
  function kernelWithLateProgram() {
    const manual = manualFetch<Program>();
    const piece = new OnDemand('late piece', manual.fetch);
    const loader: ProgramLoader = (name) => {
      if (name !== 'late') return undefined;
      const code = piece.get();
      return code === undefined ? NOT_HERE : code;
    };
    const kernel = new Kernel({ startMs: 0, loader });
    const tree = new TreeBuilder(0);
    tree.dir('/bin');
    tree.program('/bin/late', 'late');
    const output: string[] = [];
    const results: unknown[] = [];
    const caller = spawnAlone(kernel, tree, output, 'caller', function* () {
      results.push(yield* sys.execve('/bin/late', ['late'], []));
      return 1;
    });
    const execs: string[] = [];
    kernel.events.subscribe((event) => {
      if (event.type === 'exec') execs.push(event.path);
    });
    return { kernel, manual, caller, output, results, execs };
  }

  const late: Program = {
    name: 'late',
    vszKb: 1,
    rssKb: 1,
    main: function* () {
      yield* sys.write(1, 'late ran\n');
      return 0;
    },
  };

  it('sleeps until the code arrives, then the new program runs in the same process', async () => {
    const { kernel, manual, caller, output, results, execs } = kernelWithLateProgram();
    expect(kernel.run(1000)).toBe('idle');
    expect({ alive: caller.alive, state: caller.state, output, execs }).toEqual({
      alive: true,
      state: 'S',
      output: [],
      execs: [],
    });
    manual.resolve(late);
    await codeArrived();
    kernel.wakeAll();
    kernel.run(1000);
    expect({ alive: caller.alive, output, execs, results }).toEqual({
      alive: false,
      output: ['late ran\n'],
      execs: ['/bin/late'],
      results: [],
    });
  });

  it('fails with EIO when the code cannot be fetched', async () => {
    const { kernel, manual, caller, results, execs } = kernelWithLateProgram();
    kernel.run(1000);
    manual.reject();
    await codeArrived();
    kernel.wakeAll();
    kernel.run(1000);
    expect({ alive: caller.alive, results, execs }).toEqual({
      alive: false,
      results: [new Errno('EIO')],
      execs: [],
    });
  });
});

describe('page_in: a fault on code that is on its way (ADR 0011)', () => {
  /** A process whose code is partly in a piece fetched on demand: it faults the piece in. */
  function kernelWithPagedCode(prologue: () => Generator<sys.Syscall, void, unknown>) {
    const manual = manualFetch<string>();
    const piece = new OnDemand('paged code', manual.fetch);
    const kernel = new Kernel({ startMs: 0, loader: () => undefined });
    const tree = new TreeBuilder(0);
    const output: string[] = [];
    const process = spawnAlone(kernel, tree, output, 'faulting', function* () {
      yield* prologue();
      const code = yield* sys.pageIn(piece);
      yield* sys.write(1, `ran ${code}\n`);
      return 0;
    });
    const signals: string[] = [];
    kernel.events.subscribe((event) => {
      if (event.type === 'signal-delivered') signals.push(`${event.signal} ${event.action}`);
    });
    /** Lets the fetch settle as `settle` says, then runs what can run. */
    const arrive = async (settle: () => void) => {
      settle();
      await codeArrived();
      kernel.wakeAll();
      kernel.run(1000);
    };
    return { kernel, manual, process, output, signals, arrive };
  }

  const nothing = function* (): Generator<sys.Syscall, void, unknown> {};

  it('sleeps uninterruptibly until the code is here, then goes on with it', async () => {
    const { kernel, manual, process, output, arrive } = kernelWithPagedCode(nothing);
    expect(kernel.run(1000)).toBe('idle');
    expect({ state: process.state, interruptible: process.blocker?.interruptible }).toEqual({
      state: 'S',
      interruptible: false,
    });
    await arrive(() => manual.resolve('code'));
    expect({ alive: process.alive, status: process.exitStatus, output }).toEqual({
      alive: false,
      status: 0,
      output: ['ran code\n'],
    });
  });

  it('ends the process with SIGBUS when the code cannot be read, blocked or ignored as it may be', async () => {
    const { kernel, manual, process, output, signals, arrive } = kernelWithPagedCode(function* () {
      yield* sys.sigprocmask('block', [7]);
      yield* sys.sigaction(7, 'ignore');
    });
    kernel.run(1000);
    await arrive(() => manual.reject());
    expect({ alive: process.alive, status: process.exitStatus, output, signals }).toEqual({
      alive: false,
      // Killed by signal 7 with the core-dump bit (wait-status.ts): SIGBUS's default action.
      status: 0x87,
      output: [],
      signals: ['SIGBUS core'],
    });
  });

  it('faults again after a SIGBUS the process survived, and the next read may succeed', async () => {
    const { kernel, manual, process, output, signals, arrive } = kernelWithPagedCode(function* () {
      yield* sys.sigaction(7, function* () {
        yield* sys.write(1, 'SIGBUS caught\n');
      });
    });
    kernel.run(1000);
    await arrive(() => manual.reject());
    expect(manual.calls.count).toBe(2);
    await arrive(() => manual.resolve('code'));
    expect({ status: process.exitStatus, output, signals }).toEqual({
      status: 0,
      output: ['SIGBUS caught\n', 'ran code\n'],
      signals: ['SIGBUS handler'],
    });
  });
});

describe('read-ahead (OnDemand.prefetch)', () => {
  it('forgets a failed read-ahead: the next reader fetches again and gets the code', async () => {
    const manual = manualFetch<string>();
    const piece = new OnDemand('piece', manual.fetch);
    piece.prefetch();
    piece.prefetch();
    expect(manual.calls.count).toBe(1);
    manual.reject();
    await codeArrived();
    expect(piece.get()).toBeUndefined();
    expect(manual.calls.count).toBe(2);
    manual.resolve('code');
    await codeArrived();
    expect(piece.get()).toBe('code');
  });

  it('a reader that finds a read-ahead on its way waits for it, and reads again once if it fails', async () => {
    const manual = manualFetch<string>();
    const piece = new OnDemand('piece', manual.fetch);
    piece.prefetch();
    expect(piece.get()).toBeUndefined();
    manual.reject();
    await codeArrived();
    // The reader's own read: its failure is the reader's EIO.
    expect(piece.get()).toBeUndefined();
    manual.reject();
    await codeArrived();
    expect(piece.get()).toEqual(new Errno('EIO'));
    expect(manual.calls.count).toBe(2);
  });
});

describe('page_in and the SIGBUS it forces', () => {
  it('resets a handler for a blocked SIGBUS to the default action, as force_sig_info_to_task does', async () => {
    const manual = manualFetch<string>();
    const piece = new OnDemand('paged code', manual.fetch);
    const kernel = new Kernel({ startMs: 0, loader: () => undefined });
    const output: string[] = [];
    const process = spawnAlone(kernel, new TreeBuilder(0), output, 'faulting', function* () {
      yield* sys.sigaction(7, function* () {
        yield* sys.write(1, 'SIGBUS caught\n');
      });
      yield* sys.sigprocmask('block', [7]);
      yield* sys.pageIn(piece);
      return 0;
    });
    kernel.run(1000);
    manual.reject();
    await codeArrived();
    kernel.wakeAll();
    kernel.run(1000);
    expect({ alive: process.alive, status: process.exitStatus, output }).toEqual({
      alive: false,
      status: 0x87,
      output: [],
    });
  });
});
