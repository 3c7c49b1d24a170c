import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from '../lib/io.ts';
import { log } from './log.ts';
import { EMPTY_RDB, rdbAgeSeconds } from './rdb.ts';

/** Redis 7.0's multi-part AOF: a directory with a base RDB, an increment file and a manifest. */
const DIR = 'appendonlydir';
const BASE = 'appendonly.aof.1.base.rdb';
const INCR = 'appendonly.aof.1.incr.aof';
const MANIFEST = `file ${BASE} seq 1 type b\nfile ${INCR} seq 1 type i\n`;

/**
 * loadAppendOnlyFiles at start-up with appendonly yes (texts recorded from
 * redis-server 7.0.15 on Debian 12): load an existing AOF, or create the
 * directory and its files. False when the directory cannot be created
 * (redis then exits 1).
 */
export function* startAof(): Gen<boolean> {
  const manifest = yield* sys.stat(`${DIR}/appendonly.aof.manifest`);
  if (!(manifest instanceof Errno)) {
    const age = yield* rdbAgeSeconds(`${DIR}/${BASE}`);
    for (const [level, line] of [
      ['*', 'Reading RDB base file on AOF loading...'],
      ['*', 'Loading RDB produced by version 7.0.15'],
      ['*', `RDB age ${age} seconds`],
      ['*', 'RDB memory usage when created 0.84 Mb'],
      ['*', 'RDB is base AOF'],
      ['*', 'Done loading RDB, keys loaded: 0, keys expired: 0.'],
      ['*', `DB loaded from base file ${BASE}: 0.000 seconds`],
      ['*', 'DB loaded from append only file: 0.000 seconds'],
      ['*', `Opening AOF incr file ${INCR} on server start`],
    ] as const)
      yield* log('M', level, line);
    return true;
  }
  const made = yield* sys.mkdir(DIR, 0o755);
  if (made instanceof Errno && made.code !== 'EEXIST') {
    yield* log('M', '#', `Can't open or create append-only dir ${DIR}: ${made.message}`);
    return false;
  }
  yield* writeFile(`${DIR}/${BASE}`, EMPTY_RDB);
  yield* log('M', '*', `Creating AOF base file ${BASE} on server start`);
  yield* writeFile(`${DIR}/${INCR}`, '');
  yield* log('M', '*', `Creating AOF incr file ${INCR} on server start`);
  yield* writeFile(`${DIR}/appendonly.aof.manifest`, MANIFEST);
  return true;
}

function* writeFile(path: string, data: string): Gen<void> {
  const fd = yield* sys.open(path, { write: true, create: true, truncate: true }, 0o644);
  if (fd instanceof Errno) return;
  if (data !== '') yield* sys.write(fd, data);
  yield* sys.close(fd);
}
