import {
  credentials,
  type ChannelCredentials,
  type ClientOptions,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadOrchestratorProto, type OrchestratorClient, type orchestratorV1 } from '@hsmlab/proto';
import type { ClientTransport } from '../client-transport';

/** Cluster and Hsm are the orchestrator's descriptions, as received. */
export type Cluster = orchestratorV1.Cluster__Output;
export type Hsm = orchestratorV1.Hsm__Output;

/** ControlClientOptions say where the orchestrator is and how to reach it. */
export interface ControlClientOptions {
  readonly address: string;
  readonly transport: ClientTransport;
  /** Deadline of one call. @default 15000 */
  readonly callTimeoutMs?: number;
  /** Name to expect in the orchestrator's certificate, when it differs from the dialled host. */
  readonly serverName?: string;
}

function channelCredentials(transport: ClientTransport): ChannelCredentials {
  if (transport.kind === 'plaintext') return credentials.createInsecure();
  const { caPem, keyPem, certPem } = transport.tls;
  return credentials.createSsl(
    Buffer.from(caPem),
    keyPem === undefined ? null : Buffer.from(keyPem),
    certPem === undefined ? null : Buffer.from(certPem),
  );
}

type Unary<Req, Res> = (
  request: Req,
  options: { deadline: number },
  callback: (err: ServiceError | null, value?: Res) => void,
) => unknown;

/**
 * ControlClient is the few control-plane calls the compose programs (and the
 * compose tests) make to the orchestrator, as promises with a deadline each.
 */
export class ControlClient {
  private readonly client: OrchestratorClient;
  private readonly callTimeoutMs: number;

  constructor(options: ControlClientOptions) {
    const ctor = loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator;
    const channelOptions: ClientOptions = {
      'grpc.initial_reconnect_backoff_ms': 200,
      'grpc.max_reconnect_backoff_ms': 2000,
    };
    if (options.serverName !== undefined) {
      channelOptions['grpc.ssl_target_name_override'] = options.serverName;
      channelOptions['grpc.default_authority'] = options.serverName;
    }
    this.client = new ctor(options.address, channelCredentials(options.transport), channelOptions);
    this.callTimeoutMs = options.callTimeoutMs ?? 15_000;
  }

  private call<Req, Res>(method: Unary<Req, Res>, request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      method.call(
        this.client,
        request,
        { deadline: Date.now() + this.callTimeoutMs },
        (err, value) =>
          err !== null || value === undefined
            ? reject(err ?? new Error('empty reply from the orchestrator'))
            : resolve(value),
      );
    });
  }

  async listClusters(): Promise<Cluster[]> {
    const reply = await this.call<
      orchestratorV1.ListClustersRequest,
      orchestratorV1.ListClustersResponse__Output
    >(this.client.listClusters, {});
    return reply.clusters;
  }

  createCluster(): Promise<Cluster> {
    return this.call<orchestratorV1.CreateClusterRequest, Cluster>(this.client.createCluster, {});
  }

  describeCluster(clusterId: string): Promise<Cluster> {
    return this.call<orchestratorV1.DescribeClusterRequest, Cluster>(this.client.describeCluster, {
      clusterId,
    });
  }

  initializeCluster(clusterId: string): Promise<Cluster> {
    return this.call<orchestratorV1.InitializeClusterRequest, Cluster>(
      this.client.initializeCluster,
      { clusterId },
    );
  }

  addHsm(request: { clusterId: string; hsmId: string; address: string; az: string }): Promise<Hsm> {
    return this.call<orchestratorV1.AddHsmRequest, Hsm>(this.client.addHsm, request);
  }

  close(): void {
    this.client.close();
  }
}

/** isServiceError says whether err is a gRPC status error (it has a numeric code). */
export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number';
}
