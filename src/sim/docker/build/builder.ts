import * as sys from '../../kernel/syscall-api.ts';
import { isEngineError } from '../api.ts';
import type { Syscall } from '../../kernel/syscall-api.ts';
import { Inode } from '../../kernel/vfs/inode.ts';
import { normaliseReference, pullDenied } from '../image-store.ts';
import type { Image } from '../images/image.ts';
import type { BuildContext } from './build-context.ts';
import {
  cachedStep,
  commitStep,
  configFrom,
  type BuildBackend,
  type BuildState,
} from './build-state.ts';
import { runCreatedBy } from './created-by.ts';
import { commandLine, configStep, CONFIG_KEYWORDS } from './config-steps.ts';
import { copyStep } from './copy-step.ts';
import type { Instruction, ParsedDockerfile } from './instruction.ts';
import { runStep } from './run-step.ts';
import { envMap, expandWord } from './word-expansion.ts';

export interface BuildRequest {
  readonly dockerfile: ParsedDockerfile;
  readonly context: BuildContext;
  /** --build-arg NAME=value */
  readonly buildArgs: ReadonlyMap<string, string>;
  /** --no-cache: run every step even when the store has its image. */
  readonly noCache?: boolean;
  /** The tags the image will get: walkthroughs that follow the build see them (build-step probes). */
  readonly tags: readonly string[];
}

export type BuildOutcome =
  { readonly image: Image } | { readonly error: string; readonly status: number };

const out = (text: string) => sys.write(1, text);
/** internals.go probeCache. */
const USING_CACHE = ' ---> Using cache\n';

/**
 * The classic builder (moby daemon/builder/dockerfile builder.go
 * dispatchDockerfileWithCancellation, evaluator.go dispatch), run by a
 * daemon process: "Step N/M : <instruction>" for every instruction, then
 * what the step did, then " ---> <image ID>". Config-only steps commit
 * through a container that never starts (" ---> Running in …" and
 * " ---> Removed intermediate container …"); RUN runs one; COPY and ADD
 * write the layer directly. The output goes to the process's stdout.
 */
export function* build(
  request: BuildRequest,
  backend: BuildBackend,
): Generator<Syscall, BuildOutcome, unknown> {
  const instructions = request.dockerfile.instructions;
  const total = instructions.length;
  const metaArgs = new Map<string, string>();
  const stages = new Map<string, Image | undefined>();
  let state: BuildState | undefined;
  let stageName = '';
  for (let i = 0; i < instructions.length; i++) {
    const instruction = instructions[i];
    if (!instruction) continue;
    yield* probeStep(request.tags, i + 1, total, instruction);
    yield* out(`Step ${i + 1}/${total} : ${instruction.original}\n`);
    if (instruction.keyword === 'FROM') {
      // A catalog image not built yet is built first, where Docker would pull it.
      const base = expandWord(instruction.args[0] ?? '', metaArgs);
      if (base !== 'scratch' && !stages.has(base.toLowerCase())) {
        const ensured = yield* sys.service('docker', { op: 'image-ensure', ref: base });
        if (isEngineError(ensured)) return { error: ensured.error, status: 1 };
      }
      const started = startStage(instruction, metaArgs, stages, backend);
      if ('error' in started) return started;
      state = started;
      // FROM image AS name
      stageName = instruction.args.length === 3 ? (instruction.args[2] ?? '').toLowerCase() : '';
      yield* out(` ---> ${state.image?.id.slice(0, 12) ?? ''}\n`);
      continue;
    }
    if (!state) {
      if (instruction.keyword !== 'ARG')
        return { error: 'no build stage in current context', status: 1 };
      for (const [k, v] of instruction.pairs) {
        const value =
          request.buildArgs.get(k) ?? (v === null ? undefined : expandWord(v, metaArgs));
        if (value !== undefined) metaArgs.set(k, value);
      }
      continue;
    }
    const result = yield* dispatch(instruction, state, request, backend);
    if (result) return result;
    yield* out(` ---> ${state.image?.id.slice(0, 12) ?? ''}\n`);
    if (stageName !== '') stages.set(stageName, state.image);
  }
  if (!state?.image)
    return { error: 'No image was generated. Is your Dockerfile empty?', status: 1 };
  return { image: state.image };
}

