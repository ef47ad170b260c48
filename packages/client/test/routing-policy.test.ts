import { describe, expect, it } from 'vitest';
import {
  chooseNode,
  expectedWait,
  requiredReplicas,
  type RoutingCandidate,
} from '../src/routing-policy';

function node(id: string, fields: Partial<RoutingCandidate> = {}): RoutingCandidate {
  return { id, routable: true, ownInFlight: 0, reportedInFlight: 0, capacity: 1, ...fields };
}

describe('routing policy', () => {
  it('computes expected wait as (own + reported in-flight) / capacity', () => {
    expect(expectedWait(node('a', { ownInFlight: 3, reportedInFlight: 5, capacity: 4 }))).toBe(2);
    // A node that has not reported a capacity counts as capacity 1.
    expect(expectedWait(node('a', { ownInFlight: 2, capacity: 0 }))).toBe(2);
  });

  it('picks the node with the lowest expected wait', () => {
    const nodes = [
      node('a', { ownInFlight: 4 }),
      node('b', { ownInFlight: 4, capacity: 4 }),
      node('c', { reportedInFlight: 3 }),
    ];
    expect(chooseNode(nodes)).toBe('b');
  });

  it('never picks a node that is not routable', () => {
    const nodes = [node('a', { routable: false }), node('b', { ownInFlight: 100 })];
    expect(chooseNode(nodes)).toBe('b');
    expect(chooseNode([node('a', { routable: false })])).toBeUndefined();
    expect(chooseNode([])).toBeUndefined();
  });

  it('passes over tried nodes while an untried routable node is left', () => {
    const nodes = [node('a'), node('b', { ownInFlight: 50 }), node('c', { routable: false })];
    expect(chooseNode(nodes, new Set(['a']))).toBe('b');
    // Every routable node tried: they are all eligible again.
    expect(chooseNode(nodes, new Set(['a', 'b']))).toBe('a');
  });

  it('breaks ties at random among equally loaded nodes', () => {
    const nodes = [node('a'), node('b'), node('c')];
    expect(chooseNode(nodes, new Set(), () => 0)).toBe('a');
    expect(chooseNode(nodes, new Set(), () => 0.5)).toBe('b');
    expect(chooseNode(nodes, new Set(), () => 0.99)).toBe('c');
  });

  it('spreads a steady load in proportion to capacity when fed back', () => {
    // Simulate a saturated client: 60 calls always in flight, each finishing
    // in the same time, placed one by one by the policy.
    const nodes = [
      node('a', { capacity: 1 }),
      node('b', { capacity: 1 }),
      node('c', { capacity: 2 }),
    ];
    const inFlight = new Map(nodes.map((n) => [n.id, 0]));
    for (let i = 0; i < 60; i++) {
      const pick = chooseNode(
        nodes.map((n) => ({ ...n, ownInFlight: inFlight.get(n.id)! })),
        new Set(),
        () => 0,
      )!;
      inFlight.set(pick, inFlight.get(pick)! + 1);
    }
    expect([inFlight.get('a'), inFlight.get('b'), inFlight.get('c')]).toEqual([15, 15, 30]);
  });

  it('requires 2 replicas when 2 or more nodes are active, unless configured', () => {
    expect(requiredReplicas(undefined, 1)).toBe(1);
    expect(requiredReplicas(undefined, 2)).toBe(2);
    expect(requiredReplicas(undefined, 5)).toBe(2);
    expect(requiredReplicas(1, 5)).toBe(1);
    // A minimum above the member count is kept (the write fails loudly).
    expect(requiredReplicas(3, 2)).toBe(3);
  });
});
