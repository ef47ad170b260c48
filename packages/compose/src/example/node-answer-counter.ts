import type { Counter, Registry } from 'prom-client';

/** CALLS_METRIC is the SDK's counter of attempts by node, operation and outcome. */
const CALLS_METRIC = 'hsmlab_client_calls_total';

/**
 * NodeAnswerCounter tells which nodes answered an operation since it was last
 * asked, from the SDK's own `hsmlab_client_calls_total` counter (the SDK
 * counts every attempt by node and outcome; successful ones are answers).
 */
export class NodeAnswerCounter {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly registry: Registry,
    private readonly operation: string,
  ) {}

  /** take is, per node id, the successful attempts since the previous take. */
  async take(): Promise<Map<string, number>> {
    const metric = this.registry.getSingleMetric(CALLS_METRIC) as Counter | undefined;
    const answers = new Map<string, number>();
    if (metric === undefined) return answers;
    for (const { labels, value } of (await metric.get()).values) {
      if (labels.operation !== this.operation || labels.outcome !== 'ok') continue;
      const node = String(labels.node);
      const delta = value - (this.seen.get(node) ?? 0);
      this.seen.set(node, value);
      if (delta > 0) answers.set(node, delta);
    }
    return answers;
  }
}
