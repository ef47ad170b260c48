import type { hsmV1 } from '@hsmlab/proto';
import type { CallRunner, CallSpec } from './call-runner';
import { compareVersions, versionFromWire, type ObjectVersion } from './key-handle';
import type { NodeConnection } from './node-connection';
import type { NodePool } from './node-pool';

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

type ImportOutcome =
  | {
      readonly node: NodeConnection;
      readonly outcome: hsmV1.ImportOutcome__Output;
      readonly current?: ObjectVersion;
    }
  | { readonly node: NodeConnection; readonly error: unknown };

/**
 * Replicator spreads a freshly written object from the node that wrote it to
 * every other routable node, masked (the SDK never sees key material): it
 * exports the object from the source and imports it everywhere else. A
 * target that answers STALE holds a newer version of the same handle; that
 * version then becomes the source of another round, so every node converges
 * on the version every node's ordering picks. Versions only grow, so the
 * rounds are bounded by the number of nodes.
 */
export class Replicator {
  constructor(
    private readonly pool: NodePool,
    private readonly runner: CallRunner,
  ) {}

  async replicate(
    source: NodeConnection,
    object: ReplicatedObject,
    spec: CallSpec,
  ): Promise<ReplicationResult> {
    let from = source;
    let holders = [source.nodeId];
    let superseded = false;
    const maxRounds = this.pool.all().length + 1;

    for (let round = 0; round < maxRounds; round++) {
      let masked: hsmV1.MaskedObject__Output;
      try {
        masked = await this.runner.runOn(
          from,
          { ...spec, operation: 'exportMaskedObject' },
          (node, c) =>
            node.unary('ExportMaskedObject', { handle: object.handle, type: object.type }, c),
        );
      } catch {
        // The writer acknowledged the object durably but cannot hand it
        // out now; it counts as the one holder, and anti-entropy will copy
        // it when the node is back.
        break;
      }

      const targets = this.pool.routable().filter((node) => node !== from);
      const outcomes = await Promise.all(
        targets.map((target) => this.importTo(target, masked, spec)),
      );
      holders = [from.nodeId];
      let newer: { node: NodeConnection; version: ObjectVersion | undefined } | undefined;
      for (const result of outcomes) {
        if ('error' in result) continue;
        if (
          result.outcome === 'IMPORT_OUTCOME_APPLIED' ||
          result.outcome === 'IMPORT_OUTCOME_ALREADY_CURRENT'
        ) {
          holders.push(result.node.nodeId);
        } else if (
          result.outcome === 'IMPORT_OUTCOME_STALE' &&
          isNewer(result.current, newer?.version)
        ) {
          newer = { node: result.node, version: result.current };
        }
      }
      if (newer === undefined) break;
      from = newer.node;
      superseded = true;
    }
    return { handle: object.handle, winner: from, holders, superseded };
  }

  private async importTo(
    target: NodeConnection,
    masked: hsmV1.MaskedObject__Output,
    spec: CallSpec,
  ): Promise<ImportOutcome> {
    try {
      const reply = await this.runner.runOn(
        target,
        { ...spec, operation: 'importMaskedObject' },
        (node, c) => node.unary('ImportMaskedObject', { object: masked }, c),
      );
      return { node: target, outcome: reply.outcome, current: versionFromWire(reply.current) };
    } catch (error) {
      return { node: target, error };
    }
  }
}

function isNewer(candidate: ObjectVersion | undefined, best: ObjectVersion | undefined): boolean {
  if (best === undefined) return true;
  if (candidate === undefined) return false;
  return compareVersions(candidate, best) > 0;
}
