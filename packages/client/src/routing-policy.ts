/**
 * RoutingCandidate is what the routing policy knows of one node. It is plain
 * data so that the policy can be tested without channels or servers.
 */
export interface RoutingCandidate {
  readonly id: string;
  /** False when the node is down, busy, or not ACTIVE in the membership. */
  readonly routable: boolean;
  /** Calls this SDK has in flight to the node right now. */
  readonly ownInFlight: number;
  /** Operations in flight that the node reported on its last reply or probe. */
  readonly reportedInFlight: number;
  /** Relative capacity the node reported; 0 or less counts as DEFAULT_CAPACITY. */
  readonly capacity: number;
}

/** DEFAULT_CAPACITY stands in for a node that has not reported a capacity yet. */
export const DEFAULT_CAPACITY = 1;

/**
 * TIE_EPSILON: expected waits closer than this count as equal, and one of
 * the tied nodes is picked at random, so that idle nodes share a burst
 * instead of all of it landing on the first one listed.
 */
const TIE_EPSILON = 1e-9;

/**
 * expectedWait is the routing cost of a node: the work ahead of a new call
 * there (the SDK's own calls plus the load the node reports) divided by the
 * node's capacity. A node with twice the capacity absorbs twice the queue
 * before it looks as loaded, so it gets about twice the traffic.
 */
export function expectedWait(candidate: RoutingCandidate): number {
  const capacity = candidate.capacity > 0 ? candidate.capacity : DEFAULT_CAPACITY;
  return (candidate.ownInFlight + candidate.reportedInFlight) / capacity;
}

/**
 * chooseNode picks the routable node with the lowest expected wait. Nodes in
 * `avoid` (those a call already tried) are passed over while any other
 * routable node is left; when every routable node was tried, they are all
 * eligible again, so a call on a one-node cluster can retry that node.
 * Returns undefined when no node is routable.
 */
export function chooseNode(
  candidates: readonly RoutingCandidate[],
  avoid: ReadonlySet<string> = new Set(),
  random: () => number = Math.random,
): string | undefined {
  const routable = candidates.filter((c) => c.routable);
  const fresh = routable.filter((c) => !avoid.has(c.id));
  const pool = fresh.length > 0 ? fresh : routable;
  if (pool.length === 0) return undefined;

  let best: RoutingCandidate[] = [];
  let bestWait = Number.POSITIVE_INFINITY;
  for (const candidate of pool) {
    const wait = expectedWait(candidate);
    if (wait < bestWait - TIE_EPSILON) {
      best = [candidate];
      bestWait = wait;
    } else if (Math.abs(wait - bestWait) <= TIE_EPSILON) {
      best.push(candidate);
    }
  }
  const index = Math.min(best.length - 1, Math.floor(random() * best.length));
  return best[index]!.id;
}

/**
 * requiredReplicas is the number of nodes that must hold a written object:
 * the configured minimum when there is one, else 2 when the cluster has 2
 * or more active members (the key availability rule), else 1. A configured
 * minimum above the member count is kept: the write then fails loudly
 * rather than being quietly downgraded.
 */
export function requiredReplicas(configured: number | undefined, activeMembers: number): number {
  if (configured !== undefined) return configured;
  return activeMembers >= 2 ? 2 : 1;
}
