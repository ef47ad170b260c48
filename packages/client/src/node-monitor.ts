import type { NodeRef } from './events';
import type { NodeEnv } from './node-env';
import {
  NodeHealth,
  transitionEvent,
  type HealthState,
  type HealthTransition,
} from './node-health';

/**
 * NodeMonitor keeps one node's health: it feeds call outcomes and probes into
 * the NodeHealth state machine, announces each transition (event, metrics,
 * log line), and keeps the probe timer. A routable node is probed every
 * healthCheckIntervalMs (which also refreshes its load); a node taken out is
 * probed when its backoff ends, and the first answer puts it back.
 * Invariant: while the monitor runs, exactly one probe timer is pending or
 * one probe is in flight.
 */
export class NodeMonitor {
  private readonly health: NodeHealth;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly env: NodeEnv,
    private readonly ref: () => NodeRef,
    /** probeOnce asks the node about itself; it rejects with a reason when the node fails. */
    private readonly probeOnce: () => Promise<void>,
  ) {
    this.health = new NodeHealth(env.options.backoff);
  }

  get state(): HealthState {
    return this.health.state;
  }

  routable(): boolean {
    return this.health.routable();
  }

  answered(): void {
    this.apply(this.health.answered(Date.now()));
  }

  failed(reason: string): void {
    this.apply(this.health.failed(reason, Date.now()));
  }

  shed(detail: string): void {
    this.apply(this.health.shed(detail, Date.now()));
  }

  /** start probes now, then keeps probing. */
  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** probe runs one probe now and records its outcome. */
  async probe(): Promise<void> {
    try {
      await this.probeOnce();
      this.answered();
    } catch (err) {
      this.failed(`probe: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    } finally {
      this.scheduleNext();
    }
  }

  private scheduleNext(): void {
    if (this.health.routable()) {
      const interval = this.env.options.healthCheckIntervalMs;
      if (interval > 0) this.schedule(interval);
      else clearTimeout(this.timer);
      return;
    }
    this.schedule(Math.max(0, this.health.retryAtMs - Date.now()));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.probe().catch(() => {
        // The failure is recorded in the node's health; nothing waits on it.
      });
    }, delayMs);
    this.timer.unref();
  }

  private apply(transition: HealthTransition | undefined): void {
    if (transition === undefined) return;
    const node = this.ref();
    const event = transitionEvent(transition, node, Date.now());
    this.env.metrics.routable(node.nodeId, this.health.routable());
    if (transition.kind === 'down') this.env.metrics.failover(node.nodeId);
    this.env.logger.info({ ...node, transition }, `node ${event.type}`);
    // A node just taken out is probed when its backoff ends, not at the
    // healthy interval that was scheduled before.
    if (transition.kind === 'down' || transition.kind === 'degraded') this.scheduleNext();
    this.env.events.emit(event);
    this.env.healthChanged();
  }
}
