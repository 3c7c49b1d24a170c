import type { ImageSummary } from '../../docker/build/image-requests.ts';
import { humanDuration } from '../../docker/human-duration.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { command, isOn } from './command.ts';
import { callDaemon } from './daemon.ts';
import { IMAGES_HELP } from './help-texts.ts';
import { humanSize } from './human-size.ts';
import { tabwrite } from './tabwriter.ts';

const MODELLED = new Set(['all', 'quiet', 'no-trunc', 'help']);
const HEADER = ['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'];

/** docker images REPOSITORY[:TAG]: the reference filter on a name, or a name and tag. */
function matches(image: ImageSummary, filter: string | undefined): boolean {
  if (filter === undefined) return true;
  const colon = filter.lastIndexOf(':');
  const slash = filter.lastIndexOf('/');
  if (colon > slash)
    return image.repository === filter.slice(0, colon) && image.tag === filter.slice(colon + 1);
  return image.repository === filter;
}

/**
 * `docker images`: one row per repository and tag, newest image first (the
 * daemon's order), as docker/cli's image formatter prints its default
 * table (cli/command/formatter/image.go: "table {{.Repository}}\t{{.Tag}}\t
 * {{.ID}}\t{{.CreatedSince}}\t{{.Size}}"); an untagged image is
 * `<none> <none>`. Without -a the daemon leaves out untagged images that
 * other images were built on (a build's intermediate images).
 */
export const images = command({
  name: 'images',
  help: IMAGES_HELP,
  minArgs: 1,
  argCount: 'max',
  *run(flags, args) {
    const unmodelled = [...flags.keys()].find((f) => !MODELLED.has(f));
    if (unmodelled !== undefined) {
      yield* err(`docker: 'docker images --${unmodelled}' is not available in Stepdown yet\n`);
      return 1;
    }
    const all = (yield* callDaemon({ op: 'images' })) as ImageSummary[];
    const shown = all.filter(
      (i) => (isOn(flags, 'all') || i.tag !== '<none>' || !i.hasChildren) && matches(i, args[0]),
    );
    const trunc = !isOn(flags, 'no-trunc');
    const id = (i: ImageSummary) => (trunc ? i.id.slice(0, 12) : `sha256:${i.id}`);
    if (isOn(flags, 'quiet')) {
      yield* out(shown.map((i) => `${id(i)}\n`).join(''));
      return 0;
    }
    const now = (yield* sys.self()).now;
    const rows = shown.map((i) => [
      i.repository,
      i.tag,
      id(i),
      `${humanDuration(now - Math.floor(i.created / 1000) * 1000)} ago`,
      humanSize(i.size, 3),
    ]);
    // formatter.Context: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0).
    yield* out(tabwrite([HEADER, ...rows], 10, 3));
    return 0;
  },
});
