import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseDurationMs } from '@hsmlab/common';

/**
 * NodeConfig is the validated, compiled configuration of one HSM node. Every
 * value comes from a flag or, failing that, an HSMLAB_* environment variable.
 */
export interface NodeConfig {
  nodeId: string;
  az: string;
  /** host:port; port 0 picks a free port. */
  listen: string;
  dataDir: string;
  /** Cluster this node is meant for, if known at start. */
  clusterId?: string;
  /** host:port of the Prometheus endpoint; undefined turns it off. */
  metricsListen?: string;
  tls?: { certPem: string; keyPem: string; caPem?: string; requireClientCert: boolean };
  /** Plaintext gRPC, only when asked for. */
  insecure: boolean;
  /** Capacity profile name or JSON file path; undefined runs at machine speed. */
  profile?: string;
  /** Password of the built-in appliance user; undefined disables it. */
  appliancePassword?: string;
  manufacturerCaCertPem?: string;
  manufacturerCaKeyPem?: string;
  sessionTtlMs: number;
  maxFailedLogins: number;
  maxObjects: number;
  maxKeysPerUser: number;
  maxSessionKeysPerSession: number;
  maxSessions: number;
  defaultCallTimeoutMs: number;
  snapshotEveryRecords: number;
  /** Offset added to the system clock (chaos: clock jumps). */
  clockOffsetMs: number;
  /** Worker threads for asymmetric signing; 0 signs on the main thread. */
  cryptoWorkers: number;
  logLevel: string;
}

const FLAGS = {
  'node-id': { env: 'HSMLAB_NODE_ID' },
  az: { env: 'HSMLAB_AZ' },
  listen: { env: 'HSMLAB_LISTEN' },
  'data-dir': { env: 'HSMLAB_DATA_DIR' },
  'cluster-id': { env: 'HSMLAB_CLUSTER_ID' },
  'metrics-listen': { env: 'HSMLAB_METRICS_LISTEN' },
  'tls-cert': { env: 'HSMLAB_TLS_CERT' },
  'tls-key': { env: 'HSMLAB_TLS_KEY' },
  'tls-ca': { env: 'HSMLAB_TLS_CA' },
  'tls-client-auth': { env: 'HSMLAB_TLS_CLIENT_AUTH', boolean: true },
  insecure: { env: 'HSMLAB_INSECURE', boolean: true },
  profile: { env: 'HSMLAB_PROFILE' },
  'appliance-password-file': { env: 'HSMLAB_APPLIANCE_PASSWORD_FILE' },
  'manufacturer-ca-cert': { env: 'HSMLAB_MANUFACTURER_CA_CERT' },
  'manufacturer-ca-key': { env: 'HSMLAB_MANUFACTURER_CA_KEY' },
  'session-ttl': { env: 'HSMLAB_SESSION_TTL' },
  'max-failed-logins': { env: 'HSMLAB_MAX_FAILED_LOGINS' },
  'max-objects': { env: 'HSMLAB_MAX_OBJECTS' },
  'max-keys-per-user': { env: 'HSMLAB_MAX_KEYS_PER_USER' },
  'default-call-timeout': { env: 'HSMLAB_DEFAULT_CALL_TIMEOUT' },
  'snapshot-every': { env: 'HSMLAB_SNAPSHOT_EVERY' },
  'clock-offset': { env: 'HSMLAB_CLOCK_OFFSET_MS' },
  'crypto-workers': { env: 'HSMLAB_CRYPTO_WORKERS' },
  'log-level': { env: 'HSMLAB_LOG_LEVEL' },
} as const satisfies Record<string, { env: string; boolean?: boolean }>;

