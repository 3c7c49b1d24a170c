import { isEngineError } from '../../docker/api.ts';
import {
  contextTarSize,
  type BuildContext,
  type ContextEntry,
} from '../../docker/build/build-context.ts';
import type { BuildError, BuildImageRequest } from '../../docker/build/image-requests.ts';
import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, readFile, type Gen } from '../lib/io.ts';
import { walk } from '../lib/walk.ts';
import { command, flag, isOn } from './command.ts';
import { callDaemon } from './daemon.ts';
import { BUILD_HELP } from './help-texts.ts';
import { humanSize } from './human-size.ts';
import { referenceError } from './image-reference.ts';

/**
 * Without the buildx plugin the 28.2.2 client falls back to the legacy
 * builder and says so on stderr first, whatever the arguments (captured:
 * `docker build` on the recording machine, which has no buildx). The help
 * capture holds the notice followed by the usage.
 */
const USAGE_AT = BUILD_HELP.indexOf('Usage:');
export const LEGACY_BUILDER_NOTICE = BUILD_HELP.slice(0, USAGE_AT);
const HELP = BUILD_HELP.slice(USAGE_AT);

const absolute = (cwd: string, path: string) =>
  path.startsWith('/') ? path : `${cwd === '/' ? '' : cwd}/${path}`.replace(/\/\.?$/, '') || '/';

/**
 * The context directory as the client tars it (build.GetContextFromLocalDir,
 * archive.TarWithOptions): every entry below it the user can read, paths
 * relative to it, owned by root in the archive.
 */
function* readContext(dir: string, dockerfile: string): Gen<BuildContext> {
  const entries: ContextEntry[] = [];
  const root = yield* sys.lstat(dir);
  if (root instanceof Errno) return { entries, dockerfile };
  yield* walk(
    { path: dir, st: root, depth: 0 },
    {
      *enter(entry) {
        if (entry.depth === 0) return true;
        const path = entry.path.slice(dir.length).replace(/^\/+/, '');
        const base = {
          path,
          perm: entry.st.mode & 0o7777,
          mtime: entry.st.mtime,
          target: '',
          data: '',
        };
        if (entry.st.kind === 'dir') entries.push({ ...base, kind: 'dir' });
        else if (entry.st.kind === 'symlink') {
          const target = yield* sys.readlink(entry.path);
          entries.push({ ...base, kind: 'symlink', target: target instanceof Errno ? '' : target });
        } else if (entry.st.kind === 'file') {
          const data = yield* readFile(entry.path);
          entries.push({ ...base, kind: 'file', data: data instanceof Errno ? '' : data });
        }
        return true;
      },
      *unreadable() {
        /* left out, as an unreadable directory would fail the tar */
      },
    },
  );
  return { entries, dockerfile };
}

/** The flags the simulated builder honours; the others of `docker build --help` say they are not available. */
const MODELLED = new Set(['tag', 'file', 'quiet', 'build-arg', 'no-cache', 'help']);

const legacyBuild = command({
  name: 'build',
  help: HELP,
  minArgs: 1,
  argCount: 'exact',
  // cli/command/image/build.go: -t goes through validateTag (reference.ParseNormalizedNamed) as pflag sets it.
  validate: (flags) => {
    for (const tag of flags.get('tag') ?? []) {
      const problem = referenceError(tag);
      if (problem !== undefined)
        return `invalid argument "${tag}" for "-t, --tag" flag: ${problem}`;
    }
    return undefined;
  },
  *run(flags, args) {
    const unmodelled = [...flags.keys()].find((f) => !MODELLED.has(f));
    if (unmodelled !== undefined) {
      yield* err(`docker: 'docker build --${unmodelled}' is not available in Stepdown yet\n`);
      return 1;
    }
    const [target = ''] = args;
    const me = yield* sys.self();
    if (target === '-' || /^[a-z]+:\/\//.test(target) || target.startsWith('git@')) {
      yield* err(
        `docker: building from ${target === '-' ? 'standard input' : 'a URL'} is not available in Stepdown yet\n`,
      );
      return 1;
    }
    const dir = absolute(me.cwd, target);
    const st = yield* sys.stat(dir);
    if (st instanceof Errno) {
      // cli/command/image/build.go RunBuild: the context is neither a directory nor a URL.
      yield* err(`unable to prepare context: path "${target}" not found\n`);
      return 1;
    }
    const file = flag(flags, 'file');
    const dockerfilePath = file === undefined ? `${dir}/Dockerfile` : absolute(me.cwd, file);
    const found = yield* sys.lstat(dockerfilePath);
    if (found instanceof Errno) {
      // build/context.go GetContextFromLocalDir → ResolveAndValidateContextPath.
      yield* err(
        `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dockerfilePath}: no such file or directory\n`,
      );
      return 1;
    }
    const relative = dockerfilePath.startsWith(`${dir}/`)
      ? dockerfilePath.slice(dir.length + 1)
      : 'Dockerfile';
    const context = yield* readContext(dir, relative);
    const quiet = isOn(flags, 'quiet');
    if (!quiet)
      // progress.NewProgressReader over the context, last update only (not a terminal), then
      // progressOutput's newline: rawProgressFormatter "action progress\r" + "\r\n".
      yield* out(
        `Sending build context to Docker daemon ${humanSize(contextTarSize(context)).padStart(8)}\r\r\n`,
      );
    const request: BuildImageRequest = {
      op: 'build',
      context,
      tags: flags.get('tag') ?? [],
      buildArgs: (flags.get('build-arg') ?? []).map((a) => {
        const eq = a.indexOf('=');
        return eq < 0 ? [a, ''] : [a.slice(0, eq), a.slice(eq + 1)];
      }),
      ...(quiet ? { quiet: true } : {}),
      ...(isOn(flags, 'no-cache') ? { noCache: true } : {}),
    };
    const result = (yield* callDaemon(request)) as { id: string } | BuildError;
    if (isEngineError(result)) {
      // An error response is the client's "Error response from daemon: …"; an error in the
      // stream is a jsonmessage.JSONError → cli.StatusError: the message alone, its code (1 when none).
      yield* err(`${result.response ? 'Error response from daemon: ' : ''}${result.error}\n`);
      return result.status === 0 ? 1 : result.status;
    }
    if (quiet) yield* out(`sha256:${result.id}\n`);
    return 0;
  },
});

/** `docker build [-t NAME] PATH` with the legacy (classic) builder. */
export function* build(args: readonly string[]): Gen<number> {
  yield* err(LEGACY_BUILDER_NOTICE);
  return yield* legacyBuild(args);
}
