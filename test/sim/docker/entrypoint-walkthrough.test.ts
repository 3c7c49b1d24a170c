// What a walkthrough of the redis 5.0 entrypoint sees on the host's event stream: the pinned
// docker-entrypoint.sh (src/sim/docker/images/redis/5.0/, verbatim from docker-library/redis
// 6845f6d) runs line by line as PID 1, re-enters itself through `exec gosu redis "$0" "$@"`
// and finally execs redis-server, still PID 1, as uid 999.
import { describe, expect, it } from 'vitest';
import { createHost, type KernelEvent } from '../../../src/sim/index.ts';
import { runPlain } from '../../support/plain.ts';

/** The container's side of a run, one line per event: commands with their line, execs, credentials. */
function walkthrough(command: string): string[] {
  const host = createHost();
  runPlain('docker run --rm redis:5.0 true', host);
  const lines: string[] = [];
  const inContainer = (event: { process: { hostPid: number; pid: number } }) =>
    event.process.hostPid !== event.process.pid;
  host.events.subscribe((event: KernelEvent) => {
    if (!('process' in event) || !inContainer(event)) return;
    const pid = event.process.pid;
    if (event.type === 'shell-command')
      lines.push(
        `${pid} line ${event.span.start.line}: ${event.text}  =>  ${event.argv.join(' ')}`,
      );
    if (event.type === 'exec') lines.push(`${pid} exec ${event.path}`);
    if (event.type === 'credentials' && event.call !== 'capset')
      lines.push(`${pid} ${event.call}: uid ${event.uid} gid ${event.gid}`);
  });
  runPlain(command, host);
  return lines;
}

/** PID 1 starts the script and reaches its second `if`: the same at each run. */
const SCRIPT_STARTS = [
  '1 exec /usr/local/bin/docker-entrypoint.sh',
  '1 line 2: set -e  =>  set -e',
  '1 line 6: [ "${1#-}" != "$1" ]  =>  [ redis-server != redis-server ]',
  '1 line 6: [ "${1%.conf}" != "$1" ]  =>  [ redis-server != redis-server ]',
];

describe('the redis 5.0 entrypoint, as a walkthrough follows it', () => {
  it('steps down through gosu: the script runs twice as PID 1, first as root, then as redis', () => {
    expect(walkthrough('docker run --rm redis:5.0 redis-server --version')).toEqual([
      ...SCRIPT_STARTS,
      // The command substitution runs in a child of PID 1.
      '2 line 11: id -u  =>  id -u',
      '2 exec /usr/bin/id',
      '1 line 11: [ "$1" = \'redis-server\' -a "$(id -u)" = \'0\' ]  =>  [ redis-server = redis-server -a 0 = 0 ]',
      "1 line 12: find . \\! -user redis -exec chown redis '{}' +  =>  find . ! -user redis -exec chown redis {} +",
      '3 exec /usr/bin/find',
      '1 line 13: exec gosu redis "$0" "$@"  =>  exec gosu redis /usr/local/bin/docker-entrypoint.sh redis-server --version',
      '1 exec /usr/local/bin/gosu',
      '1 setgroups: uid 0 gid 0',
      '1 setgid: uid 0 gid 999',
      '1 setuid: uid 999 gid 999',
      ...SCRIPT_STARTS,
      '8 line 11: id -u  =>  id -u',
      '8 exec /usr/bin/id',
      '1 line 11: [ "$1" = \'redis-server\' -a "$(id -u)" = \'0\' ]  =>  [ redis-server = redis-server -a 999 = 0 ]',
      '1 line 16: exec "$@"  =>  exec redis-server --version',
      '1 exec /usr/local/bin/redis-server',
    ]);
  });

  it('with --user 1000 the root branch is skipped and the script execs the server at once', () => {
    expect(walkthrough('docker run --rm --user 1000 redis:5.0 redis-server --version')).toEqual([
      // runc drops to the --user before the entrypoint starts (no passwd entry: gid 0).
      '1 setgroups: uid 0 gid 0',
      '1 setgid: uid 0 gid 0',
      '1 setuid: uid 1000 gid 0',
      ...SCRIPT_STARTS,
      '2 line 11: id -u  =>  id -u',
      '2 exec /usr/bin/id',
      '1 line 11: [ "$1" = \'redis-server\' -a "$(id -u)" = \'0\' ]  =>  [ redis-server = redis-server -a 1000 = 0 ]',
      '1 line 16: exec "$@"  =>  exec redis-server --version',
      '1 exec /usr/local/bin/redis-server',
    ]);
  });
});
