import { isEngineError, type EngineError, type LogsResponse } from '../../docker/api.ts';
import { rfc3339 } from '../../docker/container-view.ts';
import { Errno } from '../../kernel/errno.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { command, flag, isOn } from './command.ts';
import { callDaemon } from './daemon.ts';
import { LOGS_HELP } from './help-texts.ts';
import { resolve } from './resolve.ts';

const MODELLED = new Set(['follow', 'tail', 'timestamps', 'help']);
type Entry = LogsResponse['entries'][number];

/** The log as lines (the json-file driver keeps one record per line), each with its stream and time. */
const byLine = (entries: readonly Entry[]): Entry[] =>
  entries.flatMap((e) => (e.data.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((data) => ({ ...e, data })));

/** --tail N: the last N lines of the log, counted over both streams. */
function lastLines(entries: readonly Entry[], tail: string | undefined): Entry[] {
  if (tail === undefined || tail === 'all' || !/^\d+$/.test(tail)) return [...entries];
  const n = Number(tail);
  return n === 0 ? [] : byLine(entries).slice(-n);
}

/**
 * `docker logs`: what the container wrote, stdout to stdout and stderr to
 * stderr (one stream with CR LF for a -t container, whose terminal merged
 * them). -f keeps following until the container stops; Ctrl-C ends the
 * client (its default SIGINT action).
 */
export const logs = command({
  name: 'logs',
  help: LOGS_HELP,
  minArgs: 1,
  argCount: 'exact',
  *run(flags, args) {
    const unmodelled = [...flags.keys()].find((f) => !MODELLED.has(f));
    if (unmodelled) {
      yield* err(
        `docker: --${unmodelled} is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n`,
      );
      return 1;
    }
    const ref = args[0] ?? '';
    const id = yield* resolve(ref);
    if (id === null) return yield* noSuch(ref);
    const follow = isOn(flags, 'follow');
    let from = 0;
    let first = true;
    for (;;) {
      const reply = (yield* callDaemon({ op: 'logs', id, from, follow })) as
        LogsResponse | EngineError | Errno;
      if (reply instanceof Errno) continue;
      if (isEngineError(reply)) return yield* noSuch(ref);
      const entries = first ? lastLines(reply.entries, flag(flags, 'tail')) : reply.entries;
      first = false;
      yield* write(isOn(flags, 'timestamps') ? stamped(entries) : entries);
      from = reply.next;
      if (!follow || reply.ended) return 0;
    }
  },
});

/** -t: each line starts with its time, RFC 3339 with nine fraction digits, and a space. */
const stamped = (entries: readonly Entry[]): Entry[] =>
  byLine(entries).map((e) => ({ ...e, data: `${rfc3339(e.at, true)} ${e.data}` }));

function* write(entries: readonly Entry[]): Gen<void> {
  for (const entry of entries) {
    if (entry.stream === 'stdout') yield* out(entry.data);
    else yield* err(entry.data);
  }
}

function* noSuch(ref: string): Gen<number> {
  yield* err(`Error response from daemon: No such container: ${ref}\n`);
  return 1;
}
