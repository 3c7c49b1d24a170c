import { describe, expect, it } from 'vitest';
import { runPlain } from '../../support/plain.ts';

/** The shells on the simulated host and in the lab image, with the other programs of the system. */
describe('the shells with the system around them', () => {
  it('expands ~ and ~user from HOME and /etc/passwd, as `echo ~ ~root` does in bash', () => {
    expect(runPlain('echo ~ ~root ~nosuchuser/x')).toMatchObject({
      stdout: '/home/learner /root ~nosuchuser/x\n',
      stderr: '',
      status: 0,
    });
  });

  it('runs a script without #! itself (ENOEXEC), with $0 and arguments (XCU 2.9.1.1)', () => {
    const line = String.raw`docker run --rm lab sh -c 'echo "echo from \$0 \$1" > /tmp/s; chmod +x /tmp/s; /tmp/s arg'`;
    expect(runPlain(line)).toMatchObject({ stdout: 'from /tmp/s arg\n', stderr: '', status: 0 });
  });

  it('sets PPID and keeps $$ in a command substitution', () => {
    const { stdout } = runPlain("docker run --rm lab sh -c 'echo $$ $PPID $(echo $$)'");
    expect(stdout).toBe('1 0 1\n');
  });

  it('pipes into a while-read loop in a subshell; the variables stay there', () => {
    const { stdout } = runPlain(
      'printf "%s\\n" a b | while read l; do echo "got $l"; last=$l; done; echo "[$last]"',
    );
    expect(stdout).toBe('got a\ngot b\n[]\n');
  });

  it('says plainly that bash-only syntax such as [[ is not modelled, instead of "command not found"', () => {
    expect(runPlain('[[ -d / ]] && echo yes')).toMatchObject({
      stdout: '',
      stderr: 'bash: [[: bash syntax not supported by the simulator (only POSIX sh)\n',
      status: 2,
    });
  });
});
