import type { CreateRequest } from '../../docker/api.ts';
import { parseSignal } from '../../kernel/signals.ts';
import { getenv } from '../lib/io.ts';
import { isOn } from './command.ts';
import type { ParsedFlags } from './flags.ts';

/** Flags this simulator acts on; the others are recognised but not modelled yet. */
export const MODELLED_RUN_FLAGS = new Set([
  'rm',
  'name',
  'help',
  'interactive',
  'tty',
  'detach',
  'user',
  'workdir',
  'env',
  'volume',
  'entrypoint',
  'init',
  'stop-signal',
  'stop-timeout',
]);

type Values = ParsedFlags['values'];
const last = (values: Values, name: string) => values.get(name)?.at(-1);

/** -e NAME=value, or -e NAME to pass the client's own value (dropped when unset, as docker does). */
export function environment(values: Values, envp: readonly string[]): string[] {
  return (values.get('env') ?? []).flatMap((entry) => {
    if (entry.includes('=')) return [entry];
    const value = getenv(envp, entry);
    return value === undefined ? [] : [`${entry}=${value}`];
  });
}

/** -v HOST:CONTAINER[:ro]; only bind mounts of absolute host paths are modelled. */
function volumes(values: Values): CreateRequest['volumes'] | { error: string } {
  const binds: { hostPath: string; containerPath: string }[] = [];
  for (const spec of values.get('volume') ?? []) {
    const [hostPath = '', containerPath = ''] = spec.split(':');
    if (!hostPath.startsWith('/') || !containerPath.startsWith('/')) {
      return {
        error: `named volumes (-v ${spec}) are not available in Stepdown yet (see src/sim/LIMITATIONS.md)`,
      };
    }
    binds.push({ hostPath, containerPath });
  }
  return binds;
}

/** The create request behind a docker run command line. */
export function createRequest(
  values: Values,
  image: string,
  cmd: readonly string[],
  envp: readonly string[],
): CreateRequest | { error: string } {
  const binds = volumes(values);
  if (binds && 'error' in binds) return binds;
  const text = (name: string) => {
    const value = last(values, name);
    return value === undefined ? {} : { [name]: value };
  };
  const stopSignal = last(values, 'stop-signal');
  const stopTimeout = last(values, 'stop-timeout');
  const user = text('user');
  const workdir = text('workdir');
  const entrypoint = text('entrypoint');
  return {
    op: 'create',
    image,
    cmd,
    autoRemove: isOn(values, 'rm'),
    ...text('name'),
    ...('user' in user ? { user: user.user } : {}),
    ...('workdir' in workdir ? { workingDir: workdir.workdir } : {}),
    ...('entrypoint' in entrypoint ? { entrypoint: entrypoint.entrypoint } : {}),
    env: environment(values, envp),
    ...(binds ? { volumes: binds } : {}),
    ...(isOn(values, 'init') ? { init: true } : {}),
    ...(isOn(values, 'tty') ? { tty: true } : {}),
    ...(isOn(values, 'interactive') ? { openStdin: true } : {}),
    ...(stopSignal === undefined ? {} : { stopSignal: parseSignal(stopSignal) ?? 15 }),
    ...(stopTimeout === undefined ? {} : { stopTimeout: Number(stopTimeout) }),
  };
}
