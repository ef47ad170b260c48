import { silentLogger, type Logger } from '@hsmlab/common';
import { Registry } from 'prom-client';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { InvalidOptionError } from './errors';
import type { Credentials, HsmClientOptions } from './options';

/** CompiledTls is TLS material read into Buffers, checked for completeness. */
export interface CompiledTls {
  readonly caPem: Buffer;
  readonly certPem: Buffer | undefined;
  readonly keyPem: Buffer | undefined;
  readonly serverName: string | undefined;
}

/**
 * CompiledOptions are HsmClientOptions after defaults and validation: the
 * only form the rest of the SDK reads. Invariant: exactly one of `nodes` and
 * `orchestrator` is set, and `tls` is undefined exactly when `insecure`.
 */
export interface CompiledOptions {
  readonly nodes: readonly string[] | undefined;
  readonly orchestrator: string | undefined;
  readonly clusterId: string | undefined;
  readonly tls: CompiledTls | undefined;
  readonly insecure: boolean;
  readonly credentials: Credentials | undefined;
  /** Undefined means the default rule (2 when 2 or more nodes are active). */
  readonly minReplicas: number | undefined;
  readonly defaultDeadlineMs: number;
  readonly attemptTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly healthCheckIntervalMs: number;
  readonly probeTimeoutMs: number;
  readonly backoff: BackoffPolicy;
  readonly maxBatchCalls: number;
  readonly registry: Registry;
  readonly logger: Logger;
}

export const DEFAULT_DEADLINE_MS = 5000;
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 1500;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_HEALTH_CHECK_INTERVAL_MS = 1000;
export const DEFAULT_PROBE_TIMEOUT_MS = 500;
export const DEFAULT_MAX_BATCH_CALLS = 256;

