import type { FileStat } from '../../kernel/stat.ts';

const TYPE_LETTER: Record<FileStat['kind'], string> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  chardev: 'c',
};

/** gnulib filemodestring: "drwxr-xr-x", with s/S, t/T for the set-id and sticky bits. */
export function modeString(st: Pick<FileStat, 'kind' | 'mode'>): string {
  const m = st.mode;
  const triad = (shift: number, special: number, set: string) => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const x = m & (1 << shift);
    const last = m & special ? (x ? set : set.toUpperCase()) : x ? 'x' : '-';
    return r + w + last;
  };
  return (
    TYPE_LETTER[st.kind] + triad(6, 0o4000, 's') + triad(3, 0o2000, 's') + triad(0, 0o1000, 't')
  );
}

/**
 * 512-byte blocks a file occupies (st_blocks) on the ext4/overlayfs disks
 * images live on: whole 4 KiB blocks for data, none for short symlinks and
 * devices. FileStat has no st_blocks yet, so it is derived here.
 */
export function blocksOf(st: Pick<FileStat, 'kind' | 'size'>): number {
  if (st.kind !== 'file' && st.kind !== 'dir') return 0;
  return Math.ceil(st.size / 4096) * 8;
}

/** Major and minor numbers of the character devices images have (devices.txt in the kernel docs). */
export const DEVICE_NUMBERS: Record<string, readonly [number, number]> = {
  null: [1, 3],
  zero: [1, 5],
  full: [1, 7],
  random: [1, 8],
  urandom: [1, 9],
  tty: [5, 0],
};
