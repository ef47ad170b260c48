import type { hsmV1 } from '@hsmlab/proto';
import type { NodeContext } from './node-context';
import { UserService } from './user-service';
import { KeyService } from './key-service';
import { KeyTransfer } from './key-transfer';
import { CryptoService } from './crypto-service';
import { ReplicaService } from './replica-service';
import { ClusterMembership } from './cluster-membership';

/** NODE_SOFTWARE_VERSION is what the node reports as its version. */
export const NODE_SOFTWARE_VERSION = '0.1.0';

/** NodeServices wires one node's services together over one NodeContext. */
export class NodeServices {
  readonly users: UserService;
  readonly keys: KeyService;
  readonly transfer: KeyTransfer;
  readonly crypto: CryptoService;
  readonly replicas: ReplicaService;
  readonly membership: ClusterMembership;

  constructor(readonly ctx: NodeContext) {
    this.users = new UserService(ctx);
    this.keys = new KeyService(ctx);
    this.transfer = new KeyTransfer(ctx, this.keys);
    this.crypto = new CryptoService(ctx);
    this.replicas = new ReplicaService(ctx);
    this.membership = new ClusterMembership(ctx, this.replicas);
  }

  /** state is UNINITIALIZED until the node holds a masking key. */
  state(): 'UNINITIALIZED' | 'INITIALIZED' {
    return this.ctx.masking() ? 'INITIALIZED' : 'UNINITIALIZED';
  }

  nodeInfo(): hsmV1.NodeInfo {
    const s = this.ctx.state.get();
    const officer = this.users.find('admin');
    return {
      nodeId: this.ctx.nodeId,
      az: this.ctx.config.az,
      clusterId: s.clusterId ?? this.ctx.config.clusterId ?? '',
      state: this.state(),
      softwareVersion: NODE_SOFTWARE_VERSION,
      load: { inFlight: this.ctx.load.current, capacity: this.ctx.load.capacity },
      objectCount: this.ctx.store.size,
      startedAtMs: this.ctx.startedAtMs,
      restartCount: s.restartCount,
      officerActivated: officer?.activated ?? false,
      profile: this.ctx.profile?.name ?? '',
    };
  }
}
