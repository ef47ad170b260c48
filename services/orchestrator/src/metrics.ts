import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * OrchestratorMetrics are the Prometheus series the orchestrator exports.
 * Labels hold ids and states only, never anything about object content.
 */
export class OrchestratorMetrics {
  readonly registry = new Registry();

  readonly resyncRounds = new Counter({
    name: 'hsmlab_orchestrator_resync_rounds_total',
    help: 'Resync rounds, by outcome (skipped: root digests agreed; copied; failed)',
    labelNames: ['cluster', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly objectsCopied = new Counter({
    name: 'hsmlab_orchestrator_objects_copied_total',
    help: 'Masked objects a node applied during resync',
    labelNames: ['cluster'] as const,
    registers: [this.registry],
  });

  readonly resyncConflicts = new Counter({
    name: 'hsmlab_orchestrator_resync_conflicts_total',
    help: 'Handles whose winning version had different content on two HSMs',
    labelNames: ['cluster'] as const,
    registers: [this.registry],
  });

  readonly resyncSeconds = new Histogram({
    name: 'hsmlab_orchestrator_resync_duration_seconds',
    help: 'Duration of resync rounds that had to copy',
    labelNames: ['cluster'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly healthFailures = new Counter({
    name: 'hsmlab_orchestrator_health_check_failures_total',
    help: 'Failed health checks',
    labelNames: ['cluster', 'hsm'] as const,
    registers: [this.registry],
  });

  readonly hsmStates = new Gauge({
    name: 'hsmlab_orchestrator_hsms',
    help: 'HSMs by cluster and state',
    labelNames: ['cluster', 'state'] as const,
    registers: [this.registry],
  });

  readonly joins = new Counter({
    name: 'hsmlab_orchestrator_joins_total',
    help: 'Finished joins, by outcome (active, refused)',
    labelNames: ['cluster', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly joinSeconds = new Histogram({
    name: 'hsmlab_orchestrator_join_duration_seconds',
    help: 'Time from AddHsm to ACTIVE',
    labelNames: ['cluster'] as const,
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  readonly backups = new Counter({
    name: 'hsmlab_orchestrator_backups_total',
    help: 'Backups taken, by trigger and outcome',
    labelNames: ['cluster', 'trigger', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly watchers = new Gauge({
    name: 'hsmlab_orchestrator_watch_streams',
    help: 'Open WatchCluster streams',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'hsmlab_orchestrator_' });
  }
}
