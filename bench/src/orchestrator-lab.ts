import { credentials, Metadata, type Client } from '@grpc/grpc-js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeManufacturerCa } from '@hsmlab/hsm';
import { loadOrchestratorProto } from '@hsmlab/proto';
import { HsmProcess, ORCHESTRATOR_READY_MESSAGE } from './hsm-process';
import { APPLIANCE_PASSWORD } from './lab';
import { invokeUnary, NodeClient } from './node-client';
import { HSM_MAIN, ORCHESTRATOR_MAIN } from './paths';
import { sleepMs } from './timing';

const OFFICER_PASSWORD = 'officer-bench-1';
const USER = { username: 'alice', password: 'alice-bench-1' };
/** KEY_BATCH is how many key generations run at once when filling a cluster. */
const KEY_BATCH = 50;

/**
 * OrchestratorLab is the real orchestrator with two HSM nodes it formed into
 * an ACTIVE cluster, for timing control-plane work (backup, restore).
 */
export class OrchestratorLab {
  clusterId = '';
  private readonly control: Client;

  private constructor(
    private readonly dir: string,
    readonly orchestrator: HsmProcess,
    readonly nodes: HsmProcess[],
  ) {
    this.control = new (loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator)(
      orchestrator.address,
      credentials.createInsecure(),
    );
  }

  static async start(): Promise<OrchestratorLab> {
    const dir = mkdtempSync(join(tmpdir(), 'hsmlab-bench-orch-'));
    const passwordFile = join(dir, 'appliance.pw');
    writeFileSync(passwordFile, APPLIANCE_PASSWORD, { mode: 0o600 });
    const ca = await writeManufacturerCa(join(dir, 'mca'));
    const orchestrator = new HsmProcess({
      main: ORCHESTRATOR_MAIN,
      nodeId: 'orchestrator',
      readyMessage: ORCHESTRATOR_READY_MESSAGE,
      args: [
        ...['--data-dir', join(dir, 'orchestrator'), '--appliance-password-file', passwordFile],
        ...['--insecure', '--resync-interval', '200ms', '--health-interval', '500ms'],
      ],
    });
    const nodes = ['a', 'b'].map(
      (az) =>
        new HsmProcess({
          main: HSM_MAIN,
          nodeId: `orch-${az}1`,
          args: [
            ...['--node-id', `orch-${az}1`, '--az', az, '--insecure'],
            ...['--data-dir', join(dir, `node-${az}`), '--appliance-password-file', passwordFile],
            ...['--manufacturer-ca-cert', ca.certPath, '--manufacturer-ca-key', ca.keyPath],
          ],
        }),
    );
    await Promise.all([orchestrator.start(), ...nodes.map((node) => node.start())]);
    const lab = new OrchestratorLab(dir, orchestrator, nodes);
    await lab.form();
    return lab;
  }

  /** call invokes a unary Orchestrator method by name. */
  call<T = Record<string, unknown>>(method: string, request: object): Promise<T> {
    return invokeUnary(this.control, method, request, new Metadata(), 300_000) as Promise<T>;
  }

  /** makeKeys generates `count` AES keys on the first node (resync spreads them). */
  async makeKeys(count: number): Promise<void> {
    const user = new NodeClient(this.nodes[0]!.address);
    try {
      await user.login(USER.username, USER.password);
      for (let i = 0; i < count; i += KEY_BATCH) {
        await Promise.all(
          Array.from({ length: Math.min(KEY_BATCH, count - i) }, () =>
            user.data('GenerateSymmetricKey', { keyType: 'KEY_TYPE_AES', sizeBits: 256 }),
          ),
        );
      }
    } finally {
      user.close();
    }
  }

  /** waitInSync waits until both nodes report the same root digest. */
  async waitInSync(timeoutMs = 120_000): Promise<void> {
    const clients = this.nodes.map((node) => new NodeClient(node.address));
    try {
      await Promise.all(clients.map((c) => c.login('appliance', APPLIANCE_PASSWORD)));
      const until = performance.now() + timeoutMs;
      while (performance.now() < until) {
        const roots = await Promise.all(
          clients.map(async (c) =>
            (await c.call<{ rootDigest: Buffer }>('GetStatus', {})).rootDigest.toString('hex'),
          ),
        );
        if (roots.every((r) => r === roots[0])) return;
        await sleepMs(50);
      }
      throw new Error('the nodes did not converge');
    } finally {
      for (const c of clients) c.close();
    }
  }

  async stop(): Promise<void> {
    this.control.close();
    await Promise.all([this.orchestrator.stop(), ...this.nodes.map((node) => node.stop())]);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async form(): Promise<void> {
    const { clusterId } = await this.call<{ clusterId: string }>('CreateCluster', {});
    this.clusterId = clusterId;
    for (const node of this.nodes) await this.call('AddHsm', { clusterId, address: node.address });
    await this.call('InitializeCluster', { clusterId });
    const first = new NodeClient(this.nodes[0]!.address);
    try {
      await first.data('ActivateOfficer', { password: OFFICER_PASSWORD });
      await first.login('admin', OFFICER_PASSWORD);
      await first.data('CreateUser', { ...USER, role: 'ROLE_CRYPTO_USER' });
    } finally {
      first.close();
    }
    const until = performance.now() + 60_000;
    while (performance.now() < until) {
      const cluster = await this.call<{ state: string; hsms: { state: string }[] }>(
        'DescribeCluster',
        { clusterId },
      );
      if (cluster.state === 'ACTIVE' && cluster.hsms.every((h) => h.state === 'ACTIVE')) return;
      await sleepMs(50);
    }
    throw new Error('the orchestrator did not make the cluster ACTIVE within 60 s');
  }
}
