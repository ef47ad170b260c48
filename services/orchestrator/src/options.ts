import { z } from 'zod';
import type { Logger } from '@hsmlab/common';
import type { Clock } from './clock';
import { systemClock } from './clock';

/**
 * OrchestratorOptions configure one orchestrator. Every field but dataDir and
 * appliancePassword is optional; compileOptions fills defaults, validates, and
 * returns the CompiledOptions the rest of the code reads.
 */
export interface OrchestratorOptions {
  /** Directory for state.json and backups/. Created if missing. */
  dataDir: string;
  /** Password of the nodes' appliance user. Never logged. */
  appliancePassword: string;
  /** @default 'appliance' */
  applianceUser?: string;
  /** host:port of the control-plane server; port 0 picks one. @default '127.0.0.1:0' */
  listen?: string;
  /** host:port of the Prometheus endpoint; unset serves none. */
  metricsListen?: string;
  /** Anti-entropy period. @default 1000 */
  resyncIntervalMs?: number;
  /** Health-check period. @default 1000 */
  healthIntervalMs?: number;
  /** Scheduled backup period per cluster. @default 86_400_000 (daily) */
  backupIntervalMs?: number;
  /** READY backups older than this are put in PENDING_DELETION. @default 90 days */
  backupRetentionMs?: number;
  /** How long a deleted backup stays restorable. @default 7 days */
  pendingDeletionPeriodMs?: number;
  /** How often schedules and retention are checked. @default 10_000 */
  maintenanceIntervalMs?: number;
  /** Consecutive failed health checks before an HSM is DEGRADED. @default 2 */
  unhealthyAfterFailures?: number;
  /** Deadline of one unary sync-plane call. @default 5000 */
  rpcTimeoutMs?: number;
  /** Deadline of a whole backup or restore stream. @default 120_000 */
  backupTimeoutMs?: number;
  /** Handles per ExportMasked call. @default 500 */
  resyncBatchSize?: number;
  /** Sealed bytes per ImportMasked call (nodes accept 4 MiB messages). @default 2 MiB */
  importBatchBytes?: number;
  /** Digests per ListDigests page. @default 5000 */
  digestPageSize?: number;
  /** Resync rounds a join may take to reach identical root digests. @default 5 */
  joinConvergenceRounds?: number;
  /** Plaintext gRPC on every link. Exactly one of insecure and tls must be set. */
  insecure?: boolean;
  /** PEM files: the CA that signs nodes and clients, our certificate and key. */
  tls?: { caFile: string; certFile: string; keyFile: string; requireClientCert?: boolean };
  /** Run the resync, health and maintenance loops. Tests turn this off. @default true */
  runLoops?: boolean;
  /** @default the system clock */
  clock?: Clock;
  /** @default a JSON logger on stdout */
  logger?: Logger;
}

/** CompiledOptions are OrchestratorOptions after defaults and validation. */
export interface CompiledOptions {
  readonly dataDir: string;
  readonly appliancePassword: string;
  readonly applianceUser: string;
  readonly listen: string;
  readonly metricsListen: string | undefined;
  readonly resyncIntervalMs: number;
  readonly healthIntervalMs: number;
  readonly backupIntervalMs: number;
  readonly backupRetentionMs: number;
  readonly pendingDeletionPeriodMs: number;
  readonly maintenanceIntervalMs: number;
  readonly unhealthyAfterFailures: number;
  readonly rpcTimeoutMs: number;
  readonly backupTimeoutMs: number;
  readonly resyncBatchSize: number;
  readonly importBatchBytes: number;
  readonly digestPageSize: number;
  readonly joinConvergenceRounds: number;
  readonly tls:
    { caFile: string; certFile: string; keyFile: string; requireClientCert: boolean } | undefined;
  readonly runLoops: boolean;
  readonly clock: Clock;
  readonly logger: Logger | undefined;
}

const DAY_MS = 86_400_000;
const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port');
const positiveMs = (max: number) => z.number().int().min(1).max(max);

const schema = z.object({
  dataDir: z.string().min(1, 'must name a directory'),
  appliancePassword: z.string().min(1, 'must not be empty'),
  applianceUser: z.string().min(1).default('appliance'),
  listen: hostPort.default('127.0.0.1:0'),
  metricsListen: hostPort.optional(),
  resyncIntervalMs: positiveMs(DAY_MS).default(1000),
  healthIntervalMs: positiveMs(DAY_MS).default(1000),
  backupIntervalMs: positiveMs(365 * DAY_MS).default(DAY_MS),
  backupRetentionMs: positiveMs(3650 * DAY_MS).default(90 * DAY_MS),
  pendingDeletionPeriodMs: z
    .number()
    .int()
    .min(0)
    .max(365 * DAY_MS)
    .default(7 * DAY_MS),
  maintenanceIntervalMs: positiveMs(DAY_MS).default(10_000),
  unhealthyAfterFailures: z.number().int().min(1).max(100).default(2),
  rpcTimeoutMs: positiveMs(600_000).default(5000),
  backupTimeoutMs: positiveMs(3_600_000).default(120_000),
  resyncBatchSize: z.number().int().min(1).max(10_000).default(500),
  importBatchBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(3 * 1024 * 1024)
    .default(2 * 1024 * 1024),
  digestPageSize: z.number().int().min(1).max(10_000).default(5000),
  joinConvergenceRounds: z.number().int().min(1).max(100).default(5),
  insecure: z.boolean().default(false),
  tls: z
    .object({
      caFile: z.string().min(1),
      certFile: z.string().min(1),
      keyFile: z.string().min(1),
      requireClientCert: z.boolean().default(false),
    })
    .optional(),
  runLoops: z.boolean().default(true),
});

/**
 * compileOptions validates options and fills defaults. It throws one Error
 * that names every bad option and its value, e.g.
 * `invalid orchestrator options: resyncIntervalMs (0): Number must be greater than or equal to 1`.
 */
export function compileOptions(options: OrchestratorOptions): CompiledOptions {
  const { clock, logger, ...plain } = options;
  const parsed = schema.safeParse(plain);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.') || '(options)';
      const value = issue.path.reduce<unknown>(
        (obj, key) => (obj as Record<string | number, unknown> | undefined)?.[key],
        plain,
      );
      const shown = path === 'appliancePassword' ? '[redacted]' : JSON.stringify(value);
      return `${path} (${shown}): ${issue.message}`;
    });
    throw new Error(`invalid orchestrator options: ${problems.join('; ')}`);
  }
  const o = parsed.data;
  if (o.insecure && o.tls) {
    throw new Error('invalid orchestrator options: insecure and tls are both set; choose one');
  }
  if (!o.insecure && !o.tls) {
    throw new Error(
      'invalid orchestrator options: neither tls nor insecure is set; plaintext is used only when asked for',
    );
  }
  if (o.maintenanceIntervalMs > o.backupIntervalMs) {
    throw new Error(
      `invalid orchestrator options: maintenanceIntervalMs (${o.maintenanceIntervalMs}) exceeds backupIntervalMs (${o.backupIntervalMs})`,
    );
  }
  return { ...o, metricsListen: o.metricsListen, tls: o.tls, clock: clock ?? systemClock, logger };
}
