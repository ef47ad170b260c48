import { afterEach, describe, expect, it } from 'vitest';
import { HsmCluster, InvalidOptionError } from '../src/index';
import type { FakeHsmNode } from './helpers/fake-hsm-node';
import { FakeOrchestrator } from './helpers/fake-orchestrator';
import { collect, startFakes, stopAll, waitFor } from './helpers/fake-cluster';

let fakes: FakeHsmNode[] = [];
let orchestrator: FakeOrchestrator | undefined;
let cluster: HsmCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
  orchestrator?.stop();
  await stopAll(fakes);
});

function connectVia(fake: FakeOrchestrator, clusterId?: string): Promise<HsmCluster> {
  return HsmCluster.connect({
    orchestrator: fake.address,
    clusterId,
    insecure: true,
    credentials: { username: 'alice', password: 'alice-pw' },
    healthCheckIntervalMs: 200,
    backoff: { initialMs: 20, maxMs: 200 },
    env: {},
  });
}

describe('membership from the orchestrator', () => {
  it('routes only to ACTIVE HSMs and follows changes', async () => {
    fakes = await startFakes([{}, {}, {}]);
    orchestrator = await FakeOrchestrator.start();
    const [a, b, c] = fakes.map((f) => ({ hsmId: f.nodeId, address: f.address }));
    orchestrator.publish([
      { ...a!, state: 'ACTIVE' },
      { ...b!, state: 'ACTIVE' },
      { ...c!, state: 'CREATE_IN_PROGRESS' },
    ]);
    cluster = await connectVia(orchestrator);
    const events = collect(cluster);

    const key = await cluster.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
    await Promise.all(
      Array.from({ length: 30 }, () => cluster!.crypto.sign(key, 'hmac-sha256', 'x')),
    );
    expect(fakes[2]!.cryptoResults).toBe(0);
    expect(fakes[2]!.store.objects.has(key.handle)).toBe(false);

    orchestrator.publish([
      { ...a!, state: 'ACTIVE' },
      { ...b!, state: 'DEGRADED' },
      { ...c!, state: 'ACTIVE' },
    ]);
    await waitFor(
      () => events.some((e) => e.type === 'membership-changed'),
      3000,
      'membership-changed',
    );
    expect(events.find((e) => e.type === 'node-degraded')).toMatchObject({
      reason: 'orchestrator',
      node: { nodeId: 'hsm-2' },
    });
    const routable = cluster
      .nodes()
      .filter((n) => n.routable)
      .map((n) => n.nodeId);
    expect(routable.sort()).toEqual(['hsm-1', 'hsm-3']);

    orchestrator.publish(
      [
        { ...a!, state: 'ACTIVE' },
        { ...c!, state: 'ACTIVE' },
      ],
      'HSM_REMOVED',
    );
    await waitFor(() => cluster!.nodes().length === 2, 3000, 'hsm-2 removed');
    const removal = events.filter((e) => e.type === 'membership-changed').at(-1);
    expect(removal).toMatchObject({ removed: [{ address: b!.address }] });
  });

  it('asks for clusterId when the orchestrator has several clusters', async () => {
    orchestrator = await FakeOrchestrator.start();
    orchestrator.clusterIds = ['cluster-aaaaaaaaaaa', 'cluster-bbbbbbbbbbb'];

    const error = await connectVia(orchestrator).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe('clusterId');
  });
});
