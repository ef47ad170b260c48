import { pino, destination, stdTimeFunctions, type Logger } from 'pino';

export type { Logger } from 'pino';

/** LoggerOptions names the process a logger speaks for. */
export interface LoggerOptions {
  /** Component tag: "hsm", "orchestrator", "client", "cli", "lab". */
  component: string;
  /** The node's id (HSM) or the service's id. */
  nodeId?: string;
  /** Availability zone label. */
  az?: string;
  /** Default: HSMLAB_LOG_LEVEL, else "info". */
  level?: string;
  /** Where lines go. Default: standard output. */
  destination?: NodeJS.WritableStream;
}

/**
 * REDACTED_PATHS are fields that must never reach a log line, wherever they
 * appear in a log call's metadata. Callers should not pass them at all; this
 * is the second line of defence.
 */
const REDACTED_PATHS = [
  'password',
  'newPassword',
  'pin',
  'material',
  'plaintext',
  'keyBytes',
  'sessionToken',
  '*.password',
  '*.newPassword',
  '*.material',
  '*.plaintext',
  '*.sessionToken',
];

/**
 * createLogger makes the one JSON-lines logger of a process: one line per
 * event, with the component, node id and AZ on every line.
 */
export function createLogger(options: LoggerOptions): Logger {
  const base: Record<string, string> = { component: options.component };
  if (options.nodeId !== undefined) base.nodeId = options.nodeId;
  if (options.az !== undefined) base.az = options.az;
  return pino(
    {
      level: options.level ?? process.env.HSMLAB_LOG_LEVEL ?? 'info',
      base,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: stdTimeFunctions.isoTime,
    },
    options.destination ?? destination({ fd: 1, sync: false }),
  );
}

/** silentLogger is a logger that drops everything, for tests and libraries. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
