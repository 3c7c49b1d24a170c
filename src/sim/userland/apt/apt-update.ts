import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, type Gen } from '../lib/io.ts';
import { LISTS_DIR, writeFile } from './dpkg-db.ts';
import {
  errnoText,
  fetch,
  listFileName,
  lock,
  progress,
  readdirNames,
  type Options,
} from './apt-common.ts';
import type { AptRelease } from './releases.ts';

/** apt-get update: fetches the release's indexes into /var/lib/apt/lists (recorded: update, update-again). */
export function* update(release: AptRelease, opts: Options): Gen<number> {
  // The images ship /var/lib/apt/lists empty (rm -rf /var/lib/apt/lists/*): apt makes partial/ first.
  const partial = yield* sys.mkdir(`${LISTS_DIR}/partial`, 0o700);
  if (partial instanceof Errno && partial.code !== 'EEXIST') {
    yield* progress(opts, 'Reading package lists');
    yield* err(
      `E: List directory ${LISTS_DIR}/partial is missing. - Acquire ${errnoText(partial)}\n`,
    );
    return 100;
  }
  if (!(yield* lock(`${LISTS_DIR}/lock`, 'lists'))) {
    yield* progress(opts, 'Reading package lists');
    return 100;
  }
  const present = yield* readdirNames(LISTS_DIR);
  const first = !present.some((n) => n.endsWith('_Packages'));
  yield* fetch(release, opts, first ? release.firstUpdate : release.laterUpdate);
  for (const origin of release.archive.origins)
    yield* writeFile(
      `${LISTS_DIR}/${listFileName(origin.uri, origin.suite, origin.component)}`,
      origin.packages,
    );
  yield* progress(opts, 'Reading package lists');
  return 0;
}
