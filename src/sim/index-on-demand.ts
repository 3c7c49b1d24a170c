/**
 * The simulator's entry for the browser's worker (ADR 0010): the kernel, the
 * shells and the terminal come at once; the other programs and the Docker
 * daemon are fetched when first needed, or earlier by prefetchPieces().
 */
export * from './api.ts';
export { prefetchPieces } from './pieces/index.ts';
