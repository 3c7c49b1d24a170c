import type { Inode } from '../../kernel/vfs/inode.ts';
import { copyTree, TreeBuilder } from '../../kernel/vfs/tree-builder.ts';
import { parseGroup, parsePasswd } from '../../userland/lib/user-db.ts';
import type { BuildState } from './build-state.ts';
import { contentKey, type BuildContext, type ContextEntry } from './build-context.ts';
import { normalizeWorkdir } from './config-steps.ts';
import { nopCommentString } from './created-by.ts';
import type { Instruction } from './instruction.ts';
import { layerSize } from './layer-size.ts';
import { expandWord } from './word-expansion.ts';

export type CopyStepResult =
  | {
      readonly createdBy: string;
      readonly rootfs: Inode;
      readonly size: number;
      readonly key: string;
    }
  | { readonly error: string };

/**
 * COPY and ADD from the build context (moby daemon/builder/dockerfile copy.go
 * and internals.go performCopy): each source is looked up in the context; a
 * file lands at the destination, or inside it when the destination ends in
 * `/`; a directory's contents are copied into it. Files keep the context's
 * mode and time and belong to root, or to `--chown`'s user and group (names
 * looked up in the image's /etc/passwd and /etc/group). ADD unpacks an
 * archive entry (a base image's root file system) at the destination.
 */
export function copyStep(
  instruction: Instruction,
  state: BuildState,
  context: BuildContext,
  env: ReadonlyMap<string, string>,
  now: number,
): CopyStepResult {
  const words = instruction.args.map((w) => expandWord(w, env));
  const dest = words.pop() ?? '';
  const chownFlag = instruction.flags.find((f) => f.name === 'chown')?.value ?? '';
  const owner = chownFlag === '' ? { uid: 0, gid: 0 } : resolveChown(chownFlag, state.rootfs);
  if ('error' in owner) return owner;
  const sources: ContextEntry[] = [];
  for (const word of words) {
    const name = word.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    const entry = context.entries.find((e) => e.path === name);
    if (!entry)
      return {
        error: `${instruction.keyword} failed: file not found in build context or excluded by .dockerignore: stat ${word}: file does not exist`,
      };
    sources.push(entry);
  }
  const rootfs = copyTree(state.rootfs);
  const tree = new TreeBuilder(now, rootfs);
  const target = normalizeWorkdir(state.config.workingDir, dest);
  const intoDir = dest.endsWith('/') || sources.length > 1;
  for (const source of sources) {
    if (source.archive && instruction.keyword === 'ADD') {
      mergeInto(tree.dir(target), source.archive);
      continue;
    }
    if (source.kind === 'dir') {
      for (const entry of context.entries.filter((e) => e.path.startsWith(`${source.path}/`)))
        place(tree, `${target}/${entry.path.slice(source.path.length + 1)}`, entry, owner);
      continue;
    }
    const base = source.path.split('/').at(-1) ?? source.path;
    place(tree, intoDir ? `${target}/${base}` : target, source, owner);
  }
  const hash =
    sources.length === 1 ? sourceHash(sources[0]) : `multi:${sources.map(sourceHash).join(',')}`;
  const chownComment = chownFlag === '' ? '' : `--chown=${chownFlag} `;
  const createdBy = nopCommentString(
    `${instruction.keyword} ${chownComment}${hash} in ${dest} `,
    state.config.shell ?? undefined,
  );
  return { createdBy, rootfs, size: layerSize(state.rootfs, rootfs), key: hash };
}

/** The source's cache hash as the comment shows it: `file:…` or `dir:…` (see build-context.ts for how it is made). */
function sourceHash(entry: ContextEntry | undefined): string {
  if (!entry) return '';
  return `${entry.kind === 'dir' ? 'dir' : 'file'}:${contentKey(entry)}`;
}

function place(
  tree: TreeBuilder,
  path: string,
  entry: ContextEntry,
  owner: { uid: number; gid: number },
): void {
  const own = { uid: owner.uid, gid: owner.gid, perm: entry.perm };
  const inode =
    entry.kind === 'dir'
      ? tree.dir(path, own)
      : entry.kind === 'symlink'
        ? tree.symlink(path, entry.target)
        : tree.file(path, entry.data, own);
  inode.mtime = entry.mtime;
}

/** Unpacking an archive: its entries over the directory's, directories merged. */
function mergeInto(dir: Inode, archive: Inode): void {
  for (const [name, child] of archive.entries) {
    const existing = dir.entries.get(name);
    if (existing?.kind === 'dir' && child.kind === 'dir') mergeInto(existing, child);
    else dir.entries.set(name, copyTree(child));
  }
}

/**
 * --chown=user[:group], names or numbers; names from the image's own files;
 * without a group the user part names the group too (moby internals_linux.go
 * parseChownFlag, lookupUser, lookupGroup).
 */
function resolveChown(
  spec: string,
  rootfs: Inode,
): { uid: number; gid: number } | { error: string } {
  const [userPart = '', groupPart = userPart] = spec.split(':');
  const etc = rootfs.entries.get('etc');
  const users = parsePasswd(etc?.entries.get('passwd')?.data ?? '');
  const groups = parseGroup(etc?.entries.get('group')?.data ?? '');
  const user = /^\d+$/.test(userPart)
    ? { uid: Number(userPart) }
    : users.find((u) => u.name === userPart);
  if (!user)
    return {
      error: `unable to convert uid/gid chown string to host mapping: can't find uid for user ${userPart}: no such user: ${userPart}`,
    };
  const group = /^\d+$/.test(groupPart)
    ? { gid: Number(groupPart) }
    : groups.find((g) => g.name === groupPart);
  if (!group)
    return {
      error: `unable to convert uid/gid chown string to host mapping: can't find gid for group ${groupPart}: no such group: ${groupPart}`,
    };
  return { uid: user.uid, gid: group.gid };
}
