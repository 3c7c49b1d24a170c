import type { ContainerSummary } from '../../docker/container-view.ts';
import { humanDuration } from '../../docker/human-duration.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { command } from './command.ts';
import { callDaemon } from './daemon.ts';
import { PS_HELP } from './help-texts.ts';
import { tabwrite } from './tabwriter.ts';

const MODELLED = new Set(['all', 'quiet', 'no-trunc', 'help']);
const HEADER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];

/** strconv.Quote: double quotes, Go's escapes, printable Unicode kept. */
export function goQuote(text: string): string {
  const escaped = text.replace(/[\\"\x00-\x1f\x7f]/g, (c) => {
    const named: Record<string, string> = {
      '\\': '\\\\',
      '"': '\\"',
      '\n': '\\n',
      '\t': '\\t',
      '\r': '\\r',
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\v': '\\v',
    };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `"${escaped}"`;
}

/** docker/cli formatter Ellipsis: at most `max` characters, the last one "…" when cut. */
export function ellipsis(text: string, max: number): string {
  const chars = Array.from(text); // runes, as Go counts them
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

function row(c: ContainerSummary, now: number, trunc: boolean): string[] {
  return [
    trunc ? c.id.slice(0, 12) : c.id,
    c.image,
    goQuote(trunc ? ellipsis(c.command, 20) : c.command),
    `${humanDuration(now - c.createdS * 1000)} ago`,
    c.status,
    '',
    c.name,
  ];
}

/**
 * `docker ps`: running containers (all with -a), newest first, as
 * docker/cli's container formatter prints its default table
 * ("table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}"):
 * the ID cut to 12, COMMAND cut to 20 and quoted, CREATED from the whole
 * second of creation to now. -q prints only the IDs.
 */
export const ps = command({
  name: 'ps',
  help: PS_HELP,
  minArgs: 0,
  argCount: 'none',
  *run(flags) {
    const unmodelled = [...flags.keys()].find((f) => !MODELLED.has(f));
    if (unmodelled) {
      yield* err(
        `docker: --${unmodelled} is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n`,
      );
      return 1;
    }
    const list = (yield* callDaemon({ op: 'list', all: flags.has('all') })) as ContainerSummary[];
    const trunc = !flags.has('no-trunc');
    if (flags.has('quiet')) {
      for (const c of list) yield* out(`${trunc ? c.id.slice(0, 12) : c.id}\n`);
      return 0;
    }
    const { now } = yield* sys.self();
    yield* out(tabwrite([HEADER, ...list.map((c) => row(c, now, trunc))], 10, 3));
    return 0;
  },
});
