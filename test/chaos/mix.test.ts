// Chaos - a mix of everything: the seeded Nemesis draws from every fault the
// toolkit has (crashes, pauses, partitions one way and both, slow links,
// blackholes, resets, orchestrator crashes, clock jumps, storage damage,
// whole-cluster crashes, two nodes down) under the full workload. Replay a
// failure with the seed it prints: HSMLAB_CHAOS_SEED=<seed> npm run soak.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_FAULTS,
  runScenario,
  soakScale,
  soakSeeds,
  scenarioTimeoutMs,
  useChaosCluster,
} from '../../packages/chaos/src';

// Each scenario gets time for its load (longer in a soak), healing and the checkers.
describe('chaos - mix', { timeout: scenarioTimeoutMs(soakScale(10_000)) }, () => {
  const chaos = useChaosCluster({ beforeAll, afterAll });

  it.each(soakSeeds())('keeps every promise under a mix of all faults (seed %s)', async (seed) => {
    const result = await runScenario({
      name: 'mix',
      cluster: chaos.cluster,
      seed,
      loadMs: soakScale(10_000),
      faults: ALL_FAULTS,
      nemesis: { quietMs: [500, 1200], faultMs: [1000, 2500] },
    });

    expect(result.report.faults).toBeGreaterThan(0);
    expect(result.report.summary.ok).toBeGreaterThan(0);
    expect(result.failures).toBe('');
  });
});
