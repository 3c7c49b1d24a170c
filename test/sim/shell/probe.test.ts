// The shell's walkthrough probe (simple.ts): every simple command a shell starts is reported on
// the kernel's event stream with the text it came from, its place there and its expanded words.
import { describe, expect, it } from 'vitest';
import type { KernelEvent } from '../../../src/sim/kernel/events.ts';
import type { ShellName } from './case-types.ts';
import { runShell, shellWorld, type ShellWorld } from './harness.ts';

type ShellCommand = Extract<KernelEvent, { type: 'shell-command' }>;

/** The shell-command events of a run, one line each: origin, place, text and words. */
function probed(shell: ShellName, args: readonly string[], world: ShellWorld = shellWorld()) {
  const events: ShellCommand[] = [];
  world.kernel.events.subscribe((event) => {
    if (event.type === 'shell-command') events.push(event);
  });
  const outcome = runShell(shell, args, world);
  const lines = events.map(({ process, origin, span, text, argv }) => {
    const from = origin.kind === 'script' ? `script ${origin.path}` : origin.kind;
    const place = `${span.start.line}:${span.start.col}-${span.end.line}:${span.end.col}`;
    return `${process.pid} ${from} ${place} ${JSON.stringify(text)} ${JSON.stringify(argv)}`;
  });
  return { lines, outcome };
}

describe('the shell-command probe', () => {
  it('reports a -c string’s commands with their place, their text and their expanded words', () => {
    const { lines, outcome } = probed('dash', [
      '-c',
      'x=world\necho "hello $x"; false || echo $((1+2))',
    ]);
    expect(outcome).toMatchObject({ stdout: 'hello world\n3\n', status: 0 });
    expect(lines).toEqual([
      '1 command-string 1:1-1:8 "x=world" []',
      '1 command-string 2:1-2:16 "echo \\"hello $x\\"" ["echo","hello world"]',
      '1 command-string 2:18-2:23 "false" ["false"]',
      '1 command-string 2:27-2:40 "echo $((1+2))" ["echo","3"]',
    ]);
  });

  it('names the script file a shell reads, and a command substitution’s commands come from its child', () => {
    const world = shellWorld();
    world.tree.file('/root/greet.sh', 'set -e\nwho=$(echo root)\necho "hi $who"\n');
    const { lines, outcome } = probed('bash', ['/root/greet.sh'], world);
    expect(outcome).toMatchObject({ stdout: 'hi root\n', status: 0 });
    expect(lines).toEqual([
      '1 script /root/greet.sh 1:1-1:7 "set -e" ["set","-e"]',
      '2 script /root/greet.sh 2:7-2:16 "echo root" ["echo","root"]',
      '1 script /root/greet.sh 2:1-2:17 "who=$(echo root)" []',
      '1 script /root/greet.sh 3:1-3:15 "echo \\"hi $who\\"" ["echo","hi root"]',
    ]);
  });

  it('follows `.` into the sourced file and `eval` into its words, and a function into the text that defined it', () => {
    const world = shellWorld();
    world.tree.file('/root/lib.sh', '\ngreet() {\n  echo "hi $1"\n}\n');
    const { lines, outcome } = probed('dash', ['-c', '. /root/lib.sh\neval "greet you"'], world);
    expect(outcome).toMatchObject({ stdout: 'hi you\n', status: 0 });
    expect(lines).toEqual([
      '1 command-string 1:1-1:15 ". /root/lib.sh" [".","/root/lib.sh"]',
      '1 command-string 2:1-2:17 "eval \\"greet you\\"" ["eval","greet you"]',
      '1 eval 1:1-1:10 "greet you" ["greet","you"]',
      '1 script /root/lib.sh 3:3-3:15 "echo \\"hi $1\\"" ["echo","hi you"]',
    ]);
  });

  it('runs a trap’s action in its own text', () => {
    const { lines, outcome } = probed('dash', ['-c', 'trap "echo bye; true" EXIT\necho hi']);
    expect(outcome).toMatchObject({ stdout: 'hi\nbye\n', status: 0 });
    expect(lines).toEqual([
      '1 command-string 1:1-1:27 "trap \\"echo bye; true\\" EXIT" ["trap","echo bye; true","EXIT"]',
      '1 command-string 2:1-2:8 "echo hi" ["echo","hi"]',
      '1 trap 1:1-1:9 "echo bye" ["echo","bye"]',
      '1 trap 1:11-1:15 "true" ["true"]',
    ]);
  });
});
