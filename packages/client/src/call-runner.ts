import { status as Status } from '@grpc/grpc-js';
import { backoffDelayMs } from './backoff';
import type { CompiledOptions } from './compile-options';
import { abortError, sleep, type Deadline } from './deadline';
import { BusyError, ClusterUnavailableError, DeadlineExceededError, type HsmError } from './errors';
import type { ClientMetrics } from './metrics';
import type { NodeConnection } from './node-connection';
import type { NodePool } from './node-pool';
import { decideRetry, RETRY_ELSEWHERE_CODES, type OperationKind } from './retry-policy';
import { asRpcFailure, type RpcFailure } from './rpc-failure';
import { codeName, errorFromFailure } from './status-mapping';

/** CallSpec describes one call to the runner. */
export interface CallSpec {
  /** Operation name for messages and metrics ("sign", "generateKeyPair"). */
  readonly operation: string;
  readonly kind: OperationKind;
  /** The key the call names, if any: NOT_FOUND then becomes KeyNotFoundError. */
  readonly handle?: string;
  /** True when the call names an object that must already exist (lag applies). */
  readonly namesObject: boolean;
  readonly deadline: Deadline;
  readonly signal?: AbortSignal;
}

/** AttemptContext bounds one attempt on one node. */
export interface AttemptContext {
  /** Time this attempt may take, in milliseconds. */
  readonly attemptMs: number;
  /** The same bound as a wall-clock Date, for grpc-js deadlines. */
  readonly deadline: Date;
  readonly signal?: AbortSignal;
}

/** Attempt runs a call once on one node; it rejects with whatever the node gave. */
export type Attempt<T> = (node: NodeConnection, context: AttemptContext) => Promise<T>;

/**
 * CallRunner runs a call on the least-loaded routable node and, when the
 * failure says another node may do better, on the next one, until the call's
 * deadline. What is retried, and how, is retry-policy's decision; this file
 * only carries it out: it takes failed nodes out, backs off when every node
 * was tried, logs in again once per node when a node forgot the session,
 * and turns the last failure into a public error.
 */
export class CallRunner {
  constructor(
    private readonly pool: NodePool,
    private readonly options: CompiledOptions,
    private readonly metrics: ClientMetrics,
  ) {}

  /** run runs `attempt` until it succeeds, fails for good, or the deadline passes. */
  async run<T>(spec: CallSpec, attempt: Attempt<T>): Promise<{ value: T; node: NodeConnection }> {
    const tried = new Set<string>();
    const relogged = new Set<string>();
    const order: string[] = [];
    let last: RpcFailure | undefined;
    let rounds = 0;

    for (;;) {
      if (spec.signal?.aborted) throw abortError(spec.signal, spec.operation);
      if (spec.deadline.expired()) throw this.giveUp(spec, order, last);
      const node = this.pool.pick(tried);
      if (node === undefined) {
        // Nothing routable: wait for a node to come back (its probe runs on
        // its own backoff), but not past the deadline.
        rounds += 1;
        const waitMs = Math.min(
          backoffDelayMs(this.options.backoff, rounds),
          spec.deadline.remainingMs(),
        );
        await sleep(waitMs, spec.signal, this.pool.changed(), spec.operation);
        continue;
      }

      tried.add(node.address);
      order.push(node.nodeId);
      const cap = spec.kind === 'write' ? undefined : this.options.attemptTimeoutMs;
      const attemptMs = spec.deadline.attemptMs(cap);
      const fullAttempt = cap !== undefined && attemptMs >= cap;
      node.ownInFlight += 1;
      try {
        const value = await attempt(node, {
          attemptMs,
          deadline: new Date(Date.now() + attemptMs),
          signal: spec.signal,
        });
        this.metrics.attempt(node.nodeId, spec.operation, 'ok');
        node.answered();
        return { value, node };
      } catch (err) {
        this.metrics.attempt(node.nodeId, spec.operation, 'error');
        if (spec.signal?.aborted) throw abortError(spec.signal, spec.operation);
        last = asRpcFailure(err, node.nodeId);
        const action = decideRetry({
          code: last.code,
          kind: spec.kind,
          namesObject: spec.namesObject,
          reloggedOnNode: relogged.has(node.address),
          duringLogin: last.duringLogin,
          untriedNodeLeft: this.pool.hasUntried(tried),
        });
        if (action === 'fail') throw this.failure(spec, last, order);
        this.metrics.retry(node.nodeId, action === 'elsewhere' ? codeName(last.code) : action);

        if (action === 'relogin') {
          relogged.add(node.address);
          tried.delete(node.address);
          node.relogin(last.sessionGeneration);
          continue;
        }
        if (action === 'busy') node.shed(last.details);
        if (action === 'elsewhere' && (last.code !== Status.DEADLINE_EXCEEDED || fullAttempt)) {
          // A node that ran out of the call's own deadline is not to blame.
          node.failed(`${spec.operation}: ${codeName(last.code)} ${last.details}`);
        }
        if (!this.pool.hasUntried(tried)) {
          rounds += 1;
          const waitMs = Math.min(
            backoffDelayMs(this.options.backoff, rounds),
            spec.deadline.remainingMs(),
          );
          await sleep(waitMs, spec.signal, undefined, spec.operation);
        }
      } finally {
        node.ownInFlight -= 1;
      }
    }
  }

