// TEST DOUBLE of the orchestrator: a real grpc-js server that answers
// ListClusters and WatchCluster from a cluster description the test sets.
// Every other method is left unimplemented.
import {
  Server,
  ServerCredentials,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import {
  loadOrchestratorProto,
  type OrchestratorHandlers,
  type orchestratorV1,
} from '@hsmlab/proto';

type Watcher = ServerWritableStream<
  orchestratorV1.WatchClusterRequest__Output,
  orchestratorV1.ClusterEvent
>;

export interface FakeHsmEntry {
  hsmId: string;
  address: string;
  state: string;
  az?: string;
}

export class FakeOrchestrator {
  private readonly watchers = new Set<Watcher>();
  private hsms: FakeHsmEntry[] = [];
  clusterIds = ['cluster-fakefakefak'];
  port = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeOrchestrator> {
    const server = new Server();
    const fake = new FakeOrchestrator(server);
    server.addService(
      loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator.service,
      fake.handlers() as UntypedServiceImplementation,
    );
    fake.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) =>
        err ? reject(err) : resolve(port),
      ),
    );
    return fake;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** publish sets the HSMs and sends the change to every watcher. */
  publish(hsms: FakeHsmEntry[], kind = 'HSM_STATE_CHANGED'): void {
    this.hsms = hsms;
    for (const watcher of this.watchers) watcher.write(this.event(kind));
  }

  stop(): void {
    this.server.forceShutdown();
  }

  private event(kind: string): orchestratorV1.ClusterEvent {
    return {
      kind,
      cluster: {
        clusterId: this.clusterIds[0],
        state: 'ACTIVE',
        hsms: this.hsms.map((hsm) => ({ az: 'a', ...hsm })),
      },
    };
  }

  private handlers(): Partial<OrchestratorHandlers> {
    return {
      ListClusters: (_call, callback) =>
        callback(null, { clusters: this.clusterIds.map((clusterId) => ({ clusterId })) }),
      WatchCluster: (call) => {
        this.watchers.add(call);
        call.write(this.event('SNAPSHOT'));
        call.on('cancelled', () => this.watchers.delete(call));
      },
    };
  }
}
