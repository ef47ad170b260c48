import { credentials, Metadata } from '@grpc/grpc-js';
import { loadOrchestratorProto, type OrchestratorClient, type orchestratorV1 } from '@hsmlab/proto';
import { callUnary } from './grpc-unary';

/** CONTROL_DEADLINE_MS bounds one control-plane call. */
const CONTROL_DEADLINE_MS = 30_000;

/**
 * ControlClient calls the orchestrator's control plane (orchestrator.proto)
 * for ProcessCluster: cluster life cycle and membership, one promise per call.
 */
export class ControlClient {
  private readonly client: OrchestratorClient;

  constructor(readonly address: string) {
    this.client = new (loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator)(
      address,
      credentials.createInsecure(),
      { 'grpc.initial_reconnect_backoff_ms': 100, 'grpc.max_reconnect_backoff_ms': 1000 },
    );
  }

  createCluster(): Promise<orchestratorV1.Cluster__Output> {
    return this.call('CreateCluster', {});
  }

  describeCluster(clusterId: string): Promise<orchestratorV1.Cluster__Output> {
    return this.call('DescribeCluster', { clusterId });
  }

  initializeCluster(clusterId: string): Promise<orchestratorV1.Cluster__Output> {
    return this.call('InitializeCluster', { clusterId });
  }

  addHsm(request: orchestratorV1.AddHsmRequest): Promise<orchestratorV1.Hsm__Output> {
    return this.call('AddHsm', request);
  }

  removeHsm(clusterId: string, hsmId: string): Promise<orchestratorV1.Hsm__Output> {
    return this.call('RemoveHsm', { clusterId, hsmId });
  }

  close(): void {
    this.client.close();
  }

  private call<Res>(method: string, request: object): Promise<Res> {
    return callUnary<Res>(this.client, method, request, new Metadata(), CONTROL_DEADLINE_MS);
  }
}
