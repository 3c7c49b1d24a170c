import type { EngineError } from '../api.ts';
import { findImage, normaliseReference } from '../image-store.ts';
import type { Image } from '../images/image.ts';
import type { HistoryRow, ImageSummary } from './image-requests.ts';

/** `docker images`: one row a tag (an untagged image as <none>), newest first. */
export function imageSummaries(images: readonly Image[]): ImageSummary[] {
  const parents = new Set(images.map((i) => i.parent).filter((p) => p !== undefined));
  // Newest first; images made in the same millisecond, the later one first.
  return [...images]
    .reverse()
    .flatMap((image) => {
      const base = {
        id: image.id,
        created: image.created ?? 0,
        size: imageSize(image),
        hasChildren: parents.has(image.id),
      };
      return image.tags.length === 0
        ? [{ ...base, repository: '<none>', tag: '<none>' }]
        : // The reference store lists an image's tags in lexical order.
          [...image.tags].sort().map((tag) => ({ ...base, repository: image.repository, tag }));
    })
    .sort((a, b) => b.created - a.created);
}

/** `docker history`: the image's layers, newest first, each with the image it made when that is still in the store. */
export function imageHistory(images: readonly Image[], ref: string): HistoryRow[] | EngineError {
  const reference = normaliseReference(ref);
  const image = findImage(images, reference);
  if (!image) return { error: `No such image: ${reference}`, status: 1 };
  const rows: HistoryRow[] = [];
  let current: Image | undefined = image;
  const entries = [...(image.history ?? [])].reverse();
  for (const entry of entries) {
    rows.push({ id: current?.id ?? '<missing>', ...entry });
    current =
      current?.parent === undefined ? undefined : images.find((x) => x.id === current?.parent);
  }
  return rows;
}

/** The bytes of an image: its layers' sizes. */
function imageSize(image: Image): number {
  return (image.history ?? []).reduce((sum, entry) => sum + entry.size, 0);
}
