import type { ChannelCredentials } from '@grpc/grpc-js';
import { NodeConnection } from './node-connection';

/** NodePoolOptions are what every connection of the pool shares. */
export interface NodePoolOptions {
  credentials: ChannelCredentials;
  applianceUser: string;
  appliancePassword: string;
  rpcTimeoutMs: number;
  backupTimeoutMs: number;
}

/**
 * NodePool holds one NodeConnection per node address, made on first use and
 * kept until the HSM leaves its cluster (release) or the orchestrator stops.
 */
export class NodePool {
  /** Invariant: at most one connection per address. */
  private readonly connections = new Map<string, NodeConnection>();

  constructor(private readonly options: NodePoolOptions) {}

  get(address: string): NodeConnection {
    let conn = this.connections.get(address);
    if (!conn) {
      conn = new NodeConnection({ address, ...this.options });
      this.connections.set(address, conn);
    }
    return conn;
  }

  /** release closes and forgets the connection to address, if any. */
  release(address: string): void {
    this.connections.get(address)?.close();
    this.connections.delete(address);
  }

  closeAll(): void {
    for (const conn of this.connections.values()) conn.close();
    this.connections.clear();
  }
}
