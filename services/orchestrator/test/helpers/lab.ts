import { writeManufacturerCa } from '@hsmlab/hsm';
import type { orchestratorV1 } from '@hsmlab/proto';
import {
  HSM_MAIN,
  NodeProcess,
  ORCHESTRATOR_MAIN,
  requireBuilt,
  tempDir,
} from '../../../../test/helpers/node-process';
import { RawHsm } from '../../../../test/helpers/hsm-client';
import { ControlClient } from './control-client';
import { OrchestratorProcess } from './orchestrator-process';
import { TcpProxy } from './tcp-proxy';
import { waitFor } from './wait';

export const APPLIANCE_PASSWORD = 'appliance-pass-1';
export const OFFICER_PASSWORD = 'officer-pass-1';
export const USER_PASSWORD = 'alice-pass-1';

/** Manufacturer is the lab's emulated manufacturer CA, as files. */
export interface Manufacturer {
  certPath: string;
  keyPath: string;
}

export async function makeManufacturer(): Promise<Manufacturer> {
  const { certPath, keyPath } = await writeManufacturerCa(tempDir('hsmlab-mca-'));
  return { certPath, keyPath };
}

/**
 * Lab is a real-process lab for one test file: a manufacturer CA, HSM node
 * processes, one orchestrator process and a control-plane client.
 */
export class Lab {
  readonly nodes = new Map<string, NodeProcess>();
  /** Proxies between the orchestrator and nodes started with { proxied: true }. */
  readonly proxies = new Map<string, TcpProxy>();
  orchestrator!: OrchestratorProcess;
  control!: ControlClient;
  manufacturer!: Manufacturer;
  private readonly clients: RawHsm[] = [];

  static async start(orchestratorArgs: string[] = []): Promise<Lab> {
    requireBuilt(HSM_MAIN);
    requireBuilt(ORCHESTRATOR_MAIN);
    const lab = new Lab();
    lab.manufacturer = await makeManufacturer();
    lab.orchestrator = new OrchestratorProcess({
      appliancePassword: APPLIANCE_PASSWORD,
      extraArgs: orchestratorArgs,
    });
    await lab.orchestrator.start();
    lab.control = new ControlClient(lab.orchestrator.address);
    return lab;
  }

  /** startNode starts an HSM node process; `manufacturer` lets a test give it a forged CA. */
  async startNode(
    nodeId: string,
    az: string,
    options: { manufacturer?: Manufacturer; proxied?: boolean } = {},
  ): Promise<NodeProcess> {
    const node = new NodeProcess({
      nodeId,
      az,
      appliancePassword: APPLIANCE_PASSWORD,
      manufacturerCa: options.manufacturer ?? this.manufacturer,
    });
    await node.start();
    this.nodes.set(nodeId, node);
    if (options.proxied) {
      const proxy = new TcpProxy(node.address);
      await proxy.start();
      this.proxies.set(nodeId, proxy);
    }
    return node;
  }

  /** orchestratorAddress is where the orchestrator reaches a node: through its proxy if it has one. */
  orchestratorAddress(nodeId: string): string {
    return this.proxies.get(nodeId)?.address ?? this.node(nodeId).address;
  }

  /** addHsm adds a started node to a cluster. */
  addHsm(clusterId: string, nodeId: string): Promise<orchestratorV1.Hsm__Output> {
    return this.control.addHsm({ clusterId, address: this.orchestratorAddress(nodeId) });
  }

  node(nodeId: string): NodeProcess {
    const node = this.nodes.get(nodeId);
    if (!node) throw new Error(`no node ${nodeId}`);
    return node;
  }

  /** client opens a data-plane client to a node, closed with the lab. */
  client(nodeId: string): RawHsm {
    const c = new RawHsm(this.node(nodeId).address);
    this.clients.push(c);
    return c;
  }

  async loggedIn(nodeId: string, username: string, password: string): Promise<RawHsm> {
    const c = this.client(nodeId);
    await c.login(username, password);
    return c;
  }

  /** applianceOn logs in to a node as the appliance user (for digests and status in assertions). */
  applianceOn(nodeId: string): Promise<RawHsm> {
    return this.loggedIn(nodeId, 'appliance', APPLIANCE_PASSWORD);
  }

  async rootDigest(nodeId: string): Promise<string> {
    const a = await this.applianceOn(nodeId);
    const s = await a.sync<{ rootDigest: Buffer }>('GetStatus', {});
    return s.rootDigest.toString('hex');
  }

