import type { orchestratorV1 } from '@hsmlab/proto';

/** ClusterEventKind is what changed; SNAPSHOT is only the first event of a watch. */
export type ClusterEventKind =
  'SNAPSHOT' | 'HSM_ADDED' | 'HSM_REMOVED' | 'HSM_STATE_CHANGED' | 'CLUSTER_STATE_CHANGED';

export type ClusterEventListener = (event: orchestratorV1.ClusterEvent) => void;

/**
 * WatchHub fans cluster events out to the WatchCluster streams of one
 * cluster. Delivery is synchronous and in publish order; a listener that
 * throws is dropped rather than allowed to stop the others.
 */
export class WatchHub {
  private readonly listeners = new Map<string, Set<ClusterEventListener>>();

  /** subscribe adds a listener for clusterId and returns its unsubscribe function. */
  subscribe(clusterId: string, listener: ClusterEventListener): () => void {
    let set = this.listeners.get(clusterId);
    if (!set) this.listeners.set(clusterId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(clusterId);
    };
  }

  publish(clusterId: string, event: orchestratorV1.ClusterEvent): void {
    const set = this.listeners.get(clusterId);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch {
        set.delete(listener);
      }
    }
  }

  /** watcherCount is the number of open watches (all clusters), for metrics. */
  watcherCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
