import { describe, expect, it } from 'vitest';
import { ALL_FAULTS, Nemesis, type NemesisTarget } from '../src';

/** target is enough of a cluster for planning: plan() only reads node ids and AZs. */
const target = {
  nodes: [
    { id: 'hsm-1', az: 'a' },
    { id: 'hsm-2', az: 'b' },
    { id: 'hsm-3', az: 'c' },
  ],
} as unknown as NemesisTarget;

describe('Nemesis', () => {
  it('plans the same schedule for the same seed', () => {
    const plan = (seed: number) => new Nemesis(target, { seed, faults: ALL_FAULTS }).plan(30_000);
    expect(plan(99)).toEqual(plan(99));
    expect(plan(99)).not.toEqual(plan(100));
  });

  it('plans one fault at a time, inside the duration, from the faults given', () => {
    const plan = new Nemesis(target, { seed: 5, faults: ['kill', 'pause'] }).plan(20_000);
    expect(plan.length).toBeGreaterThan(0);
    let freeAtMs = 0;
    for (const step of plan) {
      expect(['kill', 'pause']).toContain(step.kind);
      expect(step.atMs).toBeGreaterThanOrEqual(freeAtMs);
      expect(step.atMs + step.durationMs).toBeLessThanOrEqual(20_000);
      expect(target.nodes.map((n) => n.id)).toContain(step.params.nodes[0]);
      freeAtMs = step.atMs + step.durationMs;
    }
  });

  it('takes two nodes in two AZs for two-down', () => {
    const plan = new Nemesis(target, { seed: 8, faults: ['two-down'] }).plan(20_000);
    expect(plan.length).toBeGreaterThan(0);
    for (const step of plan) {
      const azs = step.params.nodes.map((id) => target.nodes.find((n) => n.id === id)!.az);
      expect(new Set(azs).size).toBe(2);
    }
  });

  it('refuses an empty fault list', () => {
    expect(() => new Nemesis(target, { seed: 1, faults: [] })).toThrow(/faults/);
  });
});
