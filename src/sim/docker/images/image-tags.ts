import type { Image } from './image.ts';

/** "redis:5.0" → ["redis", "5.0"]; "x" → ["x", "latest"] (the reference is normalised first). */
export function splitReference(reference: string): [string, string] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) return [reference.slice(0, colon), reference.slice(colon + 1)];
  return [reference, 'latest'];
}

/**
 * Gives `image` the tag repository:tag in the store (docker tag, and a
 * build's -t): the tag leaves the image that had it, which keeps its other
 * tags or, left with none, stays as a dangling `<none>:<none>` image. An
 * image with tags in several repositories is one entry per repository,
 * sharing its ID.
 */
export function tagImage(images: Image[], image: Image, reference: string): void {
  const [repository, tag] = splitReference(reference);
  for (let i = 0; i < images.length; i++) {
    const other = images[i];
    if (!other || other.repository !== repository || !other.tags.includes(tag)) continue;
    if (other.id === image.id) return;
    const remaining = other.tags.filter((t) => t !== tag);
    const twin = images.some((x) => x !== other && x.id === other.id);
    if (remaining.length === 0 && twin) images.splice(i--, 1);
    else images[i] = { ...other, repository: remaining.length === 0 ? '' : other.repository, tags: remaining };
  }
  const same = images.findIndex((x) => x.id === image.id && (x.repository === repository || x.repository === ''));
  const existing = same >= 0 ? images[same] : undefined;
  if (existing) images[same] = { ...existing, repository, tags: [...existing.tags, tag] };
  else images.push({ ...image, repository, tags: [tag] });
}
