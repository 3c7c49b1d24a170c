import type { Inode } from '../../kernel/vfs/inode.ts';
import {
  IMAGE_PATH,
  imageId,
  type HistoryEntry,
  type Image,
  type ImageConfig,
} from '../images/image.ts';

/** The config a build changes step by step (moby's dispatchState.runConfig). */
export interface BuildConfig {
  env: string[];
  cmd: string[] | null;
  entrypoint: string[] | null;
  workingDir: string;
  user: string;
  volumes: string[];
  exposedPorts: string[];
  labels: Record<string, string>;
  stopSignal: string | undefined;
  shell: string[] | null;
}

/** What the daemon gives the builder: images, the clock, and the RUN containers' trees. */
export interface BuildBackend {
  /** An image by name, name:tag or ID (FROM, and RUN's containers by ID). */
  findImage(reference: string): Image | undefined;
  /** Keeps a committed step's image (untagged: an intermediate image). */
  register(image: Image): void;
  now(): number;
  /** The root of a created and started container (to commit after RUN). */
  containerRoot(id: string): Inode | undefined;
  /** An ID for the container of a step that only changes the config. */
  configContainerId(): string;
}

export interface BuildState {
  /** The image of the last step: undefined before FROM and after FROM scratch. */
  image: Image | undefined;
  config: BuildConfig;
  rootfs: Inode;
  history: HistoryEntry[];
  /** ARG names of this stage and their values (--build-arg wins over the default). */
  args: Map<string, string | null>;
  /** CMD was given in this Dockerfile (an ENTRYPOINT then keeps it). */
  cmdSet: boolean;
}

export function configFrom(image: Image | undefined): BuildConfig {
  const c = image?.config;
  const env = [...(c?.env ?? [])];
  // setDefaultPath: PATH is added when the base image sets none.
  if (!env.some((e) => e.startsWith('PATH='))) env.push(IMAGE_PATH);
  return {
    env,
    cmd: c?.cmd ? [...c.cmd] : null,
    entrypoint: c?.entrypoint ? [...c.entrypoint] : null,
    workingDir: c?.workingDir ?? '',
    user: c?.user ?? '',
    volumes: [...(c?.volumes ?? [])],
    exposedPorts: [...(c?.exposedPorts ?? [])],
    labels: { ...(c?.labels ?? {}) },
    stopSignal: c?.stopSignal,
    shell: null,
  };
}

export function imageConfig(config: BuildConfig): ImageConfig {
  return {
    env: [...config.env],
    cmd: config.cmd ? [...config.cmd] : null,
    entrypoint: config.entrypoint ? [...config.entrypoint] : null,
    workingDir: config.workingDir,
    user: config.user,
    ...(config.volumes.length > 0 ? { volumes: [...config.volumes] } : {}),
    ...(config.exposedPorts.length > 0 ? { exposedPorts: [...config.exposedPorts] } : {}),
    ...(Object.keys(config.labels).length > 0 ? { labels: { ...config.labels } } : {}),
    ...(config.stopSignal === undefined ? {} : { stopSignal: config.stopSignal }),
  };
}

/**
 * The ID a step's image gets: from its parent, what the step records, the
 * source hash of a COPY and the config after the step. The same step on the
 * same parent gives the same ID, which is what the build cache looks for.
 */
export function stepImageId(state: BuildState, createdBy: string, key = ''): string {
  const parent = state.image?.id ?? '';
  return imageId(`${parent}\n${createdBy}\n${key}\n${JSON.stringify(state.config)}`);
}

/**
 * The build cache (moby imageprobe.go, daemon's local cache): an image the
 * store already has for this step on this parent is used instead of running
 * the step again (" ---> Using cache").
 */
export function cachedStep(
  state: BuildState,
  backend: BuildBackend,
  createdBy: string,
  key?: string,
): Image | undefined {
  const found = backend.findImage(stepImageId(state, createdBy, key));
  if (!found || found.parent !== state.image?.id) return undefined;
  state.image = found;
  state.rootfs = found.rootfs;
  state.history = [...(found.history ?? [])];
  return found;
}

/**
 * Commits a step: a new untagged image on top of the last one, with the
 * step's tree, config and history row. Its ID is derived from its parent and
 * what the step did, so a build is deterministic (not a content digest).
 */
export function commitStep(
  state: BuildState,
  backend: BuildBackend,
  step: { createdBy: string; rootfs: Inode; size: number; key?: string },
): Image {
  const created = backend.now();
  const entry: HistoryEntry = { created, createdBy: step.createdBy, size: step.size, comment: '' };
  const parent = state.image?.id ?? '';
  const image: Image = {
    repository: '',
    tags: [],
    id: stepImageId(state, step.createdBy, step.key),
    config: imageConfig(state.config),
    rootfs: step.rootfs,
    created,
    history: [...state.history, entry],
    ...(parent === '' ? {} : { parent }),
  };
  backend.register(image);
  state.image = image;
  state.rootfs = step.rootfs;
  state.history = [...state.history, entry];
  return image;
}
