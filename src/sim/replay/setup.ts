import type { TreeBuilder } from '../kernel/vfs/tree-builder.ts';
import type { ScenarioFile } from './scenario.ts';

/** The scenario's directories and files, created in the container's tree before start (owners and modes as given). */
export function prepareTree(tree: TreeBuilder, container: ScenarioFile['container']): void {
  for (const dir of container.dirs ?? []) {
    tree.dir(dir.path, { uid: dir.uid, gid: dir.gid, perm: parseInt(dir.mode, 8) });
  }
  for (const file of container.files ?? []) {
    tree.file(file.path, file.content, {
      uid: file.uid,
      gid: file.gid,
      perm: parseInt(file.mode, 8),
    });
  }
}