  /**
   * runOn runs `attempt` on one given node (replication must reach that
   * node, not any), logging in again once if the node forgot the session.
   * A node that is unreachable is taken out. It rejects with the RpcFailure.
   */
  async runOn<T>(node: NodeConnection, spec: CallSpec, attempt: Attempt<T>): Promise<T> {
    for (let relogged = false; ; relogged = true) {
      const attemptMs = spec.deadline.attemptMs(this.options.attemptTimeoutMs);
      node.ownInFlight += 1;
      try {
        const value = await attempt(node, {
          attemptMs,
          deadline: new Date(Date.now() + attemptMs),
          signal: spec.signal,
        });
        this.metrics.attempt(node.nodeId, spec.operation, 'ok');
        return value;
      } catch (err) {
        this.metrics.attempt(node.nodeId, spec.operation, 'error');
        if (spec.signal?.aborted) throw abortError(spec.signal, spec.operation);
        const failure = asRpcFailure(err, node.nodeId);
        const relogin =
          failure.code === Status.UNAUTHENTICATED && !failure.duringLogin && !relogged;
        if (!relogin) {
          if (RETRY_ELSEWHERE_CODES.has(failure.code)) {
            node.failed(`${spec.operation}: ${codeName(failure.code)} ${failure.details}`);
          }
          throw failure;
        }
        node.relogin(failure.sessionGeneration);
      } finally {
        node.ownInFlight -= 1;
      }
    }
  }

  /** failure maps a failure the policy will not retry to the caller's error. */
  failure(spec: CallSpec, last: RpcFailure, order: readonly string[]): HsmError {
    return errorFromFailure(last, {
      operation: spec.operation,
      handle: spec.handle,
      deadlineMs: spec.deadline.budgetMs,
      triedNodes: order,
    });
  }

  private giveUp(spec: CallSpec, order: readonly string[], last: RpcFailure | undefined): HsmError {
    const budget = `${spec.deadline.budgetMs} ms`;
    const tried = order.length > 0 ? `tried ${order.join(', ')}` : 'no node was routable';
    if (last === undefined) {
      const members = this.pool.all().map((node) => `${node.nodeId} (${node.healthState})`);
      return new ClusterUnavailableError(
        `${spec.operation}: no routable node within ${budget}; members: ${members.join(', ') || 'none'}`,
        order,
      );
    }
    const lastText = `last error from ${last.nodeId}: ${codeName(last.code)} ${last.details}`;
    const cause = this.failure(spec, last, order);
    const options = { code: last.code, nodeId: last.nodeId, cause };
    if (last.code === Status.RESOURCE_EXHAUSTED) {
      return new BusyError(
        `${spec.operation}: every node tried was busy for ${budget} (${tried}; ${lastText})`,
        options,
      );
    }
    if (last.code === Status.UNAVAILABLE) {
      return new ClusterUnavailableError(
        `${spec.operation}: no node could run it within ${budget} (${tried}; ${lastText})`,
        order,
        options,
      );
    }
    return new DeadlineExceededError(
      `${spec.operation} did not finish within ${budget} (${tried}; ${lastText})`,
      spec.deadline.budgetMs,
      options,
    );
  }
}
