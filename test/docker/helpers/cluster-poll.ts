import type { Cluster, ControlClient } from '@hsmlab/compose';

/**
 * waitForClusterState polls DescribeCluster until `ready` accepts it and
 * fails after timeoutMs with the HSM states it saw last.
 */
export async function waitForClusterState(
  control: ControlClient,
  clusterId: string,
  what: string,
  ready: (cluster: Cluster) => boolean,
  timeoutMs: number,
): Promise<Cluster> {
  const deadline = Date.now() + timeoutMs;
  let last: Cluster | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await control.describeCluster(clusterId);
      if (ready(last)) return last;
    } catch (err) {
      lastError = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const seen = last === undefined ? `no answer (${String(lastError)})` : describeHsms(last);
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${seen}`);
}

/** describeHsms renders the HSMs' state, sync and object count, for messages. */
export function describeHsms(cluster: Cluster): string {
  return cluster.hsms
    .map(
      (h) =>
        `${h.hsmId}@${h.az}=${h.state}${h.inSync ? '' : ' (out of sync)'} objects=${h.objectCount}`,
    )
    .join(', ');
}

/**
 * convergedWith says the HSM is ACTIVE and in sync, and every ACTIVE HSM
 * (this one included) holds the same number of objects, at least minObjects.
 * Object counts come from the orchestrator's last health check of each HSM,
 * so a count below minObjects is one taken before the HSM caught up.
 */
export function convergedWith(cluster: Cluster, hsmId: string, minObjects: number): boolean {
  const hsm = cluster.hsms.find((h) => h.hsmId === hsmId);
  if (hsm === undefined || hsm.state !== 'ACTIVE' || !hsm.inSync) return false;
  if (hsm.objectCount < minObjects) return false;
  return cluster.hsms
    .filter((h) => h.state === 'ACTIVE')
    .every((h) => h.inSync && h.objectCount === hsm.objectCount);
}

/** objectsOf is an HSM's object count as the orchestrator last saw it. */
export function objectsOf(cluster: Cluster, hsmId: string): number {
  const hsm = cluster.hsms.find((h) => h.hsmId === hsmId);
  if (hsm === undefined) throw new Error(`${hsmId} is not in ${cluster.clusterId}`);
  return hsm.objectCount;
}
