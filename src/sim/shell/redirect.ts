import { Errno } from '../kernel/errno.ts';
import * as sys from '../kernel/syscall-api.ts';
import type { OpenFlags } from '../kernel/syscall-api.ts';
import type { Redirect } from './ast.ts';
import { complain, type Gen } from './diagnostics.ts';
import { expandString } from './expand.ts';
import type { ShellState } from './state.ts';

/** Descriptors the shell moved out of the way, to put back after a builtin or compound command. */
export type Saved = { fd: number; copy: number | undefined }[];

const FLAGS: Readonly<Record<string, OpenFlags>> = {
  '<': { read: true },
  '>': { write: true, create: true, truncate: true },
  '>|': { write: true, create: true, truncate: true },
  '>>': { write: true, create: true, append: true },
  '<>': { read: true, write: true, create: true },
};

/**
 * Performs redirections in order (XCU 2.7). With `saved`, each descriptor's
 * old file is kept (above 10, close-on-exec) so it can be restored. Returns
 * the failure status after reporting it, or undefined on success.
 */
export function* applyRedirects(
  sh: ShellState,
  redirects: readonly Redirect[],
  saved?: Saved,
): Gen<number | undefined> {
  for (const r of redirects) {
    const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
    const source = yield* sourceFd(sh, r);
    if (typeof source === 'object') return source.failed;
    if (saved && !saved.some((s) => s.fd === fd)) {
      const copy = yield* sys.dupfd(fd, 10, true);
      saved.push({ fd, copy: copy instanceof Errno ? undefined : copy });
    }
    if (source === 'close') yield* sys.close(fd);
    else if (source !== fd) {
      const dup = yield* sys.dup2(source, fd);
      if (r.op !== '<&' && r.op !== '>&') yield* sys.close(source);
      if (dup instanceof Errno) {
        yield* complain(sh, `${r.fd ?? ''}${r.op}${source}: Bad file descriptor`);
        return sh.dialect.name === 'bash' ? 1 : 2;
      }
    }
  }
  return undefined;
}

/** The descriptor to copy from: a file opened, a pipe holding a here-document, an existing fd, or 'close'. */
function* sourceFd(sh: ShellState, r: Redirect): Gen<number | 'close' | { failed: number }> {
  if (r.op === '<<' || r.op === '<<-') return yield* heredocFd(sh, r);
  const target = yield* expandString(sh, r.target);
  if (r.op === '<&' || r.op === '>&') {
    if (target === '-') return 'close';
    if (/^[0-9]+$/.test(target)) return Number(target);
    if (r.op === '>&') return yield* openFile(sh, target, '>');
    yield* complain(
      sh,
      sh.dialect.name === 'bash' ? `${target}: ambiguous redirect` : `Syntax error: Bad fd number`,
    );
    return { failed: 2 };
  }
  return yield* openFile(sh, target, r.op);
}

function* openFile(sh: ShellState, path: string, op: string): Gen<number | { failed: number }> {
  if (op === '>' && sh.options.noclobber) {
    // set -C (XCU 2.7.2): `>` fails on an existing regular file; `>|` overrides.
    const st = yield* sys.stat(path);
    if (!(st instanceof Errno) && st.kind === 'file') {
      const error =
        sh.dialect.name === 'bash'
          ? { text: `${path}: cannot overwrite existing file`, status: 1 }
          : sh.dialect.cannotCreate(path, new Errno('EEXIST'));
      yield* complain(sh, error.text);
      return { failed: error.status };
    }
  }
  const fd = yield* sys.open(path, FLAGS[op] ?? { read: true }, 0o666);
  if (!(fd instanceof Errno)) return fd;
  const error = op === '<' ? sh.dialect.cannotOpen(path, fd) : sh.dialect.cannotCreate(path, fd);
  yield* complain(sh, error.text);
  return { failed: error.status };
}

function* heredocFd(sh: ShellState, r: Redirect): Gen<number | { failed: number }> {
  let body = r.heredoc ? yield* expandString(sh, r.heredoc) : '';
  if (r.op === '<<-' && r.heredoc === undefined) body = '';
  const pipe = yield* sys.pipe();
  if (pipe instanceof Errno) return { failed: 2 };
  if (body !== '') yield* sys.write(pipe[1], body);
  yield* sys.close(pipe[1]);
  return pipe[0];
}

/** Puts saved descriptors back (in reverse order). */
export function* restoreRedirects(saved: Saved): Gen<void> {
  for (const { fd, copy } of [...saved].reverse()) {
    if (copy === undefined) yield* sys.close(fd);
    else {
      yield* sys.dup2(copy, fd);
      yield* sys.close(copy);
    }
  }
}

/** Runs `body` with the redirections in place, then restores the shell's descriptors. */
export function* withRedirects(
  sh: ShellState,
  redirects: readonly Redirect[],
  body: () => Gen<number>,
): Gen<number> {
  if (redirects.length === 0) return yield* body();
  const saved: Saved = [];
  try {
    const failed = yield* applyRedirects(sh, redirects, saved);
    if (failed !== undefined) return failed;
    return yield* body();
  } finally {
    yield* restoreRedirects(saved);
  }
}
