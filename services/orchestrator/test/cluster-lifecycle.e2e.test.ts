import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from './helpers/lab';

describe('orchestrator - cluster life cycle with real processes', () => {
  let lab: Lab;
  let clusterId: string;

  beforeAll(async () => {
    lab = await Lab.start();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('creates, initialises and activates a 3-node cluster in 3 AZs', async () => {
    clusterId = await lab.activeCluster([
      ['hsm-a1', 'a'],
      ['hsm-b1', 'b'],
      ['hsm-c1', 'c'],
    ]);
    expect(clusterId).toMatch(/^cluster-[a-z0-9]{11}$/);
    const cluster = await lab.control.describeCluster({ clusterId });
    expect(cluster.state).toBe('ACTIVE');
    expect(cluster.domainId).toBe(clusterId);
    expect(cluster.hsms.map((h) => [h.hsmId, h.az, h.state])).toEqual([
      ['hsm-a1', 'a', 'ACTIVE'],
      ['hsm-b1', 'b', 'ACTIVE'],
      ['hsm-c1', 'c', 'ACTIVE'],
    ]);
  });
});
