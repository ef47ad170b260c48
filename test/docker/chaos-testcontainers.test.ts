import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Network, type StartedNetwork } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlClient, ensureLabPki, pkiLayout } from '@hsmlab/compose';
import {
  convergedWith,
  describeHsms,
  objectsOf,
  waitForClusterState,
} from './helpers/cluster-poll';
import { LAB_IMAGE as image, RUN_DOCKER_SUITES } from './helpers/compose-project';
import { imageExists } from './helpers/docker-cli';
import {
  hostPortOf,
  setPaused,
  startLabContainer,
  waitForExit,
  type ContainerSpec,
  type LabContainer,
} from './helpers/lab-containers';
import { parseSignLine, waitForSteadySigns } from './helpers/sign-lines';

// A compose-mode chaos scenario started by testcontainers: the same image,
// one network per AZ, TLS everywhere. hsm-b is frozen with `docker pause`
// while the example client signs and another client writes a key; signs
// must go on, and once thawed hsm-b must be ACTIVE, in sync and hold the
// same objects as the others.

/** openToEveryone makes a test PKI readable (and its directories writable) by any user. */
function openToEveryone(dir: string): void {
  chmodSync(dir, 0o777);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) openToEveryone(path);
    else chmodSync(path, 0o644);
  }
}

const AZS = ['a', 'b', 'c'] as const;
const HSM_PORT = 2225;
const ORCHESTRATOR_PORT = 7400;

