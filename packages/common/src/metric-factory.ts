import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/**
 * MetricFactory makes Prometheus metrics registered in one registry only
 * (never prom-client's global one). Label names are typed, so a metric made
 * with ['cluster'] takes only { cluster } labels.
 */
export interface MetricFactory {
  counter<L extends string>(name: string, help: string, labelNames?: readonly L[]): Counter<L>;
  gauge<L extends string>(name: string, help: string, labelNames?: readonly L[]): Gauge<L>;
  histogram<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    buckets: number[],
  ): Histogram<L>;
}

/** metricFactory returns a MetricFactory for registry. */
export function metricFactory(registry: Registry): MetricFactory {
  const registers = [registry];
  return {
    counter: (name, help, labelNames = []) => new Counter({ name, help, labelNames, registers }),
    gauge: (name, help, labelNames = []) => new Gauge({ name, help, labelNames, registers }),
    histogram: (name, help, labelNames, buckets) =>
      new Histogram({ name, help, labelNames, buckets, registers }),
  };
}
