import type { Logger } from '@hsmlab/common';
import { toClusterMessage } from '../control/views';
import type { ClusterEventKind, WatchHub } from '../control/watch-hub';
import { NotFoundError } from '../errors';
import type { StateStore } from '../store/state-store';
import { deriveClusterState } from './cluster-state';
import { UNOBSERVED_FIELDS, type ClusterRecord, type HsmRecord, type HsmState } from './records';

/** ClusterChange is one event a mutation produced, for listeners inside the orchestrator. */
export interface ClusterChange {
  kind: Exclude<ClusterEventKind, 'SNAPSHOT'>;
  clusterId: string;
  hsmId: string;
  from?: string;
  to?: string;
}

/** durableView is the part of a cluster worth a disk write: health counters are not. */
function durableView(c: ClusterRecord): string {
  return JSON.stringify({
    ...c,
    hsms: c.hsms.map((h: HsmRecord) => ({ ...h, ...UNOBSERVED_FIELDS })),
  });
}

/**
 * ClusterRegistry owns the cluster records. Every change goes through
 * mutate(), which applies it, recomputes the cluster's derived state, writes
 * state.json when anything durable changed, then logs each state change
 * (old -> new) and publishes it to WatchCluster streams. Invariant: a record's
 * state always equals deriveClusterState of the record.
 */
export class ClusterRegistry {
  private readonly clusters = new Map<string, ClusterRecord>();
  private readonly changeListeners: ((change: ClusterChange) => void)[] = [];

  constructor(
    private readonly store: StateStore,
    private readonly hub: WatchHub,
    private readonly logger: Logger,
  ) {}

  /** load installs the records read at start (before any mutate). */
  load(clusters: readonly ClusterRecord[]): void {
    for (const c of clusters) {
      const derived = deriveClusterState(c);
      this.clusters.set(c.clusterId, { ...c, state: derived.state, stateMessage: derived.message });
    }
  }

  all(): ClusterRecord[] {
    return [...this.clusters.values()];
  }

  find(clusterId: string): ClusterRecord | undefined {
    return this.clusters.get(clusterId);
  }

  get(clusterId: string): ClusterRecord {
    const c = this.clusters.get(clusterId);
    if (!c) throw new NotFoundError('cluster', clusterId);
    return c;
  }

  /** onChange registers an in-process listener (backup triggers, metrics). */
  onChange(listener: (change: ClusterChange) => void): void {
    this.changeListeners.push(listener);
  }

  /** create adds a new cluster record and persists it. */
  async create(cluster: ClusterRecord): Promise<ClusterRecord> {
    const derived = deriveClusterState(cluster);
    cluster.state = derived.state;
    cluster.stateMessage = derived.message;
    this.clusters.set(cluster.clusterId, cluster);
    await this.persist();
    this.logger.info({ clusterId: cluster.clusterId, state: cluster.state }, 'cluster created');
    return cluster;
  }

  /**
   * mutate runs fn on the cluster synchronously (so no other change
   * interleaves), then persists and notifies. It resolves once the change is
   * on disk.
   */
  async mutate(clusterId: string, fn: (cluster: ClusterRecord) => void): Promise<ClusterRecord> {
    const cluster = this.get(clusterId);
    const beforeDurable = durableView(cluster);
    const beforeHsms = new Map<string, HsmState>(cluster.hsms.map((h) => [h.hsmId, h.state]));
    const beforeState = cluster.state;

    fn(cluster);
    const derived = deriveClusterState(cluster);
    cluster.state = derived.state;
    cluster.stateMessage = derived.message;

    const changes: ClusterChange[] = [];
    for (const h of cluster.hsms) {
      const was = beforeHsms.get(h.hsmId);
      if (was === undefined)
        changes.push({ kind: 'HSM_ADDED', clusterId, hsmId: h.hsmId, to: h.state });
      else if (was !== h.state)
        changes.push({
          kind: 'HSM_STATE_CHANGED',
          clusterId,
          hsmId: h.hsmId,
          from: was,
          to: h.state,
        });
      beforeHsms.delete(h.hsmId);
    }
    for (const [hsmId, was] of beforeHsms)
      changes.push({ kind: 'HSM_REMOVED', clusterId, hsmId, from: was });
    if (beforeState !== cluster.state) {
      changes.push({
        kind: 'CLUSTER_STATE_CHANGED',
        clusterId,
        hsmId: '',
        from: beforeState,
        to: cluster.state,
      });
    }

    if (durableView(cluster) !== beforeDurable) await this.persist();
    this.announce(cluster, changes);
    return cluster;
  }

  private announce(cluster: ClusterRecord, changes: readonly ClusterChange[]): void {
    for (const change of changes) {
      const hsm = cluster.hsms.find((h) => h.hsmId === change.hsmId);
      const fields = {
        clusterId: change.clusterId,
        hsmId: change.hsmId || undefined,
        from: change.from,
        to: change.to,
      };
      const message =
        change.kind === 'CLUSTER_STATE_CHANGED' ? cluster.stateMessage : hsm?.stateMessage;
      this.logger.info(
        { ...fields, stateMessage: message || undefined },
        eventLogMessage(change.kind),
      );
      this.hub.publish(cluster.clusterId, {
        kind: change.kind,
        cluster: toClusterMessage(cluster),
        hsmId: change.hsmId,
      });
      for (const listener of this.changeListeners) listener(change);
    }
  }

  private persist(): Promise<void> {
    return this.store.save(this.all());
  }
}

function eventLogMessage(kind: ClusterChange['kind']): string {
  switch (kind) {
    case 'HSM_ADDED':
      return 'hsm added';
    case 'HSM_REMOVED':
      return 'hsm removed';
    case 'HSM_STATE_CHANGED':
      return 'hsm state changed';
    case 'CLUSTER_STATE_CHANGED':
      return 'cluster state changed';
  }
}