/** USAGE is printed with --help and after a configuration error. */
export const USAGE = `usage: hsmlab-hsm --node-id ID --data-dir DIR [options]

  --node-id ID                  node id (letters, digits, - and _)      HSMLAB_NODE_ID
  --az LABEL                    availability zone label (default a)     HSMLAB_AZ
  --listen HOST:PORT            gRPC address (default 127.0.0.1:2225)   HSMLAB_LISTEN
  --data-dir DIR                journal, snapshots, audit log           HSMLAB_DATA_DIR
  --cluster-id ID               cluster this node belongs to            HSMLAB_CLUSTER_ID
  --metrics-listen HOST:PORT    Prometheus /metrics (default off)       HSMLAB_METRICS_LISTEN
  --tls-cert/--tls-key FILE     server certificate and key (PEM)        HSMLAB_TLS_CERT/KEY
  --tls-ca FILE                 CA for client certificates              HSMLAB_TLS_CA
  --tls-client-auth             require client certificates (mTLS)      HSMLAB_TLS_CLIENT_AUTH
  --insecure                    plaintext gRPC (needed without TLS)     HSMLAB_INSECURE=1
  --profile NAME|FILE           capacity profile (default: none)        HSMLAB_PROFILE
  --appliance-password-file F   enables the appliance user              HSMLAB_APPLIANCE_PASSWORD_FILE
  --manufacturer-ca-cert FILE   emulated manufacturer CA certificate    HSMLAB_MANUFACTURER_CA_CERT
  --manufacturer-ca-key FILE    its key (held only by HSM nodes)        HSMLAB_MANUFACTURER_CA_KEY
  --session-ttl DURATION        session lifetime (default 8h)           HSMLAB_SESSION_TTL
  --max-failed-logins N         lockout threshold (default 5)           HSMLAB_MAX_FAILED_LOGINS
  --max-objects N               objects per node (default 100000)       HSMLAB_MAX_OBJECTS
  --max-keys-per-user N         token keys per user (default 20000)     HSMLAB_MAX_KEYS_PER_USER
  --default-call-timeout DUR    crypto call budget (default 10s)        HSMLAB_DEFAULT_CALL_TIMEOUT
  --snapshot-every N            journal records per snapshot (10000)    HSMLAB_SNAPSHOT_EVERY
  --clock-offset MS             offset added to the wall clock (0)      HSMLAB_CLOCK_OFFSET_MS
  --crypto-workers N            signing threads (default: cores, max 4) HSMLAB_CRYPTO_WORKERS
  --log-level LEVEL             trace|debug|info|warn|error (info)      HSMLAB_LOG_LEVEL
`;

/**
 * defaultCryptoWorkers is one signing thread per core, at most 4; none on a
 * single core, where a thread hop would only add cost.
 */
function defaultCryptoWorkers(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 4);
}

/** ConfigError is a configuration problem, with a message naming the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be HOST:PORT')
  .refine((s) => Number(s.slice(s.lastIndexOf(':') + 1)) <= 65535, 'port must be 0 to 65535');

const schema = z.object({
  nodeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _'),
  az: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, - or _'),
  listen: hostPort,
  dataDir: z.string().min(1, 'is required'),
  clusterId: z
    .string()
    .regex(/^cluster-[a-z0-9]{11}$/, 'must be cluster- and 11 lowercase letters or digits')
    .optional(),
  metricsListen: hostPort.optional(),
  insecure: z.boolean(),
  profile: z.string().min(1).optional(),
  sessionTtlMs: z.number().int().min(1000, 'must be at least 1s'),
  maxFailedLogins: z.number().int().min(1).max(100),
  maxObjects: z.number().int().min(1),
  maxKeysPerUser: z.number().int().min(1),
  defaultCallTimeoutMs: z.number().int().min(1).max(600_000),
  snapshotEveryRecords: z.number().int().min(1),
  clockOffsetMs: z.number().int(),
  cryptoWorkers: z.number().int().min(0).max(64),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
});

function readFile(what: string, path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${what}: cannot read ${path}: ${(err as Error).message}`);
  }
}

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim()))
    throw new ConfigError(`--${name}: "${text}" is not a whole number`);
  return Number(text);
}

function duration(name: string, text: string | undefined, fallbackMs: number): number {
  if (text === undefined) return fallbackMs;
  try {
    return parseDurationMs(text);
  } catch (err) {
    throw new ConfigError(`--${name}: ${(err as Error).message}`);
  }
}

/**
 * loadNodeConfig reads flags and environment, validates every value and
 * returns the compiled configuration, or throws a ConfigError naming the
 * first bad setting.
 */
