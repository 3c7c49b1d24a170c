import type { EngineError } from '../api.ts';
import type { BuildContext } from './build-context.ts';
import type { ParsedDockerfile } from './instruction.ts';

// The daemon's image requests (build, images, history) and their answers, as the client sees them.

/** An image the daemon builds from its Dockerfile the first time it is needed (redis:5.0 …). */
export interface ImageRecipe {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly dockerfile: ParsedDockerfile;
  readonly context: BuildContext;
}

/** `docker build`: the context the client sends, with the Dockerfile inside it. */
export interface BuildImageRequest {
  readonly op: 'build';
  readonly context: BuildContext;
  readonly tags: readonly string[];
  readonly buildArgs?: readonly (readonly [string, string])[];
  /** -q: no build output; the client prints the image ID. */
  readonly quiet?: boolean;
  readonly noCache?: boolean;
}

/** A failed build: `response` when the daemon answered the request with it, before any output. */
export interface BuildError extends EngineError {
  readonly response?: boolean;
}

export interface ImageSummary {
  readonly repository: string;
  readonly tag: string;
  readonly id: string;
  readonly created: number;
  readonly size: number;
  /** Another image was built on it (a build's intermediate image, hidden by `docker images`). */
  readonly hasChildren: boolean;
}

export interface HistoryRow {
  /** The image of this layer, or "<missing>" when it is not in the store. */
  readonly id: string;
  readonly created: number;
  readonly createdBy: string;
  readonly size: number;
  readonly comment: string;
}

export type ImageRequest =
  | BuildImageRequest
  | { readonly op: 'images' }
  | { readonly op: 'history'; readonly ref: string }
  /** The builder's FROM: a catalog image not built yet is built first (as a pull would fetch it). */
  | { readonly op: 'image-ensure'; readonly ref: string };
