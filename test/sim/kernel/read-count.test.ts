import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { TerminalDevice } from '../../../src/sim/tty/terminal-device.ts';
import { ScriptInput } from '../../../src/sim/host/script-input.ts';
import { testKernel } from './harness.ts';

/** read(2) with a count: at most that many bytes; what is left stays for the next reader. */
describe('read(2) with a byte count', () => {
  it('takes one line byte by byte from a pipe and leaves the rest for another process', () => {
    const t = testKernel();
    const seen: unknown[] = [];
    t.start(function* () {
      const fds = yield* sys.pipe();
      if (fds instanceof Errno) return 1;
      const [r, w] = fds;
      yield* sys.write(w, 'one\ntwo\nthree\n');
      yield* sys.close(w);
      let line = '';
      for (;;) {
        const ch = yield* sys.read(r, 1);
        if (ch instanceof Errno || ch === '' || ch === '\n') break;
        line += ch;
      }
      seen.push(line);
      // A child (as `cat` after the shell's `read`) gets the rest.
      yield* sys.fork(function* () {
        seen.push(yield* sys.read(r));
        seen.push(yield* sys.read(r));
        return 0;
      });
      yield* sys.waitpid(-1);
      return 0;
    });
    t.run();
    expect(seen).toEqual(['one', 'two\nthree\n', '']);
  });

  it('moves a regular file’s offset by what was read; count 0 reads nothing', () => {
    const t = testKernel();
    t.tree.file('/f', 'abcdef');
    const seen: unknown[] = [];
    t.start(function* () {
      const fd = yield* sys.open('/f');
      if (fd instanceof Errno) return 1;
      seen.push(
        yield* sys.read(fd, 2),
        yield* sys.read(fd, 0),
        yield* sys.read(fd, 3),
        yield* sys.read(fd),
      );
      const bad = yield* sys.read(fd, -1);
      seen.push(bad instanceof Errno ? bad.code : bad);
      return 0;
    });
    t.run();
    expect(seen).toEqual(['ab', '', 'cde', 'f', 'EINVAL']);
  });

  it('a terminal gives a typed line in parts; a shell asking for a line next gets the rest', () => {
    const tty = new TerminalDevice('pts/9', () => undefined);
    tty.port.onOutput(() => undefined);
    expect(tty.read(1)).toBe(tty.read(1)); // both WOULD_BLOCK: nothing typed yet
    tty.port.write('hello\r');
    expect([tty.read(2), tty.readLine('')]).toEqual(['he', { line: 'llo' }]);
  });

  it('a script given to the plain CLI works the same way', () => {
    const input = new ScriptInput('ab\ncd\n');
    expect([input.read(1), input.read(), input.read(5), input.read()]).toEqual([
      'a',
      'b\n',
      'cd\n',
      '',
    ]);
  });
});
