import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Credentials } from '../../../src/sim/kernel/credentials.ts';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { NullFile, SinkFile } from '../../../src/sim/kernel/files.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { sendSignal } from '../../../src/sim/kernel/signal.ts';
import { TaskGroup } from '../../../src/sim/kernel/task-group.ts';
import { TerminalDevice } from '../../../src/sim/tty/terminal-device.ts';
import { shellStatus } from '../../../src/sim/kernel/wait-status.ts';
import { shellWorld } from './harness.ts';

const FIXTURES = new URL('../../fixtures/fork-bomb/', import.meta.url);

/**
 * bash's make_child (jobs.c) when fork(2) fails with EAGAIN: `fork: retry`,
 * sleeps of 1, 2, 4 and 8 seconds (FORKSLEEP_MAX 16), then `fork` with the
 * error and throw_to_top_level(), which ends a non-interactive shell with
 * 126 | 128. Recorded: bash 5.2.15 alone in a pids cgroup with pids.max=1
 * (test/fixtures/fork-bomb/fork-limit-1.*); the times are those of the fork
 * bomb's subshells in ctrl-c.json (retries 1, 3 and 7 s after the first, the
 * last words at 15 s).
 */
describe("bash's fork retries at the process limit", () => {
  it('bash -c "true | true; echo after" alone in a pids cgroup of one', () => {
    const world = shellWorld();
    let stdout = '';
    const lines: { t: number; text: string }[] = [];
    const argv = ['bash', '-c', 'true | true; echo after'];
    const shell = world.kernel.spawn({
      parent: null,
      pidns: world.kernel.rootNs,
      creds: new Credentials(0, 0),
      mnt: world.mnt,
      cwd: '/',
      hostname: 'test',
      stdio: [
        new NullFile(),
        new SinkFile((d) => (stdout += d)),
        new SinkFile((d) => lines.push({ t: world.kernel.clock.now(), text: d })),
      ],
      main: function* () {
        const result = yield* sys.execve('/bin/bash', argv, ['PATH=/usr/bin:/bin']);
        return result instanceof Errno ? 127 : 0;
      },
      comm: 'bash',
      argv,
      taskGroup: new TaskGroup('limit-1', 1),
    });
    for (let i = 0; i < 10; i++) {
      world.kernel.run(100_000);
      const next = world.kernel.nextDeadline();
      if (next === undefined) break;
      world.kernel.advanceTo(next);
    }
    expect(lines.map((l) => l.text).join('')).toBe(
      readFileSync(new URL('fork-limit-1.stderr', FIXTURES), 'utf8'),
    );
    expect(lines.map((l) => l.t)).toEqual([0, 1000, 3000, 7000, 15000]);
    expect(stdout).toBe('');
    expect(shell.alive).toBe(false);
    // fork-limit-1.status: 254.
    expect(shellStatus(shell.exitStatus)).toBe(254);
  });
});

/**
 * The interactive shell's own fork, Ctrl-C during its sleep: bash 5.2.15 on a
 * pty printed `^C`, `bash: fork: Interrupted system call` (the sleep's errno),
 * an empty line and the prompt, and `$?` was 130
 * (test/fixtures/fork-bomb/own-fork-ctrl-c.json).
 */
describe('Ctrl-C while the interactive bash waits to retry its fork', () => {
  it('gives the prompt back with Interrupted system call and $? 130', () => {
    const world = shellWorld();
    const slice = new TaskGroup('limit-1', 1);
    const device = new TerminalDevice('pts/0', (pgid, sig) => {
      for (const p of [...world.kernel.processes.values()])
        if (p.pgid === pgid && p.alive) sendSignal(world.kernel, p, sig, null);
    });
    let screen = '';
    device.port.onOutput((d) => (screen += d));
    const argv = ['bash', '-i'];
    const shell = world.kernel.spawn({
      parent: null,
      pidns: world.kernel.rootNs,
      creds: new Credentials(1000, 1000),
      mnt: world.mnt,
      cwd: '/',
      hostname: 'test',
      stdio: [device, device, device],
      main: function* () {
        const result = yield* sys.execve('/bin/bash', argv, ['PATH=/usr/bin:/bin']);
        return result instanceof Errno ? 127 : 0;
      },
      comm: 'bash',
      argv,
      taskGroup: slice,
    });
    shell.ttyName = device.name;
    shell.foregroundPgid = () => device.foregroundGroup();
    device.setForeground(shell.hostPid);
    const settle = () => world.kernel.run(100_000);
    settle();
    device.port.write('true | true\r');
    settle();
    world.kernel.advanceTo(world.kernel.clock.now() + 1000);
    settle();
    const before = screen;
    device.port.write('\x03');
    settle();
    device.port.write('echo $?\r');
    settle();
    // Debian's PS1 for a uid with no passwd entry, as bash shows it.
    const prompt = 'I have no name!@test:/$ ';
    expect(before).toBe(
      `${prompt}true | true\r\n` +
        'bash: fork: retry: Resource temporarily unavailable\r\n'.repeat(2),
    );
    expect(screen.slice(before.length)).toBe(
      `^Cbash: fork: Interrupted system call\r\n\r\n${prompt}echo $?\r\n130\r\n${prompt}`,
    );
  });
});
