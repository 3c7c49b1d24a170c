import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../src/sim/index.ts';
import { maskPsTable } from '../../support/ps-table.ts';

const PROMPT = 'learner@host:~$ ';

/** The learner's terminal: type keys, take what reached the screen since the last take (CR LF as LF). */
function terminal(host: Host) {
  const port = host.openTerminal();
  let screen = '';
  port.onOutput((d) => (screen += d));
  return {
    type: (text: string) => port.write(text),
    take: () => {
      const text = screen.replace(/\r\n/g, '\n');
      screen = '';
      return text;
    },
  };
}

/**
 * The seed article's session (../shared/seed/gosu-in-docker.zh.txt), typed
 * command by command into one terminal on one host:
 *
 *   docker run --name myredis -idt redis:5.0
 *   docker exec -it myredis /bin/bash
 *   ps -ef                      → bash: ps: command not found (the image has no procps)
 *   apt-get update; apt-get install procps
 *   ps -ef                      → redis PID 1 "redis-server *:6379", bash PPID 0, ps its child
 *   exit
 *   docker stop myredis         → the name; redis saves and exits 0 (facts.md §5, §7)
 *   docker run --rm gosu/alpine gosu root ps aux
 *   docker run --rm ubuntu:trusty sudo ps aux
 *
 * Expected texts: the article's tables (whitespace restored to procps' and
 * BusyBox's layouts, as in article-images.test.ts), bash's "command not
 * found" (bash 5.2's words, test/sim/shell), the host prompt and Docker's
 * texts from the sources cited in test/sim/userland/docker-cli/.
 */
describe("the seed article's session, end to end", () => {
  /**
   * Pending: redis:5.0 is built from the pinned 5.0 Dockerfile by the
   * Dockerfile builder (H1), and `apt-get update` / `apt-get install procps`
   * need the offline apt (H2a). Until the image can be run the first
   * command fails with a daemon error instead of printing the container's
   * id; this test fails once it succeeds, so the full session must replace it.
   */
  it('is not reproduced yet: needs the redis:5.0 image (Dockerfile builder) and apt-get', () => {
    const host = createHost();
    const t = terminal(host);
    t.type('docker run --name myredis -idt redis:5.0\r');
    const screen = t.take();
    expect(screen.startsWith(`${PROMPT}docker run --name myredis -idt redis:5.0\n`)).toBe(true);
    expect(screen).toMatch(/docker: Error response from daemon: /);
    expect(screen).not.toMatch(/^[0-9a-f]{64}$/m);
  });

  it('ends with the two commands that compare gosu and sudo as PID 1', () => {
    const host = createHost();
    const t = terminal(host);
    t.take();
    t.type('docker run --rm gosu/alpine gosu root ps aux\r');
    expect(t.take()).toBe(
      'docker run --rm gosu/alpine gosu root ps aux\n' +
        'PID   USER     TIME  COMMAND\n' +
        '    1 root      0:00 ps aux\n' +
        PROMPT,
    );
    t.type('docker run --rm ubuntu:trusty sudo ps aux\r');
    const [command = '', ...rest] = t.take().split('\n');
    expect(command).toBe('docker run --rm ubuntu:trusty sudo ps aux');
    expect(rest.at(-1)).toBe(PROMPT);
    expect(maskPsTable(rest.slice(0, -1).join('\n') + '\n')).toBe(
      maskPsTable(
        'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
          'root         1  0.0  0.0  46012  1772 ?        Ss   12:05   0:00 sudo ps aux\n' +
          'root         6  0.0  0.0  15568  1140 ?        R    12:05   0:00 ps aux\n',
      ),
    );
    expect(host.engine.list()).toEqual([]);
  });
});
