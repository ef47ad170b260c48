// Chaos - network faults, through each node's TcpFaultProxy: an AZ is cut off
// from clients and the orchestrator (both ways, or one way: requests lost, or
// replies lost after the work was done), and every link turns slow and
// jittery with a bandwidth cap. After healing, every checker must pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isSoak,
  runScenario,
  sleep,
  soakScale,
  soakSeeds,
  type ScenarioContext,
  scenarioTimeoutMs,
  useChaosCluster,
} from '../../packages/chaos/src';

/** partitionEachWay cuts AZ b both ways, then AZ c inbound, then AZ a outbound. */
async function partitionEachWay({ cluster: c, waitRecovered }: ScenarioContext): Promise<void> {
  const cuts = [
    { az: 'b', oneWay: undefined },
    { az: 'c', oneWay: 'inbound' as const },
    { az: 'a', oneWay: 'outbound' as const },
  ];
  for (const cut of cuts) {
    await sleep(500);
    c.partitionAz(cut.az, { oneWay: cut.oneWay });
    await sleep(1500);
    c.healNetwork(c.nodes.filter((n) => n.az === cut.az).map((n) => n.id));
    await waitRecovered();
  }
}

// Each scenario gets time for its load (longer in a soak), healing and the checkers.
describe('chaos - network faults', { timeout: scenarioTimeoutMs(soakScale(7_000)) }, () => {
  const chaos = useChaosCluster({ beforeAll, afterAll });

  it.each(soakSeeds())(
    'keeps every promise while AZs are partitioned, both ways and one way (seed %s)',
    async (seed) => {
      // The fast tier runs each kind of partition once, in a fixed order; the
      // soak lets the seeded Nemesis choose AZs, kinds and times.
      const result = await runScenario({
        name: 'az-partition',
        cluster: chaos.cluster,
        seed,
        loadMs: soakScale(7000),
        faults: isSoak() ? ['partition', 'partition-one-way'] : undefined,
        script: isSoak() ? undefined : partitionEachWay,
      });

      expect(result.report.faults).toBeGreaterThanOrEqual(isSoak() ? 1 : 3);
      expect(result.report.summary.ok).toBeGreaterThan(0);
      expect(result.failures).toBe('');
    },
  );

  it.each(soakSeeds())('keeps every promise over slow, jittery links (seed %s)', async (seed) => {
    const result = await runScenario({
      name: 'slow-links',
      cluster: chaos.cluster,
      seed,
      loadMs: soakScale(6000),
      script: async ({ cluster: c }) => {
        await sleep(1000);
        c.slowLinks({ latencyMs: 60, jitterMs: 80, bandwidthBytesPerSecond: 512 * 1024 });
      },
    });

    // Slow links must slow calls down, not fail them.
    expect(result.report.faults).toBe(1);
    expect(result.report.summary.fail + result.report.summary.unknown).toBe(0);
    expect(result.failures).toBe('');
  });
});
