import { chown } from 'node:fs/promises';

/** FileOwner is the numeric user and group that should own the lab's files. */
export interface FileOwner {
  readonly uid: number;
  readonly gid: number;
}

/** parseFileOwner reads `uid:gid` (or a bare uid, used as the group too). */
export function parseFileOwner(text: string): FileOwner {
  const match = /^(\d+)(?::(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`${JSON.stringify(text)} is not uid:gid`);
  const uid = Number(match[1]);
  return { uid, gid: match[2] === undefined ? uid : Number(match[2]) };
}

/**
 * applyOwner gives path to owner when this process can (it runs as root);
 * otherwise the files stay with the user running it, which is then the user
 * that reads them.
 */
export async function applyOwner(path: string, owner: FileOwner | undefined): Promise<void> {
  if (owner === undefined || process.getuid?.() !== 0) return;
  await chown(path, owner.uid, owner.gid);
}
