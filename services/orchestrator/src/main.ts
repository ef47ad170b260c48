#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLogger, parseDurationMs } from '@hsmlab/common';
import { installHeapSnapshotHook } from './heap-snapshot';
import { startOrchestrator } from './orchestrator';
import type { OrchestratorOptions } from './options';

const USAGE = `usage: hsmlab-orchestrator --data-dir DIR --appliance-password-file FILE
  (--insecure | --tls-ca FILE --tls-cert FILE --tls-key FILE [--tls-require-client-cert])
  [--listen HOST:PORT] [--metrics-listen HOST:PORT] [--appliance-user NAME]
  [--resync-interval 1s] [--health-interval 1s] [--backup-interval 1d]
  [--backup-retention 90d] [--pending-deletion-period 7d] [--maintenance-interval 10s]
  [--unhealthy-after 2] [--heap-snapshot-dir DIR]
Every flag can also be set as HSMLAB_ORCHESTRATOR_<FLAG> (e.g. HSMLAB_ORCHESTRATOR_DATA_DIR).`;

const FLAGS = {
  listen: { type: 'string' },
  'data-dir': { type: 'string' },
  'appliance-password-file': { type: 'string' },
  'appliance-user': { type: 'string' },
  'resync-interval': { type: 'string' },
  'health-interval': { type: 'string' },
  'backup-interval': { type: 'string' },
  'backup-retention': { type: 'string' },
  'pending-deletion-period': { type: 'string' },
  'maintenance-interval': { type: 'string' },
  'unhealthy-after': { type: 'string' },
  'metrics-listen': { type: 'string' },
  'tls-ca': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-require-client-cert': { type: 'boolean' },
  insecure: { type: 'boolean' },
  'heap-snapshot-dir': { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Flag = keyof typeof FLAGS;

/** readFlags merges command-line flags over HSMLAB_ORCHESTRATOR_* environment variables. */
function readFlags(argv: string[]): (flag: Flag) => string | boolean | undefined {
  const { values } = parseArgs({ args: argv, options: FLAGS, strict: true });
  return (flag) => {
    const given = (values as Record<string, string | boolean | undefined>)[flag];
    if (given !== undefined) return given;
    const env = process.env[`HSMLAB_ORCHESTRATOR_${flag.toUpperCase().replace(/-/g, '_')}`];
    if (env === undefined || env === '') return undefined;
    return FLAGS[flag].type === 'boolean' ? env === '1' || env === 'true' : env;
  };
}

function durationFlag(flag: Flag, text: string | boolean | undefined): number | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return parseDurationMs(text);
  } catch (err) {
    throw new Error(`--${flag}: ${(err as Error).message}`);
  }
}

function buildOptions(
  get: (flag: Flag) => string | boolean | undefined,
): OrchestratorOptions & { heapSnapshotDir?: string } {
  const str = (flag: Flag) => {
    const v = get(flag);
    return typeof v === 'string' ? v : undefined;
  };
  const passwordFile = str('appliance-password-file');
  if (!str('data-dir')) throw new Error('--data-dir is required');
  if (!passwordFile) throw new Error('--appliance-password-file is required');
  let appliancePassword: string;
  try {
    appliancePassword = readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '');
  } catch (err) {
    throw new Error(
      `--appliance-password-file: cannot read ${passwordFile}: ${(err as Error).message}`,
    );
  }
  const unhealthy = str('unhealthy-after');
  const tlsFiles = [str('tls-ca'), str('tls-cert'), str('tls-key')];
  if (tlsFiles.some((f) => f) && !tlsFiles.every((f) => f)) {
    throw new Error('--tls-ca, --tls-cert and --tls-key go together');
  }
  return {
    dataDir: str('data-dir')!,
    appliancePassword,
    applianceUser: str('appliance-user'),
    listen: str('listen') ?? '127.0.0.1:7400',
    metricsListen: str('metrics-listen'),
    resyncIntervalMs: durationFlag('resync-interval', get('resync-interval')),
    healthIntervalMs: durationFlag('health-interval', get('health-interval')),
    backupIntervalMs: durationFlag('backup-interval', get('backup-interval')),
    backupRetentionMs: durationFlag('backup-retention', get('backup-retention')),
    pendingDeletionPeriodMs: durationFlag(
      'pending-deletion-period',
      get('pending-deletion-period'),
    ),
    maintenanceIntervalMs: durationFlag('maintenance-interval', get('maintenance-interval')),
    unhealthyAfterFailures: unhealthy === undefined ? undefined : Number(unhealthy),
    insecure: get('insecure') === true,
    tls: tlsFiles[0]
      ? {
          caFile: tlsFiles[0],
          certFile: tlsFiles[1]!,
          keyFile: tlsFiles[2]!,
          requireClientCert: get('tls-require-client-cert') === true,
        }
      : undefined,
    heapSnapshotDir: str('heap-snapshot-dir'),
  };
}

async function main(): Promise<void> {
  const logger = createLogger({ component: 'orchestrator' });
  let options: ReturnType<typeof buildOptions>;
  try {
    const get = readFlags(process.argv.slice(2));
    if (get('help')) {
      console.log(USAGE);
      return;
    }
    options = buildOptions(get);
  } catch (err) {
    console.error(`hsmlab-orchestrator: ${(err as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const { heapSnapshotDir, ...orchestratorOptions } = options;
  const running = await startOrchestrator({ ...orchestratorOptions, logger });
  if (heapSnapshotDir) installHeapSnapshotHook(heapSnapshotDir, logger);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'orchestrator stopping');
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: (err as Error).message }, 'orchestrator stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`hsmlab-orchestrator: ${(err as Error).message}`);
  process.exit(1);
});
