import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { Kernel } from '../../../src/sim/kernel/kernel.ts';
import { runShell, shellWorld, type ShellWorld } from './harness.ts';

/**
 * A program whose code could not be read (a piece of the simulator that
 * failed to arrive, ADR 0010): execve fails with EIO. bash names the file it
 * ran (shell_execve's `file_error (command)` in execute_cmd.c) and sets 126
 * (EX_NOEXEC); dash names the command word (shellexec's `exerror(EXEXEC,
 * "%s: %s", argv[0], …)`, also 126).
 */
function worldWithUnreadableProgram(): ShellWorld {
  const base = shellWorld();
  base.tree.program('/bin/unreadable', 'unreadable');
  const kernel = new Kernel({
    startMs: 0,
    loader: (name) => (name === 'unreadable' ? new Errno('EIO') : base.kernel.loader(name)),
  });
  return { kernel, tree: base.tree, mnt: base.mnt };
}

describe('execve failing with EIO', () => {
  it('bash: the path it ran, Input/output error, 126', () => {
    const { stdout, stderr, status } = runShell(
      'bash',
      ['-c', 'unreadable; echo $?'],
      worldWithUnreadableProgram(),
    );
    expect({ stdout, stderr, status }).toEqual({
      stdout: '126\n',
      stderr: 'bash: line 1: /bin/unreadable: Input/output error\n',
      status: 0,
    });
  });

  it('dash: the command word, Input/output error, 126', () => {
    const { stdout, stderr, status } = runShell(
      'dash',
      ['-c', 'unreadable; echo $?'],
      worldWithUnreadableProgram(),
    );
    expect({ stdout, stderr, status }).toEqual({
      stdout: '126\n',
      stderr: 'dash: 1: unreadable: Input/output error\n',
      status: 0,
    });
  });
});
