import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { decodeArchive, encodeArchive, isGzip, type ArchiveMember } from '../artefacts/archive.ts';
import { modeString } from '../lib/file-mode.ts';
import { err, out, readFile, STDOUT, type Gen } from '../lib/io.ts';
import { program } from '../lib/program.ts';
import { readAll } from '../lib/read-input.ts';
import { readUserDb, type UserDb } from '../lib/user-db.ts';
import { walk } from '../lib/walk.ts';
import { parseArgs, type Options } from './options.ts';
import { TAR_VERSION } from './texts.ts';

const FATAL = 'tar: Error is not recoverable: exiting now\n';
const FAILED = 'tar: Exiting with failure status due to previous errors\n';

/**
 * GNU tar 1.34 for what the redis Dockerfiles do (`tar -xzf redis.tar.gz -C
 * /usr/src/redis --strip-components=1`) and the basics around it: -c, -x,
 * -t with -z, -f, -C, -v and --strip-components. Archives are the
 * simulator's stand-in format (artefacts/archive.ts), not ustar or gzip.
 * Messages and statuses recorded from Debian 12's tar ("tar (child): F:
 * Cannot open: …", "gzip: stdin: not in gzip format", "This does not look
 * like a tar archive", status 2). As root, extraction keeps the members'
 * owners and modes (--same-owner, --same-permissions) and the members'
 * modification times.
 */
export const tar = program('tar-1.34/tar', { vszKb: 7400, rssKb: 2800 }, function* (ctx) {
  if (ctx.argv.slice(1).includes('--version')) {
    yield* out(TAR_VERSION);
    return 0;
  }
  const options = parseArgs(ctx.argv.slice(1));
  if ('usage' in options) {
    yield* err(`tar: ${options.usage}\nTry 'tar --help' or 'tar --usage' for more information.\n`);
    return options.status;
  }
  if (options.mode === 'c') return yield* create(options);
  return yield* extractOrList(options);
});

function* extractOrList(o: Options): Gen<number> {
  const name = o.file ?? '-';
  const data = name === '-' ? yield* readAll(0) : yield* readFile(name);
  if (data instanceof Errno) {
    if (o.gzip)
      yield* err(
        `tar (child): ${name}: Cannot open: ${data.message}\ntar (child): Error is not recoverable: exiting now\ntar: Child returned status 2\n${FATAL}`,
      );
    else yield* err(`tar: ${name}: Cannot open: ${data.message}\n${FATAL}`);
    return 2;
  }
  if (o.gzip && !isGzip(data)) {
    yield* err(`\ngzip: stdin: not in gzip format\ntar: Child returned status 1\n${FATAL}`);
    return 2;
  }
  const archive = decodeArchive(data);
  if (archive === 'not-tar') {
    yield* err(`tar: This does not look like a tar archive\n${FAILED}`);
    return 2;
  }
  if (o.directory !== undefined) {
    const changed = yield* sys.chdir(o.directory);
    if (changed instanceof Errno) {
      yield* err(`tar: ${o.directory}: Cannot open: ${changed.message}\n${FATAL}`);
      return 2;
    }
  }
  const me = yield* sys.self();
  let status = 0;
  /** Directories get their times last, once nothing more is created in them (tar's delayed_set_stat). */
  const directoryTimes: [string, number][] = [];
  for (const member of archive.members) {
    const parts = member.name.split('/').filter((p) => p !== '');
    if (parts.length <= o.strip) continue;
    const path = parts.slice(o.strip).join('/') + (member.kind === 'dir' ? '/' : '');
    if (
      o.operands.length &&
      !o.operands.some((op) => member.name.replace(/\/$/, '') === op.replace(/\/$/, ''))
    )
      continue;
    if (o.mode === 't') {
      yield* out(o.verbose ? `${longLine(member, path)}\n` : `${path}\n`);
      continue;
    }
    if (o.verbose) yield* out(`${path}\n`);
    const failure = yield* extract(member, path, me.euid === 0, me.umask);
    if (failure) {
      yield* err(failure);
      status = 2;
    } else if (member.kind === 'dir') directoryTimes.push([path.replace(/\/$/, ''), member.mtime]);
  }
  for (const [dir, mtime] of directoryTimes.reverse())
    yield* sys.utimensat(dir, 'now', mtime * 1000, true);
  if (status) yield* err(FAILED);
  return status;
}

