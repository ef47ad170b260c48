import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
    this.calls = new Counter({
      name: 'hsmlab_hsm_calls_total',
      help: 'Calls served, by method and gRPC status code',
      labelNames: ['method', 'code'],
      registers: [this.registry],
    });
    this.callSeconds = new Histogram({
      name: 'hsmlab_hsm_call_seconds',
      help: 'Time spent serving a call on the node',
      labelNames: ['method'],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [this.registry],
    });
    this.inFlight = new Gauge({
      name: 'hsmlab_hsm_in_flight',
      help: 'Operations running or queued on the node',
      registers: [this.registry],
    });
    this.objects = new Gauge({
      name: 'hsmlab_hsm_objects',
      help: 'Objects held by the node, tombstones included',
      labelNames: ['kind'],
      registers: [this.registry],
    });
    this.streamMessages = new Counter({
      name: 'hsmlab_hsm_stream_messages_total',
      help: 'Crypto stream messages, by direction',
      labelNames: ['direction'],
      registers: [this.registry],
    });
  }
}
