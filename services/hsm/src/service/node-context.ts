import type { Logger } from '@hsmlab/common';
import type { NodeConfig } from '../config';
import {
  HybridLogicalClock,
  compareVersions,
  type KeyBody,
  type OffsetClock,
  type StoredObject,
  type Version,
} from '../model';
import type { AuditLog, NodeStateFile, ObjectStore } from '../store';
import { loadKey, type LoadedKey } from '../crypto';
import { KeyedMutex } from './keyed-mutex';
import { LoadTracker } from './load-tracker';
import { SessionTable } from './sessions';
import { CapacityLimiter } from './capacity-limiter';
import type { CapacityProfile } from './capacity-profile';
import type { NodeMetrics } from './node-metrics';
import { SignPool } from '../crypto-workers/sign-pool';

/** AuditEvent is what the services record; the audit log adds seq and time. */
export interface AuditEvent {
  action: string;
  actor: string;
  outcome: 'ok' | 'refused' | 'failed';
  requestId?: string;
  handle?: string;
  detail?: string;
}

/**
 * NodeContext is everything one HSM node's services share: its store, clock,
 * sessions, key cache and counters. Services get it injected; nothing in it
 * is global.
 */
export class NodeContext {
  readonly hlc: HybridLogicalClock;
  readonly sessions: SessionTable;
  readonly locks = new KeyedMutex();
  readonly load: LoadTracker;
  readonly limiter: CapacityLimiter;
  /** Runs asymmetric signatures on worker threads. */
  readonly signPool: SignPool;
  readonly startedAtMs: number;
  /** Parsed keys by handle. Invariant: an entry matches the store's current version. */
  private readonly keyCache = new Map<string, { version: Version; loaded: LoadedKey }>();
  /** generation counts applied writes, so derived views (root digest) know when to refresh. */
  generation = 0;
  /** Live token keys per owner. Invariant: matches the store after every commit. */
  private readonly ownerCounts = new Map<string, number>();

  constructor(
    readonly config: NodeConfig,
    readonly logger: Logger,
    readonly clock: OffsetClock,
    readonly store: ObjectStore,
    readonly state: NodeStateFile,
    readonly audit: AuditLog,
    readonly metrics: NodeMetrics,
    readonly profile: CapacityProfile | undefined,
    capacity: number,
  ) {
    this.hlc = new HybridLogicalClock(config.nodeId, clock);
    for (const obj of store.values()) {
      this.hlc.observe(obj.version);
      this.count(obj, 1);
    }
    this.sessions = new SessionTable(clock, config.sessionTtlMs, config.maxSessions);
    this.load = new LoadTracker(capacity);
    this.limiter = new CapacityLimiter(profile, clock);
    this.signPool = new SignPool(config.cryptoWorkers ?? 0, logger);
    this.startedAtMs = clock.nowMs();
  }

  get nodeId(): string {
    return this.config.nodeId;
  }

  /** stamp returns a version newer than anything this node has made or seen. */
  stamp(): Version {
    return this.hlc.now();
  }

  /** commit writes objects durably (one journal record) and drops stale cache. */
  async commit(objects: StoredObject[]): Promise<void> {
    const before = objects.map((o) => this.store.get(o.handle));
    await this.store.commit(objects);
    objects.forEach((obj, i) => this.replaced(before[i], obj));
  }

  /** commitIfNewer applies only the objects newer than the node's own. */
  async commitIfNewer(objects: StoredObject[]): Promise<Array<'applied' | 'current' | 'stale'>> {
    for (const obj of objects) this.hlc.observe(obj.version);
    const before = objects.map((o) => this.store.get(o.handle));
    const outcomes = await this.store.commitIfNewer(objects);
    objects.forEach((obj, i) => {
      if (outcomes[i] === 'applied') this.replaced(before[i], obj);
    });
    return outcomes;
  }

  /** ownerKeyCount is how many live token keys a user owns on this node. */
  ownerKeyCount(owner: string): number {
    return this.ownerCounts.get(owner) ?? 0;
  }

  private replaced(old: StoredObject | undefined, now: StoredObject): void {
    this.generation += 1;
    this.keyCache.delete(now.handle);
    if (old) this.count(old, -1);
    this.count(now, 1);
  }

  private count(obj: StoredObject, delta: number): void {
    if (obj.kind !== 'key' || obj.tombstone) return;
    const owner = (obj.body as KeyBody).owner;
    this.ownerCounts.set(owner, (this.ownerCounts.get(owner) ?? 0) + delta);
  }

  /** loadedKey returns the cached parsed form of a stored key object. */
  loadedKey(obj: StoredObject): LoadedKey {
    const cached = this.keyCache.get(obj.handle);
    if (cached && compareVersions(cached.version, obj.version) === 0) return cached.loaded;
    const loaded = loadKey(obj.body as KeyBody);
    this.keyCache.set(obj.handle, { version: obj.version, loaded });
    return loaded;
  }

  /** record appends to the audit log; failures are logged, never thrown. */
  record(event: AuditEvent): void {
    this.audit.append({ ...event, nodeId: this.nodeId }).catch((err: unknown) => {
      this.logger.error({ err, action: event.action }, 'audit append failed');
    });
  }

  /** masking returns the cluster's masking key state, if the node has it. */
  masking(): { key: Buffer; domainId: string; clusterId: string } | undefined {
    const s = this.state.get();
    if (!s.maskingKey || !s.domainId || !s.clusterId) return undefined;
    return { key: s.maskingKey, domainId: s.domainId, clusterId: s.clusterId };
  }
}