/** "drwxr-xr-x root/root         0 2026-11-28 21:38 top/" (tar -tv). */
function longLine(m: ArchiveMember, path: string): string {
  const type = m.kind === 'dir' ? 'dir' : m.kind === 'symlink' ? 'symlink' : 'file';
  const size = m.kind === 'file' ? (m.data ?? '').length : 0;
  const owner = `${m.owner}/${m.group}`;
  const d = new Date(m.mtime * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const when = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const link = m.kind === 'symlink' ? ` -> ${m.target ?? ''}` : '';
  return `${modeString({ kind: type, mode: m.mode })} ${owner}${String(size).padStart(Math.max(19 - owner.length, String(size).length + 1))} ${when} ${path}${link}`;
}

function* extract(
  m: ArchiveMember,
  path: string,
  root: boolean,
  umask: number,
): Gen<string | undefined> {
  const clean = path.replace(/\/$/, '');
  yield* makeParents(clean);
  const mode = root ? m.mode : m.mode & ~umask;
  if (m.kind === 'dir') {
    const made = yield* sys.mkdir(clean, 0o700);
    if (made instanceof Errno && made.code !== 'EEXIST')
      return `tar: ${clean}: Cannot mkdir: ${made.message}\n`;
  } else if (m.kind === 'symlink') {
    yield* sys.unlink(clean);
    const made = yield* sys.symlink(m.target ?? '', clean);
    if (made instanceof Errno)
      return `tar: ${clean}: Cannot create symlink to '${m.target ?? ''}': ${made.message}\n`;
    if (root) yield* sys.lchown(clean, m.uid, m.gid);
    yield* sys.utimensat(clean, 'now', m.mtime * 1000, false);
    return undefined;
  } else {
    yield* sys.unlink(clean);
    const fd = yield* sys.open(clean, { write: true, create: true, truncate: true }, 0o600);
    if (fd instanceof Errno) return `tar: ${clean}: Cannot open: ${fd.message}\n`;
    yield* sys.write(fd, m.data ?? '');
    yield* sys.close(fd);
  }
  if (root) yield* sys.chown(clean, m.uid, m.gid);
  yield* sys.chmod(clean, mode);
  // GNU tar restores the member's modification time (the access time becomes now).
  if (m.kind !== 'dir') yield* sys.utimensat(clean, 'now', m.mtime * 1000, true);
  return undefined;
}

function* makeParents(path: string): Gen<void> {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (dir !== '') yield* sys.mkdir(dir, 0o755);
  }
}

function* create(o: Options): Gen<number> {
  if (o.directory !== undefined) {
    const changed = yield* sys.chdir(o.directory);
    if (changed instanceof Errno) {
      yield* err(`tar: ${o.directory}: Cannot open: ${changed.message}\n${FATAL}`);
      return 2;
    }
  }
  if (o.operands.length === 0) {
    yield* err(
      `tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n`,
    );
    return 2;
  }
  const db = yield* readUserDb();
  const members: ArchiveMember[] = [];
  let status = 0;
  for (const operand of o.operands) {
    const st = yield* sys.lstat(operand);
    if (st instanceof Errno) {
      yield* err(`tar: ${operand}: Cannot stat: ${st.message}\n`);
      status = 2;
      continue;
    }
    yield* walk(
      { path: operand, st, depth: 0 },
      {
        *enter(entry) {
          const member = yield* memberOf(entry.path, entry.st, db);
          if (member) {
            members.push(member);
            if (o.verbose)
              yield* (o.file === '-' || o.file === undefined ? err : out)(`${member.name}\n`);
          }
          return true;
        },
        *unreadable(entry, errno) {
          yield* err(`tar: ${entry.path}: Cannot open: ${errno.message}\n`);
          status = 2;
        },
      },
    );
  }
  const archive = encodeArchive({ gzip: o.gzip, members });
  if (o.file === undefined || o.file === '-') yield* sys.write(STDOUT, archive);
  else {
    const fd = yield* sys.open(o.file, { write: true, create: true, truncate: true }, 0o666);
    if (fd instanceof Errno) {
      yield* err(`tar: ${o.file}: Cannot open: ${fd.message}\n${FATAL}`);
      return 2;
    }
    yield* sys.write(fd, archive);
    yield* sys.close(fd);
  }
  if (status) yield* err(FAILED);
  return status;
}

function* memberOf(
  path: string,
  st: { kind: string; mode: number; uid: number; gid: number; mtime: number },
  db: UserDb,
): Gen<ArchiveMember | undefined> {
  const name = path.replace(/^\/+/, '');
  const base = {
    mode: st.mode & 0o7777,
    uid: st.uid,
    gid: st.gid,
    owner: db.users.find((u) => u.uid === st.uid)?.name ?? String(st.uid),
    group: db.groups.find((g) => g.gid === st.gid)?.name ?? String(st.gid),
    mtime: Math.floor(st.mtime / 1000),
  };
  if (st.kind === 'dir') return { name: name.replace(/\/?$/, '/'), kind: 'dir', ...base };
  if (st.kind === 'symlink') {
    const target = yield* sys.readlink(path);
    return { name, kind: 'symlink', target: target instanceof Errno ? '' : target, ...base };
  }
  if (st.kind !== 'file') return undefined;
  const data = yield* readFile(path);
  return { name, kind: 'file', data: data instanceof Errno ? '' : data, ...base };
}
