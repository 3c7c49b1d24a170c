import { describe, expect, it } from 'vitest';
import { slicedTerminal } from '../support/sliced-terminal.ts';

const PROMPT = 'learner@host:~$ ';

describe('an endless loop is interrupted by Ctrl-C', () => {
  it('a loop of builtins in the interactive shell: back to the prompt, $? is 130', () => {
    const t = slicedTerminal();
    t.port.write('while :; do :; done\r');
    expect(t.pending()).toBe(1);
    t.port.write('\x03');
    t.pump(3);
    t.port.write('echo $?\r');
    t.pump(3);
    expect(t.screen()).toBe(
      `${PROMPT}while :; do :; done\r\n^C\r\n${PROMPT}echo $?\r\n130\r\n${PROMPT}`,
    );
    expect(t.pending()).toBe(0);
    expect(t.host.kernel.crashes).toEqual([]);
  });

  it('sh -c with an endless loop in the foreground dies of SIGINT', () => {
    const t = slicedTerminal();
    t.port.write('sh -c "while :; do :; done"\r');
    t.port.write('\x03');
    t.pump(3);
    t.port.write('echo $?\r');
    t.pump(3);
    expect(t.screen()).toBe(
      `${PROMPT}sh -c "while :; do :; done"\r\n^C\r\n${PROMPT}echo $?\r\n130\r\n${PROMPT}`,
    );
  });
});