function startStage(
  instruction: Instruction,
  metaArgs: ReadonlyMap<string, string>,
  stages: ReadonlyMap<string, Image | undefined>,
  backend: BuildBackend,
): BuildState | { error: string; status: number } {
  const [rawName = ''] = instruction.args;
  const name = expandWord(rawName, metaArgs);
  if (name === '') return { error: `base name (${rawName}) should not be blank`, status: 1 };
  let image: Image | undefined;
  if (stages.has(name.toLowerCase())) image = stages.get(name.toLowerCase());
  else if (name !== 'scratch') {
    image = backend.findImage(name);
    if (!image) return { error: pullDenied(normaliseReference(name)), status: 1 };
  }
  return {
    image,
    config: configFrom(image),
    rootfs:
      image?.rootfs ??
      new Inode({ kind: 'dir', perm: 0o755, uid: 0, gid: 0, mtime: backend.now() }),
    history: [...(image?.history ?? [])],
    args: new Map(),
    cmdSet: false,
  };
}

/** One instruction after FROM; undefined when it went well, the build's end otherwise. */
function* dispatch(
  instruction: Instruction,
  state: BuildState,
  request: BuildRequest,
  backend: BuildBackend,
): Generator<Syscall, { error: string; status: number } | undefined, unknown> {
  // The build arguments a RUN sees: declared with ARG and given a value (BuildArgs.FilterAllowed).
  const buildArgs: string[] = [];
  for (const [name, value] of state.args) {
    const given = request.buildArgs.get(name) ?? value;
    if (given !== null && !state.config.env.some((e) => e.startsWith(`${name}=`)))
      buildArgs.push(`${name}=${given}`);
  }
  const env = envMap([...state.config.env, ...buildArgs]);
  const cached = (createdBy: string, key?: string) =>
    !request.noCache && cachedStep(state, backend, createdBy, key) !== undefined;
  if (instruction.keyword === 'RUN') {
    if (cached(runCreatedBy(commandLine(instruction, state.config.shell), buildArgs))) {
      yield* out(USING_CACHE);
      return undefined;
    }
    const ran = yield* runStep(instruction, state, backend, buildArgs);
    if ('error' in ran) return ran;
    commitStep(state, backend, ran);
    yield* out(` ---> Removed intermediate container ${ran.containerId.slice(0, 12)}\n`);
    return undefined;
  }
  if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') {
    const copied = copyStep(instruction, state, request.context, env, backend.now());
    if ('error' in copied) return { error: copied.error, status: 1 };
    if (cached(copied.createdBy, copied.key)) yield* out(USING_CACHE);
    else commitStep(state, backend, copied);
    return undefined;
  }
  if (!CONFIG_KEYWORDS.has(instruction.keyword))
    return { error: `unsupported command type: ${instruction.keyword}`, status: 1 };
  const changed = configStep(instruction, state, env, backend.now());
  if ('error' in changed) return { error: changed.error, status: 1 };
  if (cached(changed.createdBy)) {
    yield* out(USING_CACHE);
    return undefined;
  }
  const container = backend.configContainerId();
  yield* out(` ---> Running in ${container.slice(0, 12)}\n`);
  commitStep(state, backend, {
    createdBy: changed.createdBy,
    rootfs: changed.rootfs ?? state.rootfs,
    size: 0,
  });
  yield* out(` ---> Removed intermediate container ${container.slice(0, 12)}\n`);
  return undefined;
}

/** Tells walkthroughs which instruction starts, with its place in the Dockerfile (kernel probe). */
function probeStep(tags: readonly string[], step: number, total: number, instruction: Instruction) {
  const { startLine, startColumn, endLine, endColumn } = instruction.span;
  return sys.probe('build-step', () => ({
    type: 'build-step',
    tags,
    step,
    total,
    keyword: instruction.keyword,
    text: instruction.original,
    // dockerfile-ast's 0-based lines and columns, as an editor counts them.
    span: {
      start: { line: startLine + 1, col: startColumn + 1 },
      end: { line: endLine + 1, col: endColumn + 1 },
    },
  }));
}
