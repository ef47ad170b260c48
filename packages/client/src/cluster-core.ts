import type { hsmV1 } from '@hsmlab/proto';
import { CallRunner, type CallSpec } from './call-runner';
import type { CompiledOptions } from './compile-options';
import type { CryptoOp } from './crypto-stream';
import { Deadline, monotonicMs } from './deadline';
import { KeyAvailabilityError } from './errors';
import type { EventHub } from './events';
import type { ClientMetrics } from './metrics';
import type { NodeConnection } from './node-connection';
import type { CredentialStore } from './node-session';
import type { NodePool } from './node-pool';
import { Replicator, type ReplicatedObject, type ReplicationResult } from './replicator';
import type { OperationKind } from './retry-policy';
import { requiredReplicas } from './routing-policy';
import type { UnaryMethod, UnaryMethods } from './unary-methods';

/** CallOptions bound one SDK call. */
export interface CallOptions {
  /**
   * Overall deadline of the call, retries and replication included, in
   * milliseconds.
   * @default options.defaultDeadlineMs (5000)
   */
  deadlineMs?: number;
  /** Aborting it ends the call with a CancelledError and cancels it on the node. */
  signal?: AbortSignal;
}

/** CallTarget says what a call is about, for retries and error messages. */
export interface CallTarget {
  readonly operation: string;
  /** The key handle the call names; it must already exist. */
  readonly handle?: string;
  /** The user the call names; it must already exist. */
  readonly user?: string;
}

/** WriteResult is a replicated write's reply and where its objects ended up. */
export interface WriteResult<T> {
  readonly value: T;
  readonly node: NodeConnection;
  readonly replicas: readonly ReplicationResult[];
  /** The call's spec, so follow-up reads share its deadline. */
  readonly spec: CallSpec;
}

/**
 * ClusterCore is the engine under the public API: it turns a call into a
 * spec with one deadline, runs it through the call runner, and for writes
 * checks the availability rule, spreads the objects and enforces the quorum.
 * @internal
 */
export class ClusterCore {
  readonly runner: CallRunner;
  private readonly replicator: Replicator;

  constructor(
    readonly pool: NodePool,
    readonly options: CompiledOptions,
    readonly metrics: ClientMetrics,
    readonly events: EventHub,
    readonly store: CredentialStore,
  ) {
    this.runner = new CallRunner(pool, options, metrics);
    this.replicator = new Replicator(pool, this.runner, options.backoff);
  }

  /** spec makes the runner's description of a call, computing its one deadline. */
  spec(target: CallTarget, kind: OperationKind, call: CallOptions = {}): CallSpec {
    return {
      operation: target.operation,
      kind,
      handle: target.handle,
      namesObject: target.handle !== undefined || target.user !== undefined,
      deadline: Deadline.after(call.deadlineMs ?? this.options.defaultDeadlineMs),
      signal: call.signal,
    };
  }

  /** required is the replica count a write needs now. */
  required(): number {
    return requiredReplicas(this.options.minReplicas, this.pool.activeMembers());
  }

  /** read runs a unary call that changes nothing, on any node. */
  async read<M extends UnaryMethod>(
    target: CallTarget,
    method: M,
    request: UnaryMethods[M][0],
    call?: CallOptions,
  ): Promise<{ value: UnaryMethods[M][1]; node: NodeConnection }> {
    return this.timed(target.operation, () =>
      this.runner.run(this.spec(target, 'read', call), (node, c) => node.unary(method, request, c)),
    );
  }

  /** crypto runs one operation on the crypto stream of the least-loaded node. */
  async crypto(
    target: CallTarget,
    op: CryptoOp,
    call?: CallOptions,
  ): Promise<hsmV1.CryptoResult__Output> {
    return this.timed(target.operation, async () => {
      const spec = this.spec(target, 'crypto', call);
      const { value } = await this.runner.run(spec, (node, c) =>
        node.crypto(op, c.attemptMs, c.signal),
      );
      return value;
    });
  }

  /**
   * write runs a state change on one node and spreads the objects `objects`
   * names to the other routable nodes. It refuses to start when fewer nodes
   * are reachable than the write needs, and fails with KeyAvailabilityError
   * when the spread falls short.
   */
  async write<M extends UnaryMethod>(
    target: CallTarget,
    method: M,
    request: UnaryMethods[M][0],
    objects: (reply: UnaryMethods[M][1]) => ReplicatedObject[],
    call?: CallOptions,
  ): Promise<WriteResult<UnaryMethods[M][1]>> {
    return this.timed(target.operation, async () => {
      const spec = this.spec(target, 'write', call);
      const required = this.required();
      const reachable = this.pool.routable().length;
      if (reachable < required) {
        throw new KeyAvailabilityError(
          `${target.operation}: only ${reachable} of ${this.pool.activeMembers()} active nodes are reachable ` +
            `and ${required} must hold the result; nothing was written`,
          0,
          required,
          undefined,
        );
      }

      const { value, node } = await this.runner.run(spec, (n, c) => n.unary(method, request, c));
      const replicas = await Promise.all(
        objects(value).map((object) => this.replicator.replicate(node, object, spec, required)),
      );
      for (const replica of replicas) {
        if (replica.holders.length >= required) continue;
        throw new KeyAvailabilityError(
          `${target.operation}: ${replica.handle} is held by ${replica.holders.length} node(s) ` +
            `(${replica.holders.join(', ')}) but ${required} are required; it is kept there, ` +
            `not rolled back`,
          replica.holders.length,
          required,
          replica.handle,
          { nodeId: node.nodeId },
        );
      }
      return { value, node, replicas, spec };
    });
  }

  /** timed records the whole call's latency. */
  async timed<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    const startMs = monotonicMs();
    try {
      return await fn();
    } finally {
      this.metrics.finished(operation, (monotonicMs() - startMs) / 1000);
    }
  }
}
