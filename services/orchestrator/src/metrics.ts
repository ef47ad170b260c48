import { Registry, collectDefaultMetrics } from 'prom-client';
import { metricFactory } from '@hsmlab/common';

/**
 * OrchestratorMetrics are the Prometheus series the orchestrator exports.
 * Labels hold ids and states only, never anything about object content.
 */
export class OrchestratorMetrics {
  readonly registry = new Registry();
  private readonly metric = metricFactory(this.registry);

  readonly resyncRounds = this.metric.counter(
    'hsmlab_orchestrator_resync_rounds_total',
    'Resync rounds, by outcome (skipped: root digests agreed; copied; failed)',
    ['cluster', 'outcome'],
  );

  readonly objectsCopied = this.metric.counter(
    'hsmlab_orchestrator_objects_copied_total',
    'Masked objects a node applied during resync',
    ['cluster'],
  );

  readonly resyncConflicts = this.metric.counter(
    'hsmlab_orchestrator_resync_conflicts_total',
    'Handles whose winning version had different content on two HSMs',
    ['cluster'],
  );

  readonly resyncSeconds = this.metric.histogram(
    'hsmlab_orchestrator_resync_duration_seconds',
    'Duration of resync rounds that had to copy',
    ['cluster'],
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );

  readonly healthFailures = this.metric.counter(
    'hsmlab_orchestrator_health_check_failures_total',
    'Failed health checks',
    ['cluster', 'hsm'],
  );

  readonly hsmStates = this.metric.gauge('hsmlab_orchestrator_hsms', 'HSMs by cluster and state', [
    'cluster',
    'state',
  ]);

  readonly joins = this.metric.counter(
    'hsmlab_orchestrator_joins_total',
    'Finished joins, by outcome (active, refused)',
    ['cluster', 'outcome'],
  );

  readonly joinSeconds = this.metric.histogram(
    'hsmlab_orchestrator_join_duration_seconds',
    'Time from AddHsm to ACTIVE',
    ['cluster'],
    [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
  );

  readonly backups = this.metric.counter(
    'hsmlab_orchestrator_backups_total',
    'Backups taken, by trigger and outcome',
    ['cluster', 'trigger', 'outcome'],
  );

  readonly watchers = this.metric.gauge(
    'hsmlab_orchestrator_watch_streams',
    'Open WatchCluster streams',
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'hsmlab_orchestrator_' });
  }
}
