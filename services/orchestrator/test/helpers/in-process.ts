import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@hsmlab/common';
import { ManualClock } from '../../src/clock';
import { startOrchestrator, type RunningOrchestrator } from '../../src/orchestrator';
import type { OrchestratorOptions } from '../../src/options';
import { FakeAppliance } from './fake-appliance';

export const DOUBLE_PASSWORD = 'appliance-pass-1';

/** InProcess is an orchestrator in the test's own process, loops off, on a manual clock. */
export interface InProcess {
  orch: RunningOrchestrator;
  clock: ManualClock;
  dataDir: string;
  logs: Record<string, unknown>[];
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startInProcess(
  over: Partial<OrchestratorOptions> = {},
  dataDir?: string,
): Promise<InProcess> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'hsmlab-orch-unit-'));
  const clock = new ManualClock(1_000_000_000);
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n'))
        if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const options = (): OrchestratorOptions => ({
    dataDir: dir,
    appliancePassword: DOUBLE_PASSWORD,
    insecure: true,
    runLoops: false,
    clock,
    logger: createLogger({ component: 'orchestrator', destination: sink, level: 'info' }),
    rpcTimeoutMs: 2000,
    ...over,
  });
  const handle: InProcess = {
    orch: await startOrchestrator(options()),
    clock,
    dataDir: dir,
    logs,
    async restart() {
      await handle.orch.stop();
      handle.orch = await startOrchestrator(options());
    },
    stop: () => handle.orch.stop(),
  };
  return handle;
}

/** startDoubles starts one FakeAppliance per [nodeId, az]. */
export async function startDoubles(specs: readonly [string, string][]): Promise<FakeAppliance[]> {
  return Promise.all(
    specs.map(async ([id, az]) => {
      const d = new FakeAppliance(id, az, DOUBLE_PASSWORD);
      await d.start();
      return d;
    }),
  );
}

/**
 * doubleCluster makes an initialised, activated cluster of doubles: the first
 * is initialised, the rest join, then the officer activation is noticed.
 */
export async function doubleCluster(
  p: InProcess,
  doubles: readonly FakeAppliance[],
): Promise<string> {
  const { clusterId } = await p.orch.clusters.createCluster();
  for (const d of doubles) await p.orch.clusters.addHsm({ clusterId, address: d.address });
  await p.orch.clusters.initializeCluster(clusterId);
  await p.orch.idle();
  doubles[0]!.officerActivated = true;
  await p.orch.rounds.healthRound();
  return clusterId;
}
