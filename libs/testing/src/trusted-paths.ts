import * as fs from 'node:fs';
import * as path from 'node:path';

const GROUP_OR_OTHER_WRITE = 0o022;

export const currentUid = (): number => process.getuid?.() ?? -1;

/**
 * What no other user can have planted or changed: not a symlink (lstat), owned by `owner`, and writable
 * by neither its group nor others. A path in a shared folder such as /var/tmp must pass this before
 * root runs what is in it or changes its owner.
 */
export function ownedAndClosed(target: string, owner = currentUid()): boolean {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  return !!stat && !stat.isSymbolicLink() && stat.uid === owner && (stat.mode & GROUP_OR_OTHER_WRITE) === 0;
}

/** The same for a folder and everything in it; a symlink inside only needs its owner, since only its folder's owner can replace it. */
export function treeOwnedAndClosed(root: string, owner = currentUid()): boolean {
  if (!ownedAndClosed(root, owner) || !fs.lstatSync(root).isDirectory()) return false;
  return fs.readdirSync(root, { withFileTypes: true }).every((entry) => {
    const entryPath = path.join(root, entry.name);
    if (entry.isSymbolicLink()) return fs.lstatSync(entryPath).uid === owner;
    return entry.isDirectory() ? treeOwnedAndClosed(entryPath, owner) : ownedAndClosed(entryPath, owner);
  });
}

/** Takes group and other write permission off everything under `root` (a copy keeps its source's modes). */
export function closeTree(root: string): void {
  const stat = fs.lstatSync(root);
  if (stat.isSymbolicLink()) return;
  fs.chmodSync(root, stat.mode & 0o7777 & ~GROUP_OR_OTHER_WRITE);
  if (stat.isDirectory()) for (const name of fs.readdirSync(root)) closeTree(path.join(root, name));
}

/**
 * `parent/name` for this user alone, readable by others (the `postgres` user must reach it): that folder
 * when this user made it (created here if missing), otherwise, when something else holds the name, a
 * fresh folder beside it (mkdtemp) that nobody else can have touched.
 */
export function ownFolderIn(parent: string, name: string): { path: string; elsewhere: boolean } {
  const wanted = path.join(parent, name);
  try {
    fs.mkdirSync(wanted, { mode: 0o755 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (ownedAndClosed(wanted) && fs.lstatSync(wanted).isDirectory()) return { path: wanted, elsewhere: false };
  const fresh = fs.mkdtempSync(`${wanted}-`);
  fs.chmodSync(fresh, 0o755);
  return { path: fresh, elsewhere: true };
}
