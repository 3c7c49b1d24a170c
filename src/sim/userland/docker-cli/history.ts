import { isEngineError, type EngineError } from '../../docker/api.ts';
import type { HistoryRow } from '../../docker/build/image-requests.ts';
import { humanDuration } from '../../docker/human-duration.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { command, isOn } from './command.ts';
import { callDaemon } from './daemon.ts';
import { HISTORY_HELP } from './help-texts.ts';
import { humanSize } from './human-size.ts';
import { ellipsis } from './ps.ts';
import { tabwrite } from './tabwriter.ts';

const MODELLED = new Set(['quiet', 'no-trunc', 'help']);
const HEADER = ['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'];

/**
 * `docker history IMAGE`: the image's layers, newest first, in docker/cli's
 * default table (cli/command/image/formatter_history.go:
 * "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}"):
 * the ID cut to 12 ("<missing>" for a layer whose image is not in the
 * store), CREATED as "… ago", CREATED BY with tabs as spaces and cut to 45
 * characters, SIZE with three significant digits. -q prints the IDs.
 */
export const history = command({
  name: 'history',
  help: HISTORY_HELP,
  minArgs: 1,
  argCount: 'exact',
  *run(flags, args) {
    const unmodelled = [...flags.keys()].find((f) => !MODELLED.has(f));
    if (unmodelled !== undefined) {
      yield* err(`docker: 'docker history --${unmodelled}' is not available in Stepdown yet\n`);
      return 1;
    }
    const ref = args[0] ?? '';
    const rows = (yield* callDaemon({ op: 'history', ref })) as HistoryRow[] | EngineError;
    if (isEngineError(rows)) {
      yield* err(`Error response from daemon: ${rows.error}\n`);
      return 1;
    }
    const trunc = !isOn(flags, 'no-trunc');
    const id = (row: HistoryRow) =>
      row.id === '<missing>' ? row.id : trunc ? row.id.slice(0, 12) : `sha256:${row.id}`;
    if (isOn(flags, 'quiet')) {
      yield* out(rows.map((r) => `${id(r)}\n`).join(''));
      return 0;
    }
    const now = (yield* sys.self()).now;
    const table = rows.map((r) => {
      const createdBy = r.createdBy.replace(/\t/g, ' ');
      return [
        id(r),
        // time.Unix(created, 0): whole seconds.
        `${humanDuration(now - Math.floor(r.created / 1000) * 1000)} ago`,
        trunc ? ellipsis(createdBy, 45) : createdBy,
        humanSize(r.size, 3),
        r.comment,
      ];
    });
    // formatter.Context: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0).
    yield* out(tabwrite([HEADER, ...table], 10, 3));
    return 0;
  },
});