/** ADDRESS_PATTERN accepts host:port, [v6]:port and dns:/// style targets. */
const ADDRESS_PATTERN =
  /^(?:[a-z][a-z0-9+.-]*:\/\/\/?)?(?:\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/;

function positive(path: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InvalidOptionError(path, `must be a number ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

function integer(path: string, value: number | undefined, fallback: number, min: number): number {
  const result = positive(path, value, fallback, min);
  if (!Number.isInteger(result))
    throw new InvalidOptionError(path, `must be an integer, got ${result}`);
  return result;
}

function address(path: string, value: unknown): string {
  if (typeof value !== 'string' || !ADDRESS_PATTERN.test(value)) {
    throw new InvalidOptionError(path, `must be "host:port", got ${JSON.stringify(value)}`);
  }
  return value;
}

function pem(path: string, value: string | Buffer | undefined): Buffer | undefined {
  if (value === undefined) return undefined;
  const buffer = typeof value === 'string' ? Buffer.from(value) : value;
  if (!Buffer.isBuffer(buffer) || !buffer.toString('latin1').includes('-----BEGIN ')) {
    throw new InvalidOptionError(path, 'must be PEM text (a string or Buffer with -----BEGIN …)');
  }
  return buffer;
}

function compileMembership(
  options: HsmClientOptions,
): Pick<CompiledOptions, 'nodes' | 'orchestrator'> {
  if (options.nodes !== undefined && options.orchestrator !== undefined) {
    throw new InvalidOptionError('nodes', 'give either nodes or orchestrator, not both');
  }
  if (options.orchestrator !== undefined) {
    return { nodes: undefined, orchestrator: address('orchestrator', options.orchestrator) };
  }
  if (!Array.isArray(options.nodes) || options.nodes.length === 0) {
    throw new InvalidOptionError('nodes', 'give at least one node address, or an orchestrator');
  }
  const nodes = options.nodes.map((node, i) => address(`nodes[${i}]`, node));
  const duplicate = nodes.find((node, i) => nodes.indexOf(node) !== i);
  if (duplicate !== undefined) throw new InvalidOptionError('nodes', `lists ${duplicate} twice`);
  return { nodes, orchestrator: undefined };
}

function compileTls(options: HsmClientOptions): CompiledTls | undefined {
  if (options.tls !== undefined && options.insecure === true) {
    throw new InvalidOptionError('insecure', 'cannot be true when tls is given');
  }
  if (options.tls === undefined) {
    if (options.insecure !== true) {
      throw new InvalidOptionError('tls', 'give tls, or insecure: true to use plaintext channels');
    }
    return undefined;
  }
  const caPem = pem('tls.caPem', options.tls.caPem);
  if (caPem === undefined) throw new InvalidOptionError('tls.caPem', 'is required with tls');
  const certPem = pem('tls.certPem', options.tls.certPem);
  const keyPem = pem('tls.keyPem', options.tls.keyPem);
  if ((certPem === undefined) !== (keyPem === undefined)) {
    throw new InvalidOptionError(
      certPem === undefined ? 'tls.certPem' : 'tls.keyPem',
      'mutual TLS needs both tls.certPem and tls.keyPem',
    );
  }
  return { caPem, certPem, keyPem, serverName: options.tls.serverName };
}

function compileCredentials(options: HsmClientOptions): Credentials | undefined {
  if (options.credentials !== undefined) {
    const { username, password } = options.credentials;
    if (typeof username !== 'string' || username.length === 0) {
      throw new InvalidOptionError('credentials.username', 'must be a non-empty string');
    }
    if (typeof password !== 'string' || password.length === 0) {
      throw new InvalidOptionError('credentials.password', 'must be a non-empty string');
    }
    return { username, password };
  }
  const env = options.env ?? process.env;
  const username = env.HSMLAB_USER;
  const password = env.HSMLAB_PASSWORD;
  if (!username && !password) return undefined;
  if (!username || !password) {
    throw new InvalidOptionError(
      'credentials',
      'HSMLAB_USER and HSMLAB_PASSWORD must be set together in the environment',
    );
  }
  return { username, password };
}

function compileBackoff(options: HsmClientOptions): BackoffPolicy {
  const given = options.backoff ?? {};
  const initialMs = positive('backoff.initialMs', given.initialMs, DEFAULT_BACKOFF.initialMs);
  const maxMs = positive('backoff.maxMs', given.maxMs, DEFAULT_BACKOFF.maxMs);
  if (maxMs < initialMs) {
    throw new InvalidOptionError('backoff.maxMs', `must be ≥ backoff.initialMs (${initialMs})`);
  }
  const jitter = given.jitter ?? DEFAULT_BACKOFF.jitter;
  if (typeof jitter !== 'number' || !(jitter >= 0 && jitter < 1)) {
    throw new InvalidOptionError('backoff.jitter', `must be in [0, 1), got ${String(jitter)}`);
  }
  return {
    initialMs,
    maxMs,
    jitter,
    multiplier: positive('backoff.multiplier', given.multiplier, DEFAULT_BACKOFF.multiplier),
    busyMultiplier: positive(
      'backoff.busyMultiplier',
      given.busyMultiplier,
      DEFAULT_BACKOFF.busyMultiplier,
    ),
    probeMaxMs: positive('backoff.probeMaxMs', given.probeMaxMs, DEFAULT_BACKOFF.probeMaxMs),
  };
}

/**
 * compileOptions applies defaults to HsmClientOptions and checks them. A bad
 * option throws an InvalidOptionError that names the option's path.
 */
export function compileOptions(options: HsmClientOptions): CompiledOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidOptionError('options', 'must be an object');
  }
  const membership = compileMembership(options);
  const minReplicas =
    options.minReplicas === undefined
      ? undefined
      : integer('minReplicas', options.minReplicas, 1, 1);
  if (options.clusterId !== undefined && membership.orchestrator === undefined) {
    throw new InvalidOptionError('clusterId', 'only applies with an orchestrator');
  }
  return {
    ...membership,
    clusterId: options.clusterId,
    tls: compileTls(options),
    insecure: options.insecure === true,
    credentials: compileCredentials(options),
    minReplicas,
    defaultDeadlineMs: positive(
      'defaultDeadlineMs',
      options.defaultDeadlineMs,
      DEFAULT_DEADLINE_MS,
    ),
    attemptTimeoutMs: positive(
      'attemptTimeoutMs',
      options.attemptTimeoutMs,
      DEFAULT_ATTEMPT_TIMEOUT_MS,
    ),
    connectTimeoutMs: positive(
      'connectTimeoutMs',
      options.connectTimeoutMs,
      DEFAULT_CONNECT_TIMEOUT_MS,
    ),
    healthCheckIntervalMs: positive(
      'healthCheckIntervalMs',
      options.healthCheckIntervalMs,
      DEFAULT_HEALTH_CHECK_INTERVAL_MS,
      0,
    ),
    probeTimeoutMs: positive('probeTimeoutMs', options.probeTimeoutMs, DEFAULT_PROBE_TIMEOUT_MS),
    backoff: compileBackoff(options),
    maxBatchCalls: integer('maxBatchCalls', options.maxBatchCalls, DEFAULT_MAX_BATCH_CALLS, 1),
    registry: options.registry ?? new Registry(),
    logger: options.logger ?? silentLogger(),
  };
}
