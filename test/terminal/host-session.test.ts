// The simulated host's terminal seen through a real (headless) xterm: lives here because only src/terminal and its tests may import @xterm.
import { Terminal } from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../src/sim/index.ts';

/** A headless xterm attached to a fresh host's terminal, as the page attaches one. */
function session(cols = 100) {
  const term = new Terminal({ cols, rows: 30, allowProposedApi: true });
  const host = createHost();
  const port = host.openTerminal({ cols, rows: 30 });
  let pending = Promise.resolve();
  port.onOutput((data) => {
    pending = pending.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
  });
  const screen = async () => {
    await pending;
    const lines: string[] = [];
    for (let y = 0; y < term.buffer.active.length; y++)
      lines.push(term.buffer.active.getLine(y)?.translateToString(true) ?? '');
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  };
  return { type: (text: string) => port.write(text), screen, host, port };
}

const PROMPT = 'learner@host:~$ ';

describe('the host terminal', () => {
  it('greets with the learner prompt', async () => {
    const s = session();
    expect(await s.screen()).toEqual([PROMPT]);
  });

  it('runs the gosu/alpine command typed at the prompt and prompts again', async () => {
    const s = session();
    s.type('docker run --rm gosu/alpine gosu root ps aux\r');
    expect(await s.screen()).toEqual([
      PROMPT + 'docker run --rm gosu/alpine gosu root ps aux',
      'PID   USER     TIME  COMMAND',
      '    1 root      0:00 ps aux',
      PROMPT,
    ]);
  });

  it('answers an unknown command and keeps the line editing: Ctrl-C, history, Ctrl-U', async () => {
    const s = session();
    s.type('foo\r');
    s.type('half typed\x03');
    s.type('\x1b[A\x1b[A');
    expect(await s.screen()).toEqual([
      PROMPT + 'foo',
      'bash: foo: command not found',
      PROMPT + 'half typed^C',
      PROMPT + 'foo',
    ]);
    s.type('\x15echo again\r');
    expect((await s.screen()).slice(-3)).toEqual([PROMPT + 'echo again', 'again', PROMPT]);
  });

  it('never lets input throw: escape sequences, control bytes and long pastes', async () => {
    const s = session();
    expect(() => {
      s.type('\x1b[15~\x1b[<0;10;10M\x00\x07\x1b');
      s.type('x'.repeat(20_000) + '\r');
      s.type('<img src=x onerror=alert(1)>\r');
    }).not.toThrow();
    const screen = await s.screen();
    expect(screen.at(-1)).toBe(PROMPT);
    // Real bash 5.2.15, interactive: `<img src=x onerror=alert(1)>` is a syntax error at `(`.
    expect(screen).toContain("bash: syntax error near unexpected token `('");
    expect(s.host.kernel.crashes).toEqual([]);
  });

  it('ends the session on exit with its status', async () => {
    const s = session();
    let status: number | undefined;
    s.port.onExit((code) => (status = code));
    s.type('exit 3\r');
    await s.screen();
    expect(status).toBe(3);
  });
});
