import {
  type Counter,
  type Gauge,
  type Histogram,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';
import { metricFactory } from '@hsmlab/common';

/** NodeMetrics are the Prometheus metrics of one HSM node. */
export class NodeMetrics {
  readonly registry = new Registry();
  readonly calls: Counter<'method' | 'code'>;
  readonly callSeconds: Histogram<'method'>;
  readonly inFlight: Gauge;
  readonly objects: Gauge<'kind'>;
  readonly streamMessages: Counter<'direction'>;

  constructor(labels: { nodeId: string; az: string }) {
    this.registry.setDefaultLabels({ node_id: labels.nodeId, az: labels.az });
    collectDefaultMetrics({ register: this.registry });
    const metric = metricFactory(this.registry);
    this.calls = metric.counter(
      'hsmlab_hsm_calls_total',
      'Calls served, by method and gRPC status code',
      ['method', 'code'],
    );
    this.callSeconds = metric.histogram(
      'hsmlab_hsm_call_seconds',
      'Time spent serving a call on the node',
      ['method'],
      [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    );
    this.inFlight = metric.gauge(
      'hsmlab_hsm_in_flight',
      'Operations running or queued on the node',
    );
    this.objects = metric.gauge(
      'hsmlab_hsm_objects',
      'Objects held by the node, tombstones included',
      ['kind'],
    );
    this.streamMessages = metric.counter(
      'hsmlab_hsm_stream_messages_total',
      'Crypto stream messages, by direction',
      ['direction'],
    );
  }
}
