import type { ContainerSummary } from '../../docker/container-view.ts';
import { rfc3339 } from '../../docker/container-view.ts';
import { goQuote } from '../../docker/go-quote.ts';
import { humanDuration } from '../../docker/human-duration.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { command, flag, isOn } from './command.ts';
import { executeTemplate, parseTemplate, type GoValue } from './go-template.ts';
import { callDaemon } from './daemon.ts';
import { PS_HELP } from './help-texts.ts';
import { tabwrite } from './tabwriter.ts';

const MODELLED = new Set(['all', 'quiet', 'no-trunc', 'format', 'help']);
const HEADER = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'];

/** docker/cli formatter Ellipsis: at most `max` characters, the last one "…" when cut. */
export function ellipsis(text: string, max: number): string {
  const chars = Array.from(text); // runes, as Go counts them
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/**
 * A --format template as docker/cli's formatter Context prepares it: "table "
 * dropped, spaces trimmed, the two-character escapes \t and \n made real.
 */
function preFormat(format: string): string {
  const body = format.startsWith('table') ? format.slice('table'.length) : format;
  return body.trim().replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

/** The column titles of docker/cli's container formatter (NewContainerContext). */
const HEADERS: GoValue = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Networks: 'NETWORKS',
};

/** A container as the formatter's ContainerContext shows it to a template. */
function fields(c: ContainerSummary, now: number, trunc: boolean): GoValue {
  const [id, image, command, runningFor, status, ports, names] = row(c, now, trunc);
  return {
    ID: id ?? '',
    Names: names ?? '',
    Image: image ?? '',
    Command: command ?? '',
    // time.Unix(Created, 0).String() in the client's zone, UTC here.
    CreatedAt: rfc3339(c.createdS * 1000)
      .replace('T', ' ')
      .replace('Z', ' +0000 UTC'),
    RunningFor: runningFor ?? '',
    Ports: ports ?? '',
    State: c.state,
    Status: status ?? '',
    // Every container joins the default bridge network (networking is not modelled further).
    Networks: 'bridge',
  };
}

function row(c: ContainerSummary, now: number, trunc: boolean): string[] {
  return [
    trunc ? c.id.slice(0, 12) : c.id,
    c.image,
    goQuote(trunc ? ellipsis(c.command, 20) : c.command),
    `${humanDuration(now - c.createdS * 1000)} ago`,
    c.status,
    c.ports,
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
    const format = flag(flags, 'format') ?? '';
    const custom = format !== '' && format !== 'table' && !isOn(flags, 'quiet');
    const template = custom ? parseTemplate(preFormat(format)) : undefined;
    if (template && 'error' in template) {
      yield* err(`failed to parse template: ${template.error}\n`);
      return 1;
    }
    if (format === 'json') {
      yield* err(
        'docker: --format json is not available in Stepdown yet (see src/sim/LIMITATIONS.md)\n',
      );
      return 1;
    }
    const list = (yield* callDaemon({ op: 'list', all: isOn(flags, 'all') })) as ContainerSummary[];
    const trunc = !isOn(flags, 'no-trunc');
    const { now } = yield* sys.self();
    if (template) {
      const rows = list.map((c) => executeTemplate(template, fields(c, now, trunc)));
      if (!format.startsWith('table')) {
        yield* out(rows.map((r) => `${r}\n`).join(''));
        return 0;
      }
      const header = executeTemplate(template, HEADERS);
      const lines = [header, ...rows].join('\n').split('\n');
      yield* out(
        tabwrite(
          lines.map((line) => line.split('\t')),
          10,
          3,
        ),
      );
      return 0;
    }
    if (isOn(flags, 'quiet')) {
      for (const c of list) yield* out(`${trunc ? c.id.slice(0, 12) : c.id}\n`);
      return 0;
    }
    yield* out(tabwrite([HEADER, ...list.map((c) => row(c, now, trunc))], 10, 3));
    return 0;
  },
});
