import { busyDelayMs, probeDelayMs, type BackoffPolicy } from './backoff';
import type { ClusterEvent, NodeRef } from './events';

/**
 * HealthState is the SDK's view of whether a node can take calls.
 * - `unknown`: never answered yet; not routed to.
 * - `up`: answered its last call or probe; routed to.
 * - `degraded`: shed load (RESOURCE_EXHAUSTED); left alone until `retryAtMs`.
 * - `down`: failed a call or probe; left alone until a probe answers.
 */
export type HealthState = 'unknown' | 'up' | 'degraded' | 'down';

/** HealthTransition describes one state change, for events, metrics and logs. */
export type HealthTransition =
  | { readonly kind: 'first-up' }
  | { readonly kind: 'back'; readonly from: 'down' | 'degraded'; readonly outForMs: number }
  | { readonly kind: 'down'; readonly reason: string; readonly retryInMs: number }
  | { readonly kind: 'degraded'; readonly detail: string; readonly retryInMs: number };

/**
 * NodeHealth is one node's health state machine. It holds no timers and
 * reads no clock: callers pass `nowMs`, and it returns the transition (if
 * any) together with when the node should be probed next. Consecutive
 * failures grow the probe delay along the backoff policy; any answer resets
 * them.
 */
export class NodeHealth {
  private current: HealthState = 'unknown';
  /** Consecutive failed calls or probes (or busy answers) since the last success. */
  private failures = 0;
  /** When the node left `up`; meaningful only while down or degraded. */
  private outSinceMs = 0;
  /** Earliest time to probe a down or degraded node again. */
  private retryAt = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  get state(): HealthState {
    return this.current;
  }

  /** retryAtMs is when a down or degraded node should be probed again. */
  get retryAtMs(): number {
    return this.retryAt;
  }

  /** routable tells whether the node gets calls now. */
  routable(): boolean {
    return this.current === 'up';
  }

  /** answered records a successful call or probe. */
  answered(nowMs: number): HealthTransition | undefined {
    const before = this.current;
    this.current = 'up';
    this.failures = 0;
    if (before === 'unknown') return { kind: 'first-up' };
    if (before === 'down' || before === 'degraded') {
      return { kind: 'back', from: before, outForMs: Math.max(0, nowMs - this.outSinceMs) };
    }
    return undefined;
  }

  /**
   * failed records a failed call or probe (unreachable, or too slow). The
   * node leaves routing; a transition is returned only when it was routable
   * (or never seen), so a node failing its probes again emits nothing.
   */
  failed(reason: string, nowMs: number): HealthTransition | undefined {
    const before = this.current;
    this.failures += 1;
    const retryInMs = probeDelayMs(this.policy, this.failures, this.random);
    this.retryAt = nowMs + retryInMs;
    if (before === 'down') return undefined;
    if (before !== 'degraded') this.outSinceMs = nowMs;
    this.current = 'down';
    return { kind: 'down', reason, retryInMs };
  }

  /**
   * shed records a RESOURCE_EXHAUSTED answer: the node is alive but asks for
   * less traffic, so it is left alone for the longer busy delay.
   */
  shed(detail: string, nowMs: number): HealthTransition | undefined {
    if (this.current === 'down') return undefined;
    const before = this.current;
    this.failures += 1;
    const retryInMs = busyDelayMs(this.policy, this.failures, this.random);
    this.retryAt = nowMs + retryInMs;
    if (before === 'degraded') return undefined;
    this.outSinceMs = nowMs;
    this.current = 'degraded';
    return { kind: 'degraded', detail, retryInMs };
  }
}

/** transitionEvent is the ClusterEvent that announces a health transition. */
export function transitionEvent(
  transition: HealthTransition,
  node: NodeRef,
  atMs: number,
): ClusterEvent {
  switch (transition.kind) {
    case 'first-up':
      return { type: 'node-up', node, atMs };
    case 'back':
      return {
        type: 'node-back',
        node,
        from: transition.from,
        outForMs: transition.outForMs,
        atMs,
      };
    case 'down':
      return {
        type: 'node-down',
        node,
        reason: transition.reason,
        retryInMs: transition.retryInMs,
        atMs,
      };
    case 'degraded':
      return { type: 'node-degraded', node, reason: 'busy', detail: transition.detail, atMs };
  }
}
