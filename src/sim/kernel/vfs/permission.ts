import type { Credentials } from '../credentials.ts';
import type { Inode } from './inode.ts';

export const MAY_EXEC = 1;
export const MAY_WRITE = 2;
export const MAY_READ = 4;

/**
 * May these credentials access the inode this way? The order of checks is the
 * kernel's (fs/namei.c generic_permission, acl_permission_check): owner bits
 * for the owner, group bits for a member of the file's group, other bits for
 * everyone else; then CAP_DAC_OVERRIDE lets root read and write anything and
 * execute anything that has at least one execute bit (directories always).
 */
export function mayAccess(creds: Credentials, inode: Inode, mask: number): boolean {
  if ((classBits(creds, inode) & mask) === mask) return true;
  if (creds.has('CAP_DAC_OVERRIDE')) {
    if (!(mask & MAY_EXEC) || inode.kind === 'dir' || inode.perm & 0o111) return true;
  }
  if (creds.has('CAP_DAC_READ_SEARCH')) {
    if (mask === MAY_READ) return true;
    if (inode.kind === 'dir' && !(mask & MAY_WRITE)) return true;
  }
  return false;
}

function classBits(creds: Credentials, inode: Inode): number {
  if (creds.euid === inode.uid) return (inode.perm >> 6) & 0o7;
  if (creds.inGroup(inode.gid)) return (inode.perm >> 3) & 0o7;
  return inode.perm & 0o7;
}
