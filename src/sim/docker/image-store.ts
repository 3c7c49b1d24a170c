import type { Image } from './images/image.ts';

/** "ubuntu:trusty" stays, "lab" becomes "lab:latest", "docker.io/library/x" becomes "x". */
export function normaliseReference(reference: string): string {
  const short = reference.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const lastSlash = short.lastIndexOf('/');
  return short.slice(lastSlash + 1).includes(':') ? short : `${short}:latest`;
}

export function findImage(images: readonly Image[], reference: string): Image | undefined {
  return images.find((image) =>
    image.tags.some((tag) => `${image.repository}:${tag}` === reference),
  );
}
