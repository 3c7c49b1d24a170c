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
    const caller = kernel.spawn({
      parent: null,
      pidns: kernel.rootNs,
      creds: new Credentials(0, 0),
      mnt: new MountNamespace(tree.root),
      cwd: '/',
      hostname: 'test',
      stdio: [new NullFile(), new SinkFile((d) => output.push(d)), new NullFile()],
      main: function* () {
        results.push(yield* sys.execve('/bin/late', ['late'], []));
        return 1;
      },
      comm: 'caller',
      argv: ['caller'],
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
