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

  // bash 5.2.15 on the recording machine: `bash -c '[[ -d / ]] && echo yes; echo {1..3}; coproc cat'`
  // prints yes and 1 2 3; coproc is one of the few bash keywords the simulator still refuses in its own words.
  it('runs bash syntax in the host bash ([[ ]], brace expansion) and names what it still lacks', () => {
    expect(runPlain('[[ -d / ]] && echo yes; echo {1..3}')).toMatchObject({
      stdout: 'yes\n1 2 3\n',
      stderr: '',
      status: 0,
    });
    expect(runPlain('coproc cat')).toMatchObject({
      stdout: '',
      stderr: 'bash: coproc: bash syntax not supported by the simulator (only POSIX sh)\n',
      status: 2,
    });
  });
});
