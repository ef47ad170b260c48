// Chaos - faults in a node's own state, on one cluster in turn:
// - storage: a node is killed and its journal damaged before it starts again
//   (last record torn, unsynced tail lost, one bit flipped). The node cuts
//   the damage and serves; what it lost is still on its peers, and resync
//   must bring it back.
// - clocks: one node's clock leaps forward or back (minutes, hours, past a
//   session's lifetime). Versions are hybrid logical clocks: no delete may
//   lose to an older create and no acknowledged key may vanish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isSoak,
  runScenario,
  sleep,
  soakScale,
  soakSeeds,
  STORAGE_FAULT_KINDS,
  type ScenarioContext,
  type StorageFaultReport,
  scenarioTimeoutMs,
  useChaosCluster,
} from '../../packages/chaos/src';

const reports: StorageFaultReport[] = [];

/** damageEachWay applies each storage fault once, each to another node. */
async function damageEachWay({ cluster: c, waitRecovered }: ScenarioContext): Promise<void> {
  for (const [i, kind] of STORAGE_FAULT_KINDS.entries()) {
    await sleep(700);
    reports.push(
      await c.storageFault(`hsm-${i + 1}`, kind, kind === 'lost-tail' ? { frames: 3 } : {}),
    );
    await waitRecovered();
  }
}

/** jumpAround moves hsm-1 two hours ahead, hsm-2 ten minutes back, hsm-3 nine hours ahead. */
async function jumpAround({ cluster: c, waitRecovered }: ScenarioContext): Promise<void> {
  const jumps: [string, number][] = [
    ['hsm-1', 2 * 3600_000],
    ['hsm-2', -10 * 60_000],
    ['hsm-3', 9 * 3600_000],
  ];
  for (const [node, offsetMs] of jumps) {
    await sleep(500);
    await c.clockJump(node, offsetMs);
    await sleep(1200);
    await c.clockJump(node, 0);
    await waitRecovered();
  }
}

// Each scenario gets time for its load (longer in a soak), healing and the checkers.
describe('chaos - node state faults', { timeout: scenarioTimeoutMs(soakScale(6_000)) }, () => {
  const chaos = useChaosCluster({ beforeAll, afterAll });

  it.each(soakSeeds())(
    'recovers every acknowledged write after torn, lost and flipped journal records (seed %s)',
    async (seed) => {
      reports.length = 0;
      const result = await runScenario({
        name: 'storage-faults',
        cluster: chaos.cluster,
        seed,
        loadMs: soakScale(6000),
        faults: isSoak() ? ['storage'] : undefined,
        script: isSoak() ? undefined : damageEachWay,
      });

      expect(result.report.faults).toBeGreaterThan(0);
      if (!isSoak()) {
        // Each fault really damaged a journal that held frames.
        expect(reports.map((r) => r.kind)).toEqual([...STORAGE_FAULT_KINDS]);
        for (const report of reports) expect(report.changed, report.detail).toBe(true);
      }
      expect(result.failures).toBe('');
    },
  );

  it.each(soakSeeds())('keeps every promise while node clocks jump (seed %s)', async (seed) => {
    const result = await runScenario({
      name: 'clock-jumps',
      cluster: chaos.cluster,
      seed,
      loadMs: soakScale(6000),
      mix: { create: 25, sign: 20, encrypt: 20, read: 15, delete: 20 },
      faults: isSoak() ? ['clock-jump'] : undefined,
      script: isSoak() ? undefined : jumpAround,
    });

    expect(result.report.faults).toBeGreaterThan(0);
    expect(result.history.ops('delete').some((op) => op.outcome === 'ok')).toBe(true);
    expect(result.failures).toBe('');
  });
});
