import type { FileStat } from '../../kernel/stat.ts';
import { modeString } from '../lib/file-mode.ts';
import { groupById, userById, type UserDb } from '../lib/user-db.ts';
import { lsDate } from './time-style.ts';

/** One name ls prints, with what lstat(2) said and, for a link, its target. */
export interface Listed {
  readonly name: string;
  readonly st: FileStat;
  readonly target?: string;
}

export interface LongOptions {
  readonly numeric: boolean;
  readonly db: UserDb;
  readonly now: number;
}

/** `total N`: the listed files' blocks in 1 KiB units, as ls -l heads a directory. */
export function totalLine(entries: readonly Listed[]): string {
  const kib = entries.reduce((sum, e) => sum + e.st.blocks / 2, 0);
  return `total ${kib}\n`;
}

/**
 * ls -l rows (coreutils 9.1 print_long_format): the link count and size
 * right-aligned, owner and group names left-aligned (numbers, when there
 * is no name or with -n, right-aligned), each column as wide as its widest
 * entry (of `peers`: ls sizes the operand table over directories too); devices show "major, minor" in the size column.
 */
export function longRows(
  entries: readonly Listed[],
  options: LongOptions,
  peers = entries,
): string {
  const cells = entries.map((e) => cellsOf(e, options));
  const sized = peers.map((e) => cellsOf(e, options));
  const widest = (pick: (c: Cells) => string) => Math.max(0, ...sized.map((c) => pick(c).length));
  const links = widest((c) => c.links);
  const owner = widest((c) => c.owner.text);
  const group = widest((c) => c.group.text);
  const major = widest((c) => c.device?.[0] ?? '');
  const minor = widest((c) => c.device?.[1] ?? '');
  const size = Math.max(
    widest((c) => c.size),
    cells.some((c) => c.device) ? major + 2 + minor : 0,
  );
  return cells
    .map((c) => {
      const sizeText = c.device
        ? `${c.device[0].padStart(size - minor - 2)}, ${c.device[1].padStart(minor)}`
        : c.size.padStart(size);
      return `${c.mode} ${c.links.padStart(links)} ${align(c.owner, owner)} ${align(c.group, group)} ${sizeText} ${c.date} ${c.name}\n`;
    })
    .join('');
}

interface Name {
  readonly text: string;
  readonly numeric: boolean;
}

interface Cells {
  readonly mode: string;
  readonly links: string;
  readonly owner: Name;
  readonly group: Name;
  readonly size: string;
  readonly device: readonly [string, string] | undefined;
  readonly date: string;
  readonly name: string;
}

function cellsOf(e: Listed, options: LongOptions): Cells {
  const user = options.numeric ? undefined : userById(options.db, e.st.uid)?.name;
  const group = options.numeric ? undefined : groupById(options.db, e.st.gid)?.name;
  const numbers = e.st.kind === 'chardev' ? [e.st.rdev.major, e.st.rdev.minor] : undefined;
  return {
    mode: modeString(e.st),
    links: String(e.st.nlink),
    owner:
      user === undefined
        ? { text: String(e.st.uid), numeric: true }
        : { text: user, numeric: false },
    group:
      group === undefined
        ? { text: String(e.st.gid), numeric: true }
        : { text: group, numeric: false },
    size: String(e.st.size),
    device: numbers ? [String(numbers[0]), String(numbers[1])] : undefined,
    date: lsDate(e.st.mtime, options.now),
    name: e.target === undefined ? e.name : `${e.name} -> ${e.target}`,
  };
}

function align(name: Name, width: number): string {
  return name.numeric ? name.text.padStart(width) : name.text.padEnd(width);
}