describe.skipIf(!RUN_DOCKER_SUITES)('chaos with testcontainers: a paused HSM', () => {
  const pkiRoot = mkdtempSync(join(tmpdir(), 'hsmlab-tc-pki-'));
  const layout = pkiLayout(pkiRoot);
  const networks = new Map<string, StartedNetwork>();
  const started: LabContainer[] = [];
  let hsmB: LabContainer | undefined;
  let client: LabContainer | undefined;
  let control: ControlClient | undefined;
  let clusterId = '';
  let cursor = 0;
  const startedMs = Date.now();
  const elapsed = () => `${((Date.now() - startedMs) / 1000).toFixed(0)}s`;

  const allNetworks = () => AZS.map((az) => networks.get(az)!);
  const clientEnv = {
    HSMLAB_ORCHESTRATOR: `orchestrator:${ORCHESTRATOR_PORT}`,
    HSMLAB_CREDENTIALS_FILE: '/pki/client/credentials.json',
    HSMLAB_TLS_CA: '/pki/client/ca.pem',
  };

  async function start(spec: Omit<ContainerSpec, 'image'>): Promise<LabContainer> {
    const lab = await startLabContainer({ ...spec, image });
    started.push(lab);
    return lab;
  }

  beforeAll(async () => {
    if (!imageExists(image)) {
      throw new Error(`${image} is missing: run bash scripts/docker/stage.sh --build first`);
    }
    await ensureLabPki({
      root: pkiRoot,
      hsmIds: AZS.map((az) => `hsm-${az}`),
      orchestratorNames: ['orchestrator', 'localhost', '127.0.0.1'],
      clientName: 'chaos-test',
      owner: { uid: 10001, gid: 10001 },
    });
    // Not root: the files stay ours, so open them to the containers' user.
    if (process.getuid?.() !== 0) openToEveryone(pkiRoot);
    for (const az of AZS) networks.set(az, await new Network().start());

    for (const az of AZS) {
      const lab = await start({
        name: `hsm-${az}`,
        command: ['services/hsm/dist/main.js'],
        environment: {
          HSMLAB_NODE_ID: `hsm-${az}`,
          HSMLAB_AZ: az,
          HSMLAB_LISTEN: `0.0.0.0:${HSM_PORT}`,
          HSMLAB_DATA_DIR: '/data',
          HSMLAB_TLS_CERT: '/pki/tls/cert.pem',
          HSMLAB_TLS_KEY: '/pki/tls/key.pem',
          HSMLAB_TLS_CA: '/pki/tls/ca.pem',
          HSMLAB_APPLIANCE_PASSWORD_FILE: '/pki/tls/appliance-password',
          HSMLAB_MANUFACTURER_CA_CERT: '/pki/manufacturer/manufacturer-ca.crt',
          HSMLAB_MANUFACTURER_CA_KEY: '/pki/manufacturer/manufacturer-ca.key',
        },
        networks: [networks.get(az)!],
        aliases: [`hsm-${az}`],
        binds: [
          { source: layout.hsmDir(`hsm-${az}`), target: '/pki/tls', mode: 'ro' },
          { source: layout.manufacturerDir, target: '/pki/manufacturer', mode: 'ro' },
        ],
        readyLine: /node listening/,
      });
      if (az === 'b') hsmB = lab;
    }

    const orchestrator = await start({
      name: 'orchestrator',
      command: ['services/orchestrator/dist/main.js'],
      environment: {
        HSMLAB_ORCHESTRATOR_LISTEN: `0.0.0.0:${ORCHESTRATOR_PORT}`,
        HSMLAB_ORCHESTRATOR_DATA_DIR: '/data',
        HSMLAB_ORCHESTRATOR_APPLIANCE_PASSWORD_FILE: '/pki/tls/appliance-password',
        HSMLAB_ORCHESTRATOR_TLS_CA: '/pki/tls/ca.pem',
        HSMLAB_ORCHESTRATOR_TLS_CERT: '/pki/tls/cert.pem',
        HSMLAB_ORCHESTRATOR_TLS_KEY: '/pki/tls/key.pem',
      },
      networks: allNetworks(),
      aliases: ['orchestrator'],
      binds: [{ source: layout.orchestratorDir, target: '/pki/tls', mode: 'ro' }],
      exposedPorts: [ORCHESTRATOR_PORT],
      readyLine: /orchestrator listening/,
    });
    control = new ControlClient({
      address: `127.0.0.1:${await hostPortOf(orchestrator, ORCHESTRATOR_PORT)}`,
      transport: {
        kind: 'tls',
        mutual: false,
        tls: { caPem: readFileSync(join(layout.clientDir, 'ca.pem')) },
      },
      serverName: 'localhost',
    });

    const init = await start({
      name: 'init',
      command: ['packages/compose/dist/bin/init.js'],
      environment: {
        ...clientEnv,
        HSMLAB_HSMS: AZS.map((az) => `hsm-${az}:${HSM_PORT}@${az}`).join(','),
      },
      networks: allNetworks(),
      aliases: [],
      binds: [{ source: layout.clientDir, target: '/pki/client', mode: 'rw' }],
    });
    const code = await waitForExit(init, 180_000);
    if (code !== 0) throw new Error(`init exited with ${code}:\n${init.output.tail(30)}`);
    clusterId = (await control.listClusters())[0]!.clusterId;
    console.log(`[chaos-tc ${elapsed()}] cluster ${clusterId} up`);

    client = await start({
      name: 'example-client',
      command: ['packages/compose/dist/bin/example-client.js'],
      environment: clientEnv,
      networks: allNetworks(),
      aliases: [],
      binds: [{ source: layout.clientDir, target: '/pki/client', mode: 'ro' }],
    });
  });

  afterAll(async () => {
    control?.close();
    if (hsmB !== undefined) await setPaused(hsmB, false).catch(() => undefined);
    for (const lab of started.reverse()) {
      await lab.container.stop({ timeout: 5_000 }).catch(() => undefined);
    }
    for (const network of networks.values()) await network.stop().catch(() => undefined);
    rmSync(pkiRoot, { recursive: true, force: true });
  });

  it('signs on all three HSMs over TLS', async () => {
    const steady = await waitForSteadySigns(client!.output, 'three seconds of good signs', {
      from: 0,
      seconds: 3,
      timeoutMs: 60_000,
      also: (s) => s.failed === 0 && s.routable.length === 3,
    });
    cursor = steady.next;
    console.log(`[chaos-tc ${elapsed()}] signing`);
  });

  it('keeps signing while hsm-b is paused, and takes a write meanwhile', async () => {
    const output = client!.output;
    await setPaused(hsmB!, true);
    const out = await output.waitFor(
      'the example client to take hsm-b out',
      (line) => (parseSignLine(line)?.down.includes('hsm-b') ? true : undefined),
      30_000,
      cursor,
    );
    const during = await waitForSteadySigns(output, 'signs to go on without hsm-b', {
      from: out.next,
      seconds: 5,
      timeoutMs: 30_000,
      also: (s) => !s.answeredBy.includes('hsm-b'),
    });
    // A frozen node costs one attempt timeout, then the SDK retries elsewhere.
    expect(during.failedSigns).toBe(0);
    cursor = during.next;
    await waitForClusterState(
      control!,
      clusterId,
      'the orchestrator to see hsm-b unhealthy',
      (c) => c.hsms.some((h) => h.hsmId === 'hsm-b' && h.state !== 'ACTIVE'),
      30_000,
    );

    const writer = await start({
      name: 'writer',
      command: ['packages/compose/dist/bin/example-client.js'],
      environment: {
        ...clientEnv,
        HSMLAB_KEY_LABEL: 'written-while-b-was-paused',
        HSMLAB_SIGN_COUNT: '5',
      },
      networks: allNetworks(),
      aliases: [],
      binds: [{ source: layout.clientDir, target: '/pki/client', mode: 'ro' }],
    });
    const code = await waitForExit(writer, 90_000);
    expect(code, writer.output.tail()).toBe(0);
    console.log(`[chaos-tc ${elapsed()}] hsm-b paused; signs went on; a key was written`);
  });

  it('converges after hsm-b is thawed', async () => {
    // The orchestrator sees hsm-a holding the new key; frozen hsm-b cannot.
    const before = await waitForClusterState(
      control!,
      clusterId,
      'hsm-a to hold more objects than frozen hsm-b',
      (c) => objectsOf(c, 'hsm-a') > objectsOf(c, 'hsm-b'),
      30_000,
    );
    await setPaused(hsmB!, false);
    const back = await waitForClusterState(
      control!,
      clusterId,
      'hsm-b ACTIVE and in sync with the same objects',
      (c) => convergedWith(c, 'hsm-b', objectsOf(before, 'hsm-a')),
      90_000,
    );
    console.log(`[chaos-tc ${elapsed()}] converged: ${describeHsms(back)}`);
    const again = await client!.output.waitFor(
      'hsm-b to answer signs again',
      (line) => (parseSignLine(line)?.answeredBy.includes('hsm-b') ? true : undefined),
      60_000,
      cursor,
    );
    await waitForSteadySigns(client!.output, 'signs on three HSMs again', {
      from: again.next,
      seconds: 3,
      timeoutMs: 30_000,
      also: (s) => s.failed === 0 && s.routable.length === 3,
    });
  });
});
