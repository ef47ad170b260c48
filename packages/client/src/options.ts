import type { Logger } from '@hsmlab/common';
import type { Registry } from 'prom-client';

/**
 * TlsOptions secure every channel the SDK opens. Give certPem and keyPem
 * together for mutual TLS.
 */
export interface TlsOptions {
  /** PEM of the CA that signed the nodes' (and orchestrator's) certificates. */
  caPem: string | Buffer;
  /** PEM of the client certificate, for mutual TLS. */
  certPem?: string | Buffer;
  /** PEM of the client's private key, for mutual TLS. */
  keyPem?: string | Buffer;
  /**
   * Name to check the servers' certificates against instead of the host in
   * each address (a lab CA often issues for one name).
   * @default the host of each address
   */
  serverName?: string;
}

/** Credentials are the user the SDK logs in as on every node. */
export interface Credentials {
  username: string;
  password: string;
}

/** BackoffOptions shape the delays between retries and before probing a node taken out. */
export interface BackoffOptions {
  /**
   * First delay, in milliseconds.
   * @default 100
   */
  initialMs?: number;
  /**
   * Factor applied to the delay after each failure.
   * @default 2
   */
  multiplier?: number;
  /**
   * Largest delay, in milliseconds.
   * @default 3000
   */
  maxMs?: number;
  /**
   * Random spread around each delay, as a fraction (0.2 is ±20%).
   * @default 0.2
   */
  jitter?: number;
  /**
   * Factor applied to the delay after a node answered RESOURCE_EXHAUSTED
   * (busy): a busy node is left alone longer than a failed one is retried.
   * @default 4
   */
  busyMultiplier?: number;
  /**
   * Largest delay between probes of a node taken out, in milliseconds: a
   * node that comes back gets traffic again within about this long (plus
   * jitter, a reconnect and one probe). Retries of calls still wait up to
   * `maxMs`. With 1000, a node restarted after a long outage sometimes got
   * traffic only 2 s after it listened (the probe and the channel's own
   * reconnect backoff can each take a turn); 500 keeps that under 2 s.
   * @default 500
   */
  probeMaxMs?: number;
}

/**
 * HsmClientOptions configure `HsmCluster.connect`. Every field is optional;
 * give either `nodes` or `orchestrator`, and either `tls` or `insecure: true`.
 */
export interface HsmClientOptions {
  /**
   * Seed list of node addresses (`host:port`). Membership stays this list.
   * Exclusive with `orchestrator`.
   */
  nodes?: string[];
  /**
   * Address (`host:port`) of the orchestrator. Membership then follows its
   * `WatchCluster` stream, and only ACTIVE HSMs get traffic.
   */
  orchestrator?: string;
  /**
   * Cluster to watch on the orchestrator.
   * @default the orchestrator's only cluster (an error when it has several)
   */
  clusterId?: string;
  /** TLS for every channel. Exclusive with `insecure`. */
  tls?: TlsOptions;
  /**
   * Plaintext channels. Only ever used when asked for.
   * @default false
   */
  insecure?: boolean;
  /**
   * The user to log in as on every node.
   * @default HSMLAB_USER and HSMLAB_PASSWORD from the environment, else none
   * (only GetNodeInfo and ActivateOfficer work without)
   */
  credentials?: Credentials;
  /**
   * Number of nodes that must hold a created or changed object before the
   * call returns; 1 turns the check off.
   * @default 2 when the cluster has 2 or more active nodes, else 1
   */
  minReplicas?: number;
  /**
   * Overall deadline of a call (all attempts and replication), in
   * milliseconds, when the call does not give its own.
   * @default 5000
   */
  defaultDeadlineMs?: number;
  /**
   * Longest a single crypto or read attempt may take on one node before the
   * SDK gives up on that node and tries another, in milliseconds. Writes use
   * the whole remaining deadline for each attempt.
   * @default 1500
   */
  attemptTimeoutMs?: number;
  /**
   * Time `connect` waits for the first node to answer (and, with an
   * orchestrator, for the first membership snapshot), in milliseconds.
   * @default 10000
   */
  connectTimeoutMs?: number;
  /**
   * Interval between light probes (GetNodeInfo) of a node that is up, in
   * milliseconds; each probe also refreshes the node's load. 0 turns
   * probing of healthy nodes off (nodes taken out are always probed).
   * @default 1000
   */
  healthCheckIntervalMs?: number;
  /**
   * Deadline of one probe, in milliseconds.
   * @default 500
   */
  probeTimeoutMs?: number;
  /** Delays between retries and between probes of a node taken out. */
  backoff?: BackoffOptions;
  /**
   * Most crypto calls the SDK puts in one stream message.
   * @default 256
   */
  maxBatchCalls?: number;
  /**
   * Registry the SDK's metrics are registered on.
   * @default a registry of the SDK's own (not prom-client's global one)
   */
  registry?: Registry;
  /**
   * Logger for state changes (node down, back, membership).
   * @default a silent logger
   */
  logger?: Logger;
  /**
   * Environment to read credentials from; tests inject one.
   * @default process.env
   */
  env?: Record<string, string | undefined>;
}
