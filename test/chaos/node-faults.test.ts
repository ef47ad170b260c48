// Chaos - node faults, on one cluster in turn: single nodes crash (SIGKILL,
// restart) or freeze (SIGSTOP, SIGCONT); two of three nodes go down at once;
// every process is killed at once (a power cut). The workload mixes creates,
// signs, encrypts, reads and deletes; after each scenario the cluster is
// healed and every checker of the toolkit must pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isSoak,
  runScenario,
  sleep,
  soakScale,
  soakSeeds,
  type CreateOutput,
  type KeyInput,
  type ScenarioContext,
  scenarioTimeoutMs,
  useChaosCluster,
} from '../../packages/chaos/src';

/** powerCut kills every node and the orchestrator at once, then starts them all again. */
async function powerCut({ cluster: c }: ScenarioContext): Promise<void> {
  await sleep(2000);
  await c.crashAll();
  await sleep(1000);
  await c.heal();
}

// Each scenario gets time for its load (longer in a soak), healing and the checkers.
describe('chaos - node faults', { timeout: scenarioTimeoutMs(soakScale(7_000)) }, () => {
  const chaos = useChaosCluster({ beforeAll, afterAll });

  it.each(soakSeeds())(
    'keeps every promise while single nodes crash and restart (seed %s)',
    async (seed) => {
      const result = await runScenario({
        name: 'node-crash',
        cluster: chaos.cluster,
        seed,
        loadMs: soakScale(7000),
        faults: ['kill'],
      });

      expect(result.report.faults).toBeGreaterThan(0);
      expect(result.report.summary.ok).toBeGreaterThan(0);
      expect(result.failures).toBe('');
    },
  );

  it.each(soakSeeds())(
    'keeps every promise while single nodes are paused (seed %s)',
    async (seed) => {
      const result = await runScenario({
        name: 'node-pause',
        cluster: chaos.cluster,
        seed,
        loadMs: soakScale(7000),
        faults: ['pause'],
      });

      expect(result.report.faults).toBeGreaterThan(0);
      expect(result.report.summary.ok).toBeGreaterThan(0);
      expect(result.failures).toBe('');
    },
  );

  it('refuses writes with KeyAvailabilityError while two of three nodes are down, and signs and reads go on', async () => {
    // The window in which only hsm-3 is up, less a second for the SDK to see
    // the two nodes go.
    const window = { fromMs: 0, toMs: 0, killedAtMs: 0 };
    const result = await runScenario({
      name: 'two-down',
      cluster: chaos.cluster,
      loadMs: soakScale(6000),
      mix: { create: 25, sign: 35, encrypt: 20, read: 20, delete: 0 },
      script: async ({ cluster: c }) => {
        await sleep(1500);
        await Promise.all([c.killNode('hsm-1'), c.killNode('hsm-2')]);
        window.killedAtMs = Date.now();
        window.fromMs = window.killedAtMs + 1000;
        await sleep(soakScale(3000));
        window.toMs = Date.now();
        await Promise.all([c.restartNode('hsm-1'), c.restartNode('hsm-2')]);
      },
    });
    expect(result.failures).toBe('');

    const { history } = result;
    const creates = history.invokedBetween(window.fromMs, window.toMs, 'create');
    expect(creates.length).toBeGreaterThan(0);
    for (const op of creates) {
      expect(op.outcome, `create ${op.id}`).not.toBe('ok');
      expect(op.error?.name, `create ${op.id}`).toBe('KeyAvailabilityError');
    }

    // Keys acknowledged while all three nodes were up are on hsm-3 too, so
    // every sign and read of them in the window must succeed there.
    const ackedEarly = new Set(
      history
        .ops('create')
        .filter((op) => op.outcome === 'ok' && op.endMs! < window.killedAtMs - 1000)
        .map((op) => (op.output as CreateOutput).handle),
    );
    const onOldKeys = [
      ...history.invokedBetween(window.fromMs, window.toMs, 'sign'),
      ...history.invokedBetween(window.fromMs, window.toMs, 'read'),
    ].filter((op) => ackedEarly.has((op.input as KeyInput).handle));
    expect(onOldKeys.length).toBeGreaterThan(0);
    expect(onOldKeys.filter((op) => op.outcome !== 'ok').map((op) => op.error)).toEqual([]);
  });

  it.each(soakSeeds())(
    'loses no acknowledged key when every process is killed at once and restarted (seed %s)',
    async (seed) => {
      const result = await runScenario({
        name: 'cluster-restart',
        cluster: chaos.cluster,
        seed,
        loadMs: soakScale(6000),
        faults: isSoak() ? ['crash-all', 'kill'] : undefined,
        script: isSoak() ? undefined : powerCut,
      });

      expect(result.report.faults).toBeGreaterThan(0);
      expect(
        result.history.ops('create').filter((op) => op.outcome === 'ok').length,
      ).toBeGreaterThan(0);
      expect(result.failures).toBe('');
    },
  );
});
