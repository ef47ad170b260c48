import type { ClusterNode } from './cluster-node';
import type { ProbeCredentials } from './node-probe';
import type { Holder } from './workload-types';

/** ACK_PROBE_DEADLINE_MS bounds each node's answer; a paused node is `unknown`, not absent. */
const ACK_PROBE_DEADLINE_MS = 1000;

/**
 * probeHolders asks every node, directly and at once, whether it holds
 * handle. Run right after a create is acknowledged, it shows where the key
 * was at that moment (before the orchestrator's next resync could spread it).
 */
export async function probeHolders(
  nodes: readonly ClusterNode[],
  user: ProbeCredentials,
  handle: string,
): Promise<Holder[]> {
  return Promise.all(
    nodes.map(async (node) => ({
      nodeId: node.id,
      az: node.az,
      presence: node.running
        ? await node.probe(user).presence(handle, ACK_PROBE_DEADLINE_MS)
        : 'unknown',
    })),
  );
}
