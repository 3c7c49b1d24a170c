import type { ShimSpec } from '../../docker/api.ts';
import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { MountNamespace } from '../../kernel/vfs/mount-namespace.ts';
import { getenv, type Gen } from '../lib/io.ts';
import { goLookPath } from '../lib/path-search.ts';
import { program } from '../lib/program.ts';
import { readUserDb } from '../lib/user-db.ts';
import { resolveUserSpec } from '../gosu/user-spec.ts';
import { afterUserSwitch, beforeUserSwitch } from './oci-capabilities.ts';

/**
 * containerd-shim-runc-v2 with runc folded in: it clones the container's
 * first process into new PID, mount and UTS namespaces, where "runc init"
 * mounts /proc, limits the capabilities to the spec's (oci-capabilities.ts),
 * switches to the configured user, changes to the working
 * directory, starts a new session (runc calls setsid) and execs the command.
 * Then the shim waits for it and tells the daemon how it ended, as
 * containerd-shim does by reaping it.
 */
export const containerdShim = program(
  'containerd/containerd-shim-runc-v2',
  { vszKb: 1238000, rssKb: 13000 },
  function* ({ argv }) {
    const id = argv[argv.indexOf('-id') + 1] ?? '';
    const spec = (yield* sys.service('docker', { op: 'shim-spec', id })) as ShimSpec | null;
    if (!spec || spec instanceof Errno) return 1;
    const child = yield* sys.fork(() => runcInit(id, spec), {
      newPidNamespace: true,
      mountNamespace: spec.mountNamespace as MountNamespace,
      hostname: spec.hostname,
    });
    if (child instanceof Errno) return 1;
    yield* sys.service('docker', { op: 'init-started', id, hostPid: child });
    for (;;) {
      const waited = yield* sys.waitpid(child);
      if (waited instanceof Errno) {
        if (waited.code === 'EINTR') continue;
        return 1;
      }
      if (waited) {
        yield* sys.service('docker', { op: 'exited', id, status: waited.status });
        return 0;
      }
    }
  },
);

function* runcInit(id: string, spec: ShimSpec): Gen<number> {
  const fail = function* (message: string): Gen<number> {
    yield* sys.service('docker', { op: 'init-failed', id, message });
    return 1;
  };
  yield* sys.mountProc('/proc');
  yield* beforeUserSwitch(spec.capabilities);
  let uid = 0;
  if (spec.user !== '') {
    const target = resolveUserSpec(spec.user, yield* readUserDb(), { uid: 0, gid: 0 });
    if ('error' in target) return yield* fail(target.error);
    yield* sys.setgroups(target.groups);
    yield* sys.setgid(target.gid);
    yield* sys.setuid(target.uid);
    uid = target.uid;
  }
  yield* afterUserSwitch(spec.capabilities, uid);
  const cd = yield* sys.chdir(spec.workingDir);
  if (cd instanceof Errno)
    return yield* fail(
      `chdir to cwd ("${spec.workingDir}") set in config.json failed: ${cd.message.toLowerCase()}`,
    );
  yield* sys.setsid();
  const name = spec.argv[0];
  if (name === undefined) return yield* fail('no command specified');
  const path = yield* goLookPath(name, getenv(spec.env, 'PATH') ?? '', 'is a directory');
  if ('error' in path) return yield* fail(`exec: "${name}": ${path.error}`);
  const result = yield* sys.execve(path.path, spec.argv, spec.env);
  return yield* fail(`exec: "${name}": ${result.message.toLowerCase()}`);
}
