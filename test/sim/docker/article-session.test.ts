import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../../src/sim/index.ts';
import { maskPsTable } from '../../support/ps-table.ts';

const PROMPT = 'learner@host:~$ ';

/** The learner's terminal: type keys, take what reached the screen since the last take (CR LF as LF). */
function terminal(host: Host) {
  const port = host.openTerminal();
  let screen = '';
  port.onOutput((d) => (screen += d));
  /** Lets virtual time run (100 ms steps, at most 5 minutes) until a prompt or apt's question is on screen. */
  const settle = () => {
    for (let i = 0; i < 3000 && !/([$#] |\[Y\/n\] )$/.test(screen); i++) host.advance(100);
  };
  return {
    type: (text: string) => {
      port.write(text);
      settle();
    },
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
  it('redis:5.0: no ps in the image, apt-get installs procps, redis is PID 1 as redis, stop exits 0', () => {
    const host = createHost();
    const t = terminal(host);
    t.take();
    t.type('docker run --name myredis -idt redis:5.0\r');
    const id = host.engine.find('myredis')?.id ?? '';
    const inside = `root@${id.slice(0, 12)}:/data# `;
    // -d prints the full id (docker/cli run.go); the image's WORKDIR /data is the shell's directory.
    expect(t.take()).toBe(`docker run --name myredis -idt redis:5.0\n${id}\n${PROMPT}`);
    expect(id).toMatch(/^[0-9a-f]{64}$/);

    t.type('docker exec -it myredis /bin/bash\r');
    t.type('ps -ef\r');
    // The image has no procps (the article). An interactive bash names itself "bash" whatever
    // path started it: `/bin/bash --norc -i` on Debian 12 printed "bash: nosuchcmd: command not found".
    expect(t.take()).toBe(
      `docker exec -it myredis /bin/bash\n${inside}ps -ef\nbash: ps: command not found\n${inside}`,
    );

    // apt's own words are asserted by the apt tests; here the session must get through them.
    t.type('apt-get update\r');
    const update = t.take();
    expect(update.startsWith('apt-get update\n')).toBe(true);
    expect(update.endsWith(`Reading package lists... Done\n${inside}`)).toBe(true);
    t.type('apt-get install procps\r');
    expect(t.take().endsWith('Do you want to continue? [Y/n] ')).toBe(true);
    t.type('y\r');
    const install = t.take();
    expect(install).toContain('\nSetting up procps (2:3.3.12-3+deb9u1) ...\n');
    expect(install.endsWith(inside)).toBe(true);

    // The article's table: redis (uid 999 by name) is PID 1 running "redis-server *:6379";
    // the exec'd bash has PPID 0 (it entered the namespace from outside); ps is bash's child.
    // The article's PIDs (287, 293) come from that container's own history; ours are counted here.
    t.type('ps -ef\r');
    const table = t.take();
    const bash = /^root +(\d+) +0 .*\/bin\/bash$/m.exec(table)?.[1] ?? '';
    const ps = /^root +(\d+) +\d+ .*ps -ef$/m.exec(table)?.[1] ?? '';
    expect(table).toBe(
      'ps -ef\n' +
        'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'redis          1       0  0 17:01 ?        00:00:00 redis-server *:6379\n' +
        `root     ${bash.padStart(7)}       0  0 17:01 ?        00:00:00 /bin/bash\n` +
        `root     ${ps.padStart(7)} ${bash.padStart(7)}  0 17:01 ?        00:00:00 ps -ef\n` +
        inside,
    );

    t.type('exit\r');
    expect(t.take()).toBe(`exit\nexit\n${PROMPT}`);

    // facts.md §5, §7: docker stop prints the name; redis handles SIGTERM, saves and exits 0.
    t.type('docker stop myredis\r');
    expect(t.take()).toBe(`docker stop myredis\nmyredis\n${PROMPT}`);
    // The shutdown as redis logs it (facts.md §7); times are the virtual clock's.
    t.type('docker logs --tail 5 myredis\r');
    const logs = t.take();
    const seconds = /signal-handler \((\d+)\)/.exec(logs)?.[1] ?? '';
    const at = /28 Nov 2026 (17:01:\d\d\.\d{3})/.exec(logs)?.[1] ?? '';
    expect(logs).toBe(
      'docker logs --tail 5 myredis\n' +
        `1:signal-handler (${seconds}) Received SIGTERM scheduling shutdown...\n` +
        `1:M 28 Nov 2026 ${at} # User requested shutdown...\n` +
        `1:M 28 Nov 2026 ${at} * Saving the final RDB snapshot before exiting.\n` +
        `1:M 28 Nov 2026 ${at} * DB saved on disk\n` +
        `1:M 28 Nov 2026 ${at} # Redis is now ready to exit, bye bye...\n` +
        PROMPT,
    );
    t.type("docker inspect -f '{{.State.ExitCode}}' myredis\r");
    expect(t.take()).toBe(`docker inspect -f '{{.State.ExitCode}}' myredis\n0\n${PROMPT}`);
    expect(host.engine.find('myredis')?.state).toBe('exited');

    // The article's two commands that compare gosu and sudo as PID 1 (as in article-images.test.ts).
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
    expect(host.engine.list().map((c) => c.name)).toEqual(['myredis']);
  });
});
