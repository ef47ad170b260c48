import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HsmCluster, type HsmClientOptions } from '@hsmlab/client';
import { writeManufacturerCa } from '@hsmlab/hsm';
import { NodeClient } from './node-client';
import { HsmProcess } from './hsm-process';
import { HSM_MAIN } from './paths';

export const CLUSTER_ID = 'cluster-benchlab001';
export const APPLIANCE_PASSWORD = 'appliance-bench-1';
const OFFICER = { username: 'admin', password: 'officer-bench-1' };
/** USER is the crypto user every benchmark runs as. */
export const USER = { username: 'bench', password: 'bench-pass-1' };

/** NodeSpec is one node of a lab. */
export interface NodeSpec {
  nodeId: string;
  az: string;
  /** --profile value (a name or a JSON file). */
  profile?: string;
}

/** LabTimings are the phases of bringing a lab up, in ms. */
export interface LabTimings {
  /** Spawn of every process to the last "listening" line (in parallel). */
  processesMs: number;
  /** Initialise on the first node and attested join of the others. */
  formMs: number;
  /** Officer activation and the bench user, through the SDK. */
  usersMs: number;
}

/**
 * Lab is a set of real node processes formed into one cluster, with an
 * activated officer and one crypto user, all under one temp directory.
 */
export class Lab {
  private constructor(
    readonly dir: string,
    readonly nodes: HsmProcess[],
    readonly timings: LabTimings,
  ) {}

  static async start(specs: readonly NodeSpec[], execArgv: string[] = []): Promise<Lab> {
    const dir = mkdtempSync(join(tmpdir(), 'hsmlab-bench-'));
    const ca = await writeManufacturerCa(join(dir, 'mca'));
    const passwordFile = join(dir, 'appliance.pw');
    writeFileSync(passwordFile, APPLIANCE_PASSWORD, { mode: 0o600 });
    const nodes = specs.map(
      (spec) =>
        new HsmProcess({
          main: HSM_MAIN,
          nodeId: spec.nodeId,
          execArgv,
          args: [
            ...['--node-id', spec.nodeId, '--az', spec.az, '--insecure'],
            ...['--data-dir', join(dir, spec.nodeId), '--cluster-id', CLUSTER_ID],
            ...['--appliance-password-file', passwordFile],
            ...['--manufacturer-ca-cert', ca.certPath, '--manufacturer-ca-key', ca.keyPath],
            ...(spec.profile === undefined ? [] : ['--profile', spec.profile]),
          ],
        }),
    );
    const t0 = performance.now();
    await Promise.all(nodes.map((node) => node.start()));
    const t1 = performance.now();
    await formCluster(nodes.map((node) => node.address));
    const t2 = performance.now();
    await createUsers(nodes.map((node) => node.address));
    const t3 = performance.now();
    return new Lab(dir, nodes, { processesMs: t1 - t0, formMs: t2 - t1, usersMs: t3 - t2 });
  }

  get addresses(): string[] {
    return this.nodes.map((node) => node.address);
  }

  /** connect opens an SDK on `nodes` (default: every node) as the bench user. */
  connect(nodes: readonly HsmProcess[] = this.nodes, extra: Partial<HsmClientOptions> = {}) {
    return HsmCluster.connect({
      nodes: nodes.map((node) => node.address),
      insecure: true,
      credentials: USER,
      env: {},
      ...extra,
    });
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** formCluster initialises the first node and joins the others to it, as the orchestrator does. */
async function formCluster(addresses: readonly string[]): Promise<void> {
  const clients = addresses.map((address) => new NodeClient(address));
  try {
    await Promise.all(clients.map((client) => client.login('appliance', APPLIANCE_PASSWORD)));
    const [first, ...rest] = clients;
    await first!.call('InitializeCluster', { clusterId: CLUSTER_ID });
    for (const joiner of rest) {
      const request = await joiner.call<object>('GetJoinRequest', { clusterId: CLUSTER_ID });
      const grant = await first!.call<object>('GrantJoin', request);
      await joiner.call('CompleteJoin', grant);
    }
  } finally {
    for (const client of clients) client.close();
  }
}

async function createUsers(addresses: string[]): Promise<void> {
  const setup = await HsmCluster.connect({ nodes: addresses, insecure: true, env: {} });
  try {
    await setup.users.activateOfficer(OFFICER.password);
  } finally {
    await setup.close();
  }
  const officer = await HsmCluster.connect({
    nodes: addresses,
    insecure: true,
    credentials: OFFICER,
    env: {},
    minReplicas: addresses.length,
  });
  try {
    await officer.users.createUser(USER.username, 'crypto-user', USER.password);
  } finally {
    await officer.close();
  }
}
