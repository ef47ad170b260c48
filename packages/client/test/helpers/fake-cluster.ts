// Helpers that start TEST DOUBLE nodes (fake-hsm-node.ts) and connect the
// SDK to them with fast timings, for the SDK's own tests.
import { HsmCluster, type ClusterEvent, type HsmClientOptions } from '../../src/index';
import { FakeHsmNode, type FakeNodeOptions } from './fake-hsm-node';

/** startFakes starts one fake node per spec (ids hsm-1, hsm-2, … unless given). */
export async function startFakes(specs: Partial<FakeNodeOptions>[]): Promise<FakeHsmNode[]> {
  return Promise.all(
    specs.map((spec, i) => FakeHsmNode.start({ nodeId: `hsm-${i + 1}`, ...spec })),
  );
}

/** connectTo connects as alice with plaintext channels and test-friendly timings. */
export function connectTo(
  fakes: FakeHsmNode[],
  extra: Partial<HsmClientOptions> = {},
): Promise<HsmCluster> {
  return HsmCluster.connect({
    nodes: fakes.map((fake) => fake.address),
    insecure: true,
    credentials: { username: 'alice', password: 'alice-pw' },
    healthCheckIntervalMs: 200,
    probeTimeoutMs: 300,
    attemptTimeoutMs: 500,
    defaultDeadlineMs: 3000,
    connectTimeoutMs: 3000,
    backoff: { initialMs: 20, maxMs: 200 },
    env: {},
    ...extra,
  });
}

/** stopAll stops every fake, ignoring ones already stopped. */
export async function stopAll(fakes: FakeHsmNode[]): Promise<void> {
  await Promise.all(fakes.map((fake) => fake.stop()));
}

/** collect records every event the cluster emits from now on. */
export function collect(cluster: HsmCluster): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  cluster.on((event) => events.push(event));
  return events;
}

/** waitFor polls `check` every 10 ms until it holds, failing after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
