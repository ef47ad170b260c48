export { createLogger, silentLogger, type Logger, type LoggerOptions } from './logger';
export { startMetricsServer, type MetricsServer } from './metrics-server';
export { parseDurationMs } from './duration';
export { metricFactory, type MetricFactory } from './metric-factory';
export { malformedReason, tolerantService } from './malformed-request';
export { boundDetails, MAX_DETAILS_CHARS } from './status-details';
