import { credentials, type ChannelCredentials, type ServiceError } from '@grpc/grpc-js';
import { loadOrchestratorProto, type OrchestratorClient, type orchestratorV1 } from '@hsmlab/proto';

type Unary<Req, Res> = (request: Req) => Promise<Res>;

/**
 * ControlClient is a promise wrapper over the generated orchestrator client,
 * for tests: one method per RPC, a 60 s deadline on each.
 */
export class ControlClient {
  readonly raw: OrchestratorClient;

  constructor(address: string, creds: ChannelCredentials = credentials.createInsecure()) {
    this.raw = new (loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator)(address, creds);
  }

  private unary<Req, Res>(method: string): Unary<Req, Res> {
    return (request: Req) =>
      new Promise<Res>((resolve, reject) => {
        (this.raw as unknown as Record<string, (...a: unknown[]) => void>)[method]!.call(
          this.raw,
          request,
          { deadline: Date.now() + 60_000 },
          (err: ServiceError | null, res: Res) => (err ? reject(err) : resolve(res)),
        );
      });
  }

  createCluster = this.unary<object, orchestratorV1.Cluster__Output>('CreateCluster');
  describeCluster = this.unary<
    orchestratorV1.DescribeClusterRequest,
    orchestratorV1.Cluster__Output
  >('DescribeCluster');
  listClusters = this.unary<object, orchestratorV1.ListClustersResponse__Output>('ListClusters');
  initializeCluster = this.unary<
    orchestratorV1.InitializeClusterRequest,
    orchestratorV1.Cluster__Output
  >('InitializeCluster');
  addHsm = this.unary<orchestratorV1.AddHsmRequest, orchestratorV1.Hsm__Output>('AddHsm');
  removeHsm = this.unary<orchestratorV1.RemoveHsmRequest, orchestratorV1.Hsm__Output>('RemoveHsm');
  createBackup = this.unary<orchestratorV1.CreateBackupRequest, orchestratorV1.Backup__Output>(
    'CreateBackup',
  );
  listBackups = this.unary<
    orchestratorV1.ListBackupsRequest,
    orchestratorV1.ListBackupsResponse__Output
  >('ListBackups');
  deleteBackup = this.unary<orchestratorV1.DeleteBackupRequest, orchestratorV1.Backup__Output>(
    'DeleteBackup',
  );
  restoreBackup = this.unary<orchestratorV1.RestoreBackupRequest, orchestratorV1.Backup__Output>(
    'RestoreBackup',
  );
  applyBackup = this.unary<
    orchestratorV1.ApplyBackupRequest,
    orchestratorV1.ApplyBackupResponse__Output
  >('ApplyBackup');
  createClusterFromBackup = this.unary<
    orchestratorV1.CreateClusterFromBackupRequest,
    orchestratorV1.Cluster__Output
  >('CreateClusterFromBackup');

  /** watch opens WatchCluster and collects its events. */
  watch(clusterId: string): {
    events: orchestratorV1.ClusterEvent__Output[];
    cancel: () => void;
    error: () => ServiceError | undefined;
  } {
    const events: orchestratorV1.ClusterEvent__Output[] = [];
    let error: ServiceError | undefined;
    const stream = this.raw.watchCluster({ clusterId });
    stream.on('data', (e: orchestratorV1.ClusterEvent__Output) => events.push(e));
    stream.on('error', (e: ServiceError) => {
      error = e;
    });
    return { events, cancel: () => stream.cancel(), error: () => error };
  }

  close(): void {
    this.raw.close();
  }
}

/** hsmOf finds one HSM of a described cluster. */
export function hsmOf(
  cluster: orchestratorV1.Cluster__Output,
  hsmId: string,
): orchestratorV1.Hsm__Output | undefined {
  return cluster.hsms.find((h) => h.hsmId === hsmId);
}
