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
