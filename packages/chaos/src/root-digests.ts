import type { ClusterNode } from './cluster-node';
import type { ProbeCredentials } from './node-probe';
import { sleep } from './sleep';

/** CONVERGENCE_POLL_MS is how often waitForEqualDigests reads the root digests. */
const CONVERGENCE_POLL_MS = 100;

/**
 * readRootDigests asks every node directly (as the appliance user) for its
 * root digest, in hex; a node that does not answer maps to undefined.
 */
export async function readRootDigests(
  nodes: readonly ClusterNode[],
  appliance: ProbeCredentials,
): Promise<Record<string, string | undefined>> {
  const entries = await Promise.all(
    nodes.map(async (node) => {
      try {
        const status = await node.probe(appliance).status();
        return [node.id, status.rootDigest.toString('hex')] as const;
      } catch {
        return [node.id, undefined] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * waitForEqualDigests polls until every node answers with the same root
 * digest and resolves with how long that took, in milliseconds. After
 * timeoutMs it throws with what each node last said.
 */
export async function waitForEqualDigests(
  nodes: () => readonly ClusterNode[],
  appliance: ProbeCredentials,
  timeoutMs: number,
): Promise<number> {
  const startMs = Date.now();
  let last: Record<string, string | undefined> = {};
  while (Date.now() - startMs <= timeoutMs) {
    last = await readRootDigests(nodes(), appliance);
    const values = Object.values(last);
    if (values.length > 0 && values.every((v) => v !== undefined && v === values[0])) {
      return Date.now() - startMs;
    }
    await sleep(CONVERGENCE_POLL_MS);
  }
  const seen = Object.entries(last).map(([id, d]) => `${id}=${d?.slice(0, 12) ?? 'no answer'}`);
  throw new Error(`root digests not equal after ${timeoutMs} ms: ${seen.join(' ')}`);
}
