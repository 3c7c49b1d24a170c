import { copyTree, TreeBuilder } from '../../kernel/vfs/tree-builder.ts';
import type { Inode } from '../../kernel/vfs/inode.ts';
import { parseSignal } from '../../kernel/signals.ts';
import type { BuildState } from './build-state.ts';
import { goList, goQuoteList, nopComment, nopCommentString, DEFAULT_SHELL } from './created-by.ts';
import type { Instruction } from './instruction.ts';
import { expandWord } from './word-expansion.ts';

/** A step that changes the config (and, for WORKDIR, may create a directory). */
export type ConfigStepResult =
  { readonly createdBy: string; readonly rootfs?: Inode } | { readonly error: string };

/** The instructions the classic builder commits through a config-only container. */
export const CONFIG_KEYWORDS = new Set([
  'ENV',
  'LABEL',
  'ARG',
  'CMD',
  'ENTRYPOINT',
  'EXPOSE',
  'USER',
  'VOLUME',
  'STOPSIGNAL',
  'SHELL',
  'WORKDIR',
  'MAINTAINER',
]);

/** The shell form's command through the SHELL (default /bin/sh -c), or the exec form's strings. */
export function commandLine(instruction: Instruction, shell: readonly string[] | null): string[] {
  if (instruction.form === 'exec') return [...instruction.args];
  return [...(shell ?? DEFAULT_SHELL), ...instruction.args];
}

function setEnv(env: string[], name: string, value: string): void {
  const at = env.findIndex((e) => e.slice(0, e.indexOf('=')) === name);
  if (at >= 0) env[at] = `${name}=${value}`;
  else env.push(`${name}=${value}`);
}

/** moby normalizeWorkdir: relative paths join the current one; the result is cleaned. */
export function normalizeWorkdir(current: string, requested: string): string {
  const joined = requested.startsWith('/') ? requested : `${current || '/'}/${requested}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function configStep(
  instruction: Instruction,
  state: BuildState,
  env: ReadonlyMap<string, string>,
  now: number,
): ConfigStepResult {
  const config = state.config;
  const word = (w: string) => expandWord(w, env);
  const words = () => instruction.args.map(word);
  const shell = config.shell;
  switch (instruction.keyword) {
    case 'ENV': {
      const pairs = instruction.pairs.map(([k, v]) => [word(k), word(v ?? '')] as const);
      for (const [k, v] of pairs) setEnv(config.env, k, v);
      return {
        createdBy: nopComment(
          `ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`,
          shell ?? undefined,
        ),
      };
    }
    case 'LABEL': {
      const pairs = instruction.pairs.map(([k, v]) => [word(k), word(v ?? '')] as const);
      for (const [k, v] of pairs) config.labels[k] = v;
      return {
        createdBy: nopComment(
          `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`,
          shell ?? undefined,
        ),
      };
    }
    case 'ARG': {
      const parts: string[] = [];
      for (const [k, v] of instruction.pairs) {
        const value = v === null ? null : word(v);
        if (!state.args.has(k) || state.args.get(k) === null) state.args.set(k, value);
        parts.push(value === null ? k : `${k}=${value}`);
      }
      return { createdBy: nopComment(`ARG ${parts.join(' ')}`, shell ?? undefined) };
    }
    case 'CMD': {
      config.cmd = commandLine(instruction, shell);
      if (instruction.args.length > 0) state.cmdSet = true;
      return { createdBy: nopComment(`CMD ${goQuoteList(config.cmd)}`, shell ?? undefined) };
    }
    case 'ENTRYPOINT': {
      config.entrypoint = commandLine(instruction, shell);
      if (!state.cmdSet) config.cmd = null;
      return {
        createdBy: nopComment(`ENTRYPOINT ${goQuoteList(config.entrypoint)}`, shell ?? undefined),
      };
    }
    case 'EXPOSE': {
      const ports = instruction.args.flatMap((p) => word(p).split(/\s+/).filter(Boolean));
      for (const port of ports) {
        const spec = port.includes('/') ? port : `${port}/tcp`;
        if (!config.exposedPorts.includes(spec)) config.exposedPorts.push(spec);
      }
      return { createdBy: nopComment(`EXPOSE ${ports.join(' ')}`, shell ?? undefined) };
    }
    case 'USER':
      config.user = word(instruction.args[0] ?? '');
      return { createdBy: nopComment(`USER ${config.user}`, shell ?? undefined) };
    case 'VOLUME': {
      const volumes = words();
      for (const v of volumes) {
        if (v === '') return { error: 'VOLUME specified can not be an empty string' };
        if (!config.volumes.includes(v)) config.volumes.push(v);
      }
      return { createdBy: nopComment(`VOLUME ${goList(volumes)}`, shell ?? undefined) };
    }
    case 'STOPSIGNAL': {
      const signal = word(instruction.args[0] ?? '');
      // moby/sys signal.ParseSignal's error ("invalid signal: %s").
      if (parseSignal(signal) === undefined) return { error: `invalid signal: ${signal}` };
      config.stopSignal = signal;
      return { createdBy: nopComment(`STOPSIGNAL ${signal}`, shell ?? undefined) };
    }
    case 'SHELL':
      config.shell = [...instruction.args];
      return { createdBy: nopComment(`SHELL ${goList(config.shell)}`, config.shell) };
    case 'MAINTAINER':
      return {
        createdBy: nopComment(`MAINTAINER ${instruction.args[0] ?? ''}`, shell ?? undefined),
      };
    case 'WORKDIR': {
      config.workingDir = normalizeWorkdir(config.workingDir, word(instruction.args[0] ?? ''));
      return {
        createdBy: nopCommentString(`WORKDIR ${config.workingDir}`, shell ?? undefined),
        ...workdirTree(state, config.workingDir, now),
      };
    }
    default:
      return { error: `unsupported command type: ${instruction.keyword}` };
  }
}

/** ContainerCreateWorkdir: a missing working directory is created (root, 0755); an existing one changes nothing. */
function workdirTree(state: BuildState, path: string, now: number): { rootfs?: Inode } {
  let node: Inode | undefined = state.rootfs;
  for (const part of path.split('/').filter(Boolean)) {
    node = node?.entries.get(part);
    if (node?.kind === 'symlink') return {};
  }
  if (node?.kind === 'dir') return {};
  const rootfs = copyTree(state.rootfs);
  new TreeBuilder(now, rootfs).dir(path);
  return { rootfs };
}
