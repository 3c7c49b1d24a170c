import { getenv } from '../userland/lib/io.ts';
import type { Container } from './container.ts';

/** system.DefaultPathEnv("linux") in moby: the PATH a container gets when its image sets none. */
const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const nameOf = (entry: string) => entry.split('=', 1)[0] as string;

/**
 * moby's ReplaceOrAppendEnvValues (container/env.go): each override replaces
 * the entry of its name in place, or is appended.
 */
export function replaceOrAppend(
  defaults: readonly string[],
  overrides: readonly string[],
): string[] {
  const env = [...defaults];
  for (const entry of overrides) {
    const at = env.findIndex((e) => nameOf(e) === nameOf(entry));
    if (at >= 0) env[at] = entry;
    else env.push(entry);
  }
  return env;
}

/**
 * Config.Env as docker inspect shows it: the -e values, then the image's ENV
 * lines whose names -e did not set (moby daemon/commit.go merge). HOSTNAME,
 * TERM and HOME are only in the processes' environment.
 */
export function configEnv(container: Container): string[] {
  const set = new Set(container.config.env.map(nameOf));
  return [
    ...container.config.env,
    ...container.image.config.env.filter((entry) => !set.has(nameOf(entry))),
  ];
}

/**
 * The environment the daemon gives a container's processes (moby
 * container.go CreateDaemonEnvironment): PATH, HOSTNAME, TERM=xterm with a
 * terminal, then Config.Env replacing or appended. runc then adds HOME when
 * it is missing (the caller does that, knowing the user).
 */
export function daemonEnvironment(container: Container, tty: boolean): string[] {
  return replaceOrAppend(
    [DEFAULT_PATH, `HOSTNAME=${container.hostname}`, ...(tty ? ['TERM=xterm'] : [])],
    configEnv(container),
  );
}

/** runc: HOME, when the environment has none, from the user's entry (or its default). */
export function withHome(env: readonly string[], home: string): readonly string[] {
  return getenv(env, 'HOME') === undefined ? [...env, `HOME=${home}`] : env;
}
