import { describe, expect, it } from 'vitest';
import { useChaosCluster } from '../src';

describe('useChaosCluster', () => {
  it('starts in beforeAll, stops in afterAll, and refuses use before it started', async () => {
    const before: Array<() => Promise<void>> = [];
    const after: Array<() => Promise<void>> = [];
    const chaos = useChaosCluster({
      beforeAll: (fn) => before.push(fn),
      afterAll: (fn) => after.push(fn),
    });

    expect(before).toHaveLength(1);
    expect(after).toHaveLength(1);
    expect(() => chaos.cluster).toThrow(/not running/);
    expect(() => chaos.credentials).toThrow(/not running/);
    await expect(chaos.connect()).rejects.toThrow(/not running/);
    // A suite whose start failed still runs afterAll: it must do nothing.
    await expect(after[0]!()).resolves.toBeUndefined();
    await expect(chaos.stop()).resolves.toBeUndefined();
  });
});
