import type { NodeConnection } from '../node/node-connection';
import type { DigestEntry } from './resync-plan';

/**
 * listAllDigests pages through a node's digest list with ListDigests. The
 * node answers in handle order; a cursor that does not move forward would
 * loop forever, so it is treated as a broken node and fails the listing.
 */
export async function listAllDigests(
  conn: Pick<NodeConnection, 'listDigests' | 'address'>,
  pageSize: number,
): Promise<DigestEntry[]> {
  const all: DigestEntry[] = [];
  let after = '';
  for (;;) {
    const page = await conn.listDigests(after, pageSize);
    for (const d of page.digests) {
      all.push({ handle: d.handle, version: d.version, tombstone: d.tombstone, digest: d.digest });
    }
    if (page.nextAfterHandle === '') return all;
    if (page.nextAfterHandle <= after) {
      throw new Error(
        `ListDigests on ${conn.address} did not advance (after "${after}", next "${page.nextAfterHandle}")`,
      );
    }
    after = page.nextAfterHandle;
  }
}
