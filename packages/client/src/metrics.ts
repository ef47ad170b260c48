import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** CallOutcome labels a finished call in metrics. */
export type CallOutcome = 'ok' | 'error';

/**
 * ClientMetrics are the SDK's own Prometheus series, registered on the
 * registry the options name. Two SDK instances on one registry share the
 * series (prom-client refuses a second registration of one name).
 */
export class ClientMetrics {
  private readonly calls: Counter<'node' | 'operation' | 'outcome'>;
  private readonly retries: Counter<'node' | 'reason'>;
  private readonly failovers: Counter<'node'>;
  private readonly nodeUp: Gauge<'node'>;
  private readonly duration: Histogram<'operation'>;
  /** Label-bound children of `calls` and `duration`, by their label values. */
  private readonly callChildren = new Map<string, { inc(): void }>();
  private readonly durationChildren = new Map<string, { observe(value: number): void }>();

  constructor(registry: Registry) {
    this.calls = reuse(
      registry,
      'hsmlab_client_calls_total',
      () =>
        new Counter({
          name: 'hsmlab_client_calls_total',
          help: 'Attempts the SDK made, by node, operation and outcome.',
          labelNames: ['node', 'operation', 'outcome'],
          registers: [registry],
        }),
    );
    this.retries = reuse(
      registry,
      'hsmlab_client_retries_total',
      () =>
        new Counter({
          name: 'hsmlab_client_retries_total',
          help: 'Failed attempts the SDK retried, by the node that failed and the reason.',
          labelNames: ['node', 'reason'],
          registers: [registry],
        }),
    );
    this.failovers = reuse(
      registry,
      'hsmlab_client_failovers_total',
      () =>
        new Counter({
          name: 'hsmlab_client_failovers_total',
          help: 'Times a node was taken out of routing after a failure.',
          labelNames: ['node'],
          registers: [registry],
        }),
    );
    this.nodeUp = reuse(
      registry,
      'hsmlab_client_node_routable',
      () =>
        new Gauge({
          name: 'hsmlab_client_node_routable',
          help: '1 when the SDK routes calls to the node, else 0.',
          labelNames: ['node'],
          registers: [registry],
        }),
    );
    this.duration = reuse(
      registry,
      'hsmlab_client_call_duration_seconds',
      () =>
        new Histogram({
          name: 'hsmlab_client_call_duration_seconds',
          help: 'Whole-call latency seen by callers, retries included.',
          labelNames: ['operation'],
          buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
          registers: [registry],
        }),
    );
  }

  /** attempt counts one attempt on one node. */
  attempt(node: string, operation: string, outcome: CallOutcome): void {
    // Hot path: prom-client hashes a label object on every inc(); a child
    // bound to its labels once is a plain add.
    const key = `${node}\u0000${operation}\u0000${outcome}`;
    let child = this.callChildren.get(key);
    if (child === undefined) {
      child = this.calls.labels(node, operation, outcome);
      this.callChildren.set(key, child);
    }
    child.inc();
  }

  /** retry counts a failed attempt that the SDK will retry. */
  retry(node: string, reason: string): void {
    this.retries.inc({ node, reason });
  }

  /** failover counts a node taken out of routing. */
  failover(node: string): void {
    this.failovers.inc({ node });
  }

  /** routable records whether the node gets traffic. */
  routable(node: string, yes: boolean): void {
    this.nodeUp.set({ node }, yes ? 1 : 0);
  }

  /** finished observes a whole call's latency. */
  finished(operation: string, seconds: number): void {
    let child = this.durationChildren.get(operation);
    if (child === undefined) {
      child = this.duration.labels(operation);
      this.durationChildren.set(operation, child);
    }
    child.observe(seconds);
  }
}

function reuse<T>(registry: Registry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}