  async waitForHsmState(
    clusterId: string,
    hsmId: string,
    state: string,
    timeoutMs = 60_000,
  ): Promise<orchestratorV1.Hsm__Output> {
    return waitFor(
      `${hsmId} ${state}`,
      async () => {
        const c = await this.control.describeCluster({ clusterId });
        const h = c.hsms.find((x) => x.hsmId === hsmId);
        return h?.state === state ? h : undefined;
      },
      timeoutMs,
    );
  }

  async waitForClusterState(
    clusterId: string,
    state: string,
    timeoutMs = 60_000,
  ): Promise<orchestratorV1.Cluster__Output> {
    return waitFor(
      `cluster ${state}`,
      async () => {
        const c = await this.control.describeCluster({ clusterId });
        return c.state === state ? c : undefined;
      },
      timeoutMs,
    );
  }

  /**
   * activeCluster starts one node per AZ, creates and initialises a cluster
   * with them, activates the crypto officer, makes crypto user "alice", and
   * waits until every HSM is ACTIVE and the cluster is ACTIVE.
   */
  async activeCluster(
    nodes: readonly [string, string][],
    options: { proxied?: boolean } = {},
  ): Promise<string> {
    for (const [id, az] of nodes) await this.startNode(id, az, options);
    const cluster = await this.control.createCluster({});
    for (const [id] of nodes) await this.addHsm(cluster.clusterId, id);
    await this.control.initializeCluster({ clusterId: cluster.clusterId });
    const first = nodes[0]![0];
    const officer = this.client(first);
    await officer.call('ActivateOfficer', { password: OFFICER_PASSWORD });
    await officer.login('admin', OFFICER_PASSWORD);
    await officer.call('CreateUser', {
      username: 'alice',
      role: 'ROLE_CRYPTO_USER',
      password: USER_PASSWORD,
    });
    for (const [id] of nodes) await this.waitForHsmState(cluster.clusterId, id, 'ACTIVE');
    await this.waitForClusterState(cluster.clusterId, 'ACTIVE');
    return cluster.clusterId;
  }

  /** waitForSameRoots waits until the given nodes report the same root digest. */
  async waitForSameRoots(nodeIds: readonly string[], timeoutMs = 60_000): Promise<string> {
    return waitFor(
      `same root digest on ${nodeIds.join(', ')}`,
      async () => {
        const roots = await Promise.all(nodeIds.map((id) => this.rootDigest(id)));
        return roots.every((r) => r === roots[0]) ? roots[0] : undefined;
      },
      timeoutMs,
    );
  }

  /** digests lists a node's whole digest list as comparable strings. */
  async digests(nodeId: string): Promise<string[]> {
    const a = await this.applianceOn(nodeId);
    const out: string[] = [];
    let after = '';
    for (;;) {
      const page = await a.sync<{
        digests: {
          handle: string;
          version: { wallMs: number; logical: number; nodeId: string };
          tombstone: boolean;
          digest: Buffer;
        }[];
        nextAfterHandle: string;
      }>('ListDigests', { afterHandle: after, pageSize: 5000 });
      for (const d of page.digests) {
        out.push(
          `${d.handle} ${d.version.wallMs}.${d.version.logical}@${d.version.nodeId} ${d.tombstone ? 'T' : 'L'} ${d.digest.toString('hex')}`,
        );
      }
      if (!page.nextAfterHandle) return out;
      after = page.nextAfterHandle;
    }
  }

  /** generateKeys makes n AES-256 keys as the logged-in client, 25 calls at a time. */
  static async generateKeys(client: RawHsm, n: number, labelPrefix: string): Promise<string[]> {
    const handles: string[] = [];
    for (let i = 0; i < n; i += 25) {
      const batch = Array.from({ length: Math.min(25, n - i) }, (_, j) =>
        client.call<{ key: { handle: string } }>('GenerateSymmetricKey', {
          keyType: 'KEY_TYPE_AES',
          sizeBits: 256,
          attributes: { label: `${labelPrefix}-${i + j}` },
        }),
      );
      for (const r of await Promise.all(batch)) handles.push(r.key.handle);
    }
    return handles;
  }

  async stop(): Promise<void> {
    for (const c of this.clients) c.close();
    this.control?.close();
    await this.orchestrator?.stop();
    await Promise.all([...this.proxies.values()].map((p) => p.stop()));
    await Promise.all([...this.nodes.values()].map((n) => n.stop()));
  }
}