export function loadNodeConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): NodeConfig {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [name, spec] of Object.entries(FLAGS)) {
    options[name] = { type: 'boolean' in spec && spec.boolean ? 'boolean' : 'string' };
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const get = (name: keyof typeof FLAGS): string | undefined => {
    const v = values[name];
    if (typeof v === 'string') return v;
    const fromEnv = env[FLAGS[name].env];
    return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
  };
  const flag = (name: keyof typeof FLAGS): boolean => {
    if (values[name] === true) return true;
    const fromEnv = env[FLAGS[name].env];
    return fromEnv === '1' || fromEnv === 'true';
  };

  const raw = {
    nodeId: get('node-id') ?? '',
    az: get('az') ?? 'a',
    listen: get('listen') ?? '127.0.0.1:2225',
    dataDir: get('data-dir') ?? '',
    clusterId: get('cluster-id'),
    metricsListen: get('metrics-listen'),
    insecure: flag('insecure'),
    profile: get('profile'),
    sessionTtlMs: duration('session-ttl', get('session-ttl'), 8 * 3_600_000),
    maxFailedLogins: integer('max-failed-logins', get('max-failed-logins'), 5),
    maxObjects: integer('max-objects', get('max-objects'), 100_000),
    maxKeysPerUser: integer('max-keys-per-user', get('max-keys-per-user'), 20_000),
    defaultCallTimeoutMs: duration('default-call-timeout', get('default-call-timeout'), 10_000),
    snapshotEveryRecords: integer('snapshot-every', get('snapshot-every'), 10_000),
    clockOffsetMs: integer('clock-offset', get('clock-offset'), 0),
    cryptoWorkers: integer('crypto-workers', get('crypto-workers'), defaultCryptoWorkers()),
    logLevel: get('log-level') ?? 'info',
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const shown = (raw as Record<string, unknown>)[String(issue.path[0])];
    throw new ConfigError(`--${field}: ${JSON.stringify(shown ?? '')} ${issue.message}`);
  }

  const certPem = readFile('--tls-cert', get('tls-cert'));
  const keyPem = readFile('--tls-key', get('tls-key'));
  const caPem = readFile('--tls-ca', get('tls-ca'));
  if ((certPem === undefined) !== (keyPem === undefined)) {
    throw new ConfigError('--tls-cert and --tls-key go together');
  }
  const requireClientCert = flag('tls-client-auth');
  if (requireClientCert && caPem === undefined) {
    throw new ConfigError('--tls-client-auth needs --tls-ca to check client certificates');
  }
  if (certPem === undefined && !parsed.data.insecure) {
    throw new ConfigError('no TLS certificate: give --tls-cert and --tls-key, or --insecure');
  }
  const appliancePassword = readFile(
    '--appliance-password-file',
    get('appliance-password-file'),
  )?.trim();
  if (appliancePassword !== undefined && appliancePassword.length < 8) {
    throw new ConfigError('--appliance-password-file: the password must be at least 8 characters');
  }

  return {
    ...parsed.data,
    tls:
      certPem !== undefined && keyPem !== undefined
        ? { certPem, keyPem, caPem, requireClientCert }
        : undefined,
    appliancePassword,
    manufacturerCaCertPem: readFile('--manufacturer-ca-cert', get('manufacturer-ca-cert')),
    manufacturerCaKeyPem: readFile('--manufacturer-ca-key', get('manufacturer-ca-key')),
    maxSessionKeysPerSession: 1000,
    maxSessions: 10_000,
  };
}
