import type { hsmV1 } from '@hsmlab/proto';
import { backoffDelayMs, type BackoffPolicy } from './backoff';
import type { CallRunner, CallSpec } from './call-runner';
import { sleep } from './deadline';
import { compareVersions, versionFromWire, type ObjectVersion } from './key-handle';
import type { NodeConnection } from './node-connection';
import type { NodePool } from './node-pool';
import { RETRY_ELSEWHERE_CODES } from './retry-policy';
import { asRpcFailure } from './rpc-failure';

/** ReplicatedObject names one object a write created or changed. */
export interface ReplicatedObject {
  readonly handle: string;
  readonly type: 'OBJECT_TYPE_KEY' | 'OBJECT_TYPE_USER';
}

/** ReplicationResult says where an object's winning version ended up. */
export interface ReplicationResult {
  readonly handle: string;
  /** The node the winning version was spread from. */
  readonly winner: NodeConnection;
  /** Node ids that hold the winning version durably. */
  readonly holders: readonly string[];
  /**
   * True when a target held a newer version of the same handle (a create
   * retried after a lost reply finished on two nodes): that version won and
   * the caller must report it, not the one its own attempt made.
   */
  readonly superseded: boolean;
}

/** ImportResult is one target's answer: an outcome, or why there is none. */
type ImportResult =
  | { readonly outcome: hsmV1.ImportOutcome__Output; readonly current: ObjectVersion | undefined }
  | 'refused'
  | 'unreachable';

/** Spread is the state of one object's replication. */
interface Spread {
  from: NodeConnection;
  masked: hsmV1.MaskedObject__Output;
  /** Nodes holding `masked`'s version. Invariant: contains `from`. */
  holders: Set<NodeConnection>;
  /** Nodes that answered the import with an error retrying cannot fix. */
  refused: Set<NodeConnection>;
  superseded: boolean;
}

/**
 * Replicator spreads a freshly written object from the node that wrote it to
 * every other routable node, masked (the SDK never sees key material): it
 * exports the object from the source and imports it everywhere else.
 *
 * A target that answers STALE holds a newer version of the same handle; that
 * version becomes the source and is spread again, so every node converges on
 * the version the nodes' ordering picks. Versions only grow, so this ends.
 *
 * While fewer nodes than `required` hold the object, members that were
 * unreachable are retried as they come back, until the call's deadline: a
 * node that dropped one reply should not fail a write it can take a moment
 * later.
 */
export class Replicator {
  constructor(
    private readonly pool: NodePool,
    private readonly runner: CallRunner,
    private readonly backoff: BackoffPolicy,
  ) {}

  async replicate(
    source: NodeConnection,
    object: ReplicatedObject,
    spec: CallSpec,
    required: number,
  ): Promise<ReplicationResult> {
    const alone = {
      handle: object.handle,
      winner: source,
      holders: [source.nodeId],
      superseded: false,
    };
    // A cluster of one (as the SDK sees it) has nowhere to spread to: no export.
    if (!this.pool.all().some((node) => node !== source && node.active)) return alone;
    let spread: Spread;
    try {
      spread = await this.exportFrom(source, object, spec, false);
    } catch {
      // The writer acknowledged the object durably but cannot hand it out
      // now: it is the one holder, and anti-entropy copies it later.
      return alone;
    }

    await this.spreadTo(spread, this.pool.routable(), object, spec);
    for (let round = 1; spread.holders.size < required && !spec.deadline.expired(); round++) {
      const waiting = this.pool
        .all()
        .filter((node) => node.active && !spread.holders.has(node) && !spread.refused.has(node));
      if (waiting.length === 0) break;
      const ready = waiting.filter((node) => node.routable());
      if (ready.length === 0) {
        const waitMs = Math.min(backoffDelayMs(this.backoff, round), spec.deadline.remainingMs());
        await sleep(waitMs, spec.signal, this.pool.changed(), spec.operation);
        continue;
      }
      await this.spreadTo(spread, ready, object, spec);
    }
    return {
      handle: object.handle,
      winner: spread.from,
      holders: [...spread.holders].map((node) => node.nodeId),
      superseded: spread.superseded,
    };
  }

  private async exportFrom(
    from: NodeConnection,
    object: ReplicatedObject,
    spec: CallSpec,
    superseded: boolean,
  ): Promise<Spread> {
    const exportSpec = { ...spec, operation: 'exportMaskedObject' };
    const masked = await this.runner.runOn(from, exportSpec, (node, c) =>
      node.unary('ExportMaskedObject', { handle: object.handle, type: object.type }, c),
    );
    return { from, masked, holders: new Set([from]), refused: new Set(), superseded };
  }

  /** spreadTo imports the current version into `targets`, switching source on STALE. */
  private async spreadTo(
    spread: Spread,
    targets: NodeConnection[],
    object: ReplicatedObject,
    spec: CallSpec,
  ): Promise<void> {
    for (let pass = 0; pass <= this.pool.all().length; pass++) {
      const todo = targets.filter((node) => !spread.holders.has(node));
      const outcomes = await Promise.all(
        todo.map((node) => this.importTo(node, spread.masked, spec)),
      );
      let newer: { node: NodeConnection; version: ObjectVersion | undefined } | undefined;
      for (const [i, outcome] of outcomes.entries()) {
        const node = todo[i]!;
        if (outcome === 'refused') spread.refused.add(node);
        else if (outcome === 'unreachable') continue;
        else if (outcome.outcome !== 'IMPORT_OUTCOME_STALE') spread.holders.add(node);
        else if (isNewer(outcome.current, newer?.version))
          newer = { node, version: outcome.current };
      }
      if (newer === undefined) return;
      try {
        Object.assign(spread, await this.exportFrom(newer.node, object, spec, true));
      } catch {
        return;
      }
      // Every node but the new source now holds an older version: spread to all.
      targets = this.pool.routable();
    }
  }

  // Not yet: one ImportMaskedObject RPC per object and target, after an
  // ExportMaskedObject from the writer. Replicated creates are CPU-bound on
  // these unary calls (about 200-230 AES keys/s on three nodes on two
  // cores, bench/README.md); batching imports per target node would fix it.
  private async importTo(
    target: NodeConnection,
    masked: hsmV1.MaskedObject__Output,
    spec: CallSpec,
  ): Promise<ImportResult> {
    try {
      const reply = await this.runner.runOn(
        target,
        { ...spec, operation: 'importMaskedObject' },
        (node, c) => node.unary('ImportMaskedObject', { object: masked }, c),
      );
      return { outcome: reply.outcome, current: versionFromWire(reply.current) };
    } catch (err) {
      return RETRY_ELSEWHERE_CODES.has(asRpcFailure(err, target.nodeId).code)
        ? 'unreachable'
        : 'refused';
    }
  }
}

function isNewer(candidate: ObjectVersion | undefined, best: ObjectVersion | undefined): boolean {
  if (best === undefined) return true;
  if (candidate === undefined) return false;
  return compareVersions(candidate, best) > 0;
}
