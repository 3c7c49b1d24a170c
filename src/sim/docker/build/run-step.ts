import type { Inode } from '../../kernel/vfs/inode.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Syscall } from '../../kernel/syscall-api.ts';
import { isEngineError, type CreateRequest, type EngineError } from '../api.ts';
import type { BuildBackend, BuildState } from './build-state.ts';
import { commandLine } from './config-steps.ts';
import { runCreatedBy } from './created-by.ts';
import type { Instruction } from './instruction.ts';
import { layerSize } from './layer-size.ts';

export type RunStepResult =
  | {
      readonly createdBy: string;
      readonly rootfs: Inode;
      readonly size: number;
      readonly containerId: string;
    }
  | { readonly error: string; readonly status: number };

/**
 * RUN (moby dispatchers.go dispatchRun, containerbackend.go Run): a
 * container of the current image runs the command (the shell form through
 * `/bin/sh -c`), with no entrypoint and the build arguments in its
 * environment; its output goes to the build's output (the builder's
 * stdout, and stderr, which the daemon colours). A non-zero exit ends the
 * build with "The command '…' returned a non-zero code: N"; otherwise the
 * container's file system is the new layer.
 */
export function* runStep(
  instruction: Instruction,
  state: BuildState,
  backend: BuildBackend,
  buildArgs: readonly string[],
): Generator<Syscall, RunStepResult, unknown> {
  const cmd = commandLine(instruction, state.config.shell);
  const image = state.image?.id;
  if (image === undefined)
    return { error: 'Please provide a source image with `from` prior to run', status: 1 };
  const request: CreateRequest = {
    op: 'create',
    image,
    cmd,
    entrypoint: '',
    autoRemove: true,
    user: state.config.user,
    env: buildArgs,
  };
  const created = (yield* sys.service('docker', request)) as { id: string } | EngineError;
  if (isEngineError(created)) return { error: created.error, status: 1 };
  const id = created.id;
  yield* sys.write(1, ` ---> Running in ${id.slice(0, 12)}\n`);
  yield* sys.service('docker', { op: 'start-attached', id });
  const rootfs = backend.containerRoot(id);
  const ended = (yield* sys.service('docker', { op: 'wait', id })) as
    { exitCode: number } | EngineError;
  if (isEngineError(ended)) return { error: ended.error, status: ended.status };
  if (ended.exitCode !== 0)
    return {
      error: `The command '${cmd.join(' ')}' returned a non-zero code: ${ended.exitCode}`,
      status: ended.exitCode,
    };
  if (!rootfs) return { error: `No such container: ${id}`, status: 1 };
  return {
    createdBy: runCreatedBy(cmd, buildArgs),
    rootfs,
    size: layerSize(state.rootfs, rootfs),
    containerId: id,
  };
}
