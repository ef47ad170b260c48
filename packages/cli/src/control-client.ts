import { credentials, status, type ChannelCredentials, type ServiceError } from '@grpc/grpc-js';
import type { TlsOptions } from '@hsmlab/client';
import {
  loadOrchestratorProto,
  MESSAGE_LIMITS,
  type OrchestratorClient,
  type orchestratorV1,
} from '@hsmlab/proto';
import { CliError } from './cli-errors';

/** ControlClientOptions say where the orchestrator is and how to reach it. */
export interface ControlClientOptions {
  address: string;
  /** Undefined for plaintext. */
  tls: TlsOptions | undefined;
  /** Deadline of each call, in milliseconds. */
  deadlineMs: number;
}

type Cluster = orchestratorV1.Cluster__Output;
type Hsm = orchestratorV1.Hsm__Output;
type Backup = orchestratorV1.Backup__Output;

/**
 * ControlClient is the CLI's client of the orchestrator's control plane
 * (orchestrator.proto): one promise-returning method per unary RPC, each
 * with a deadline, and failures turned into one-line CliErrors that name
 * the RPC and the orchestrator's reason.
 */
export class ControlClient {
  private readonly raw: OrchestratorClient;

  constructor(private readonly options: ControlClientOptions) {
    const Orchestrator = loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator;
    const channelOptions: Record<string, string | number> = {
      'grpc.max_receive_message_length': MESSAGE_LIMITS.clientMaxReceiveBytes,
      'grpc.enable_retries': 0,
    };
    if (options.tls?.serverName !== undefined) {
      channelOptions['grpc.ssl_target_name_override'] = options.tls.serverName;
      channelOptions['grpc.default_authority'] = options.tls.serverName;
    }
    this.raw = new Orchestrator(options.address, channelCredentials(options.tls), channelOptions);
  }

  createCluster(): Promise<Cluster> {
    return this.call('CreateCluster', {});
  }

  describeCluster(clusterId: string): Promise<Cluster> {
    return this.call('DescribeCluster', { clusterId });
  }

  async listClusters(): Promise<Cluster[]> {
    const reply = await this.call<orchestratorV1.ListClustersResponse__Output>('ListClusters', {});
    return reply.clusters;
  }

  initializeCluster(clusterId: string): Promise<Cluster> {
    return this.call('InitializeCluster', { clusterId });
  }

  addHsm(request: orchestratorV1.AddHsmRequest): Promise<Hsm> {
    return this.call('AddHsm', request);
  }

  removeHsm(clusterId: string, hsmId: string): Promise<Hsm> {
    return this.call('RemoveHsm', { clusterId, hsmId });
  }

  createBackup(clusterId: string): Promise<Backup> {
    return this.call('CreateBackup', { clusterId });
  }

  async listBackups(clusterId: string): Promise<Backup[]> {
    const reply = await this.call<orchestratorV1.ListBackupsResponse__Output>('ListBackups', {
      clusterId,
    });
    return reply.backups;
  }

  deleteBackup(backupId: string): Promise<Backup> {
    return this.call('DeleteBackup', { backupId });
  }

  restoreBackup(backupId: string): Promise<Backup> {
    return this.call('RestoreBackup', { backupId });
  }

  applyBackup(
    backupId: string,
    clusterId: string,
  ): Promise<orchestratorV1.ApplyBackupResponse__Output> {
    return this.call('ApplyBackup', { backupId, clusterId });
  }

  createClusterFromBackup(backupId: string): Promise<Cluster> {
    return this.call('CreateClusterFromBackup', { backupId });
  }

  /**
   * resolveClusterId returns the cluster a command acts on: the one given,
   * else the orchestrator's only cluster.
   */
  async resolveClusterId(given: string | undefined): Promise<string> {
    if (given !== undefined) return given;
    const clusters = await this.listClusters();
    if (clusters.length === 1) return clusters[0]!.clusterId;
    if (clusters.length === 0) {
      throw new CliError(`the orchestrator at ${this.options.address} has no cluster yet`);
    }
    const ids = clusters.map((c) => c.clusterId).join(', ');
    throw new CliError(
      `the orchestrator has ${clusters.length} clusters (${ids}): give --cluster-id`,
    );
  }

  close(): void {
    this.raw.close();
  }

  private call<T>(method: string, request: object): Promise<T> {
    const deadline = new Date(Date.now() + this.options.deadlineMs);
    const fn = (this.raw as unknown as Record<string, UnaryMethod<T>>)[method]!;
    return new Promise<T>((resolve, reject) => {
      fn.call(this.raw, request, { deadline }, (err, reply) => {
        if (err) reject(this.failure(method, err));
        else resolve(reply as T);
      });
    });
  }

  private failure(method: string, err: ServiceError): CliError {
    if (err.code === status.UNAVAILABLE || err.code === status.DEADLINE_EXCEEDED) {
      return new CliError(
        `cannot reach the orchestrator at ${this.options.address} (${method}): ${err.details}`,
        { cause: err },
      );
    }
    const code = status[err.code] ?? String(err.code);
    return new CliError(`orchestrator ${method}: ${err.details} (${code})`, { cause: err });
  }
}

type UnaryMethod<T> = (
  request: object,
  options: { deadline: Date },
  callback: (err: ServiceError | null, reply?: T) => void,
) => void;

function channelCredentials(tls: TlsOptions | undefined): ChannelCredentials {
  if (tls === undefined) return credentials.createInsecure();
  const buffer = (pem: string | Buffer | undefined) =>
    pem === undefined ? null : Buffer.isBuffer(pem) ? pem : Buffer.from(pem);
  return credentials.createSsl(buffer(tls.caPem), buffer(tls.keyPem), buffer(tls.certPem));
}
