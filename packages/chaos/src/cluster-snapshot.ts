import type { ClusterNode } from './cluster-node';
import type { ProbeCredentials } from './node-probe';
import { waitUntil } from './sleep';

/** NodeSnapshot is what one node held when the checkers looked, read directly from it. */
export interface NodeSnapshot {
  nodeId: string;
  az: string;
  dataDir: string;
  /** The user's live keys: handle → label. */
  keys: Map<string, string>;
  /** Handles the node holds as tombstones (deleted objects). */
  tombstones: Set<string>;
  rootDigestHex: string;
}

/** SNAPSHOT_TIMEOUT_MS bounds the wait for a node that just restarted to answer. */
const SNAPSHOT_TIMEOUT_MS = 15_000;

/**
 * snapshotNodes reads every node's keys (as `user`, FindKeys) and digest list
 * (as the appliance user). Each node is read on its own, so a key one node
 * lacks shows up as missing there. A node that does not answer within the
 * timeout is an error: checks on a partial picture would prove nothing.
 */
export async function snapshotNodes(
  nodes: readonly ClusterNode[],
  user: ProbeCredentials,
  appliance: ProbeCredentials,
): Promise<NodeSnapshot[]> {
  return Promise.all(
    nodes.map((node) =>
      waitUntil(
        `a snapshot of ${node.id}`,
        async () => {
          const [keys, digests, status] = await Promise.all([
            node.probe(user).findKeys(),
            node.probe(appliance).digests(),
            node.probe(appliance).status(),
          ]);
          const snapshot: NodeSnapshot = {
            nodeId: node.id,
            az: node.az,
            dataDir: node.dataDir,
            keys: new Map(keys.map((k) => [k.handle, k.attributes?.label ?? ''])),
            tombstones: new Set(digests.filter((d) => d.tombstone).map((d) => d.handle)),
            rootDigestHex: status.rootDigest.toString('hex'),
          };
          return snapshot;
        },
        SNAPSHOT_TIMEOUT_MS,
        200,
      ),
    ),
  );
}
