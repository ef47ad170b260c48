import { describe, expect, it } from 'vitest';
import { batchCopies, planResync, rootsAgree, type DigestEntry } from '../src/sync/resync-plan';
import { chunkByBytes } from '../src/sync/resync-copy';
import { compareVersions } from '../src/sync/version';

const d = (
  handle: string,
  wallMs: number,
  nodeId: string,
  content = 'x',
  tombstone = false,
): DigestEntry => ({
  handle,
  version: { wallMs, logical: 0, nodeId },
  tombstone,
  digest: Buffer.from(`${handle}:${wallMs}:${nodeId}:${content}`),
});

describe('resync plan - choosing winners and targets', () => {
  it('copies nothing when every HSM holds the same versions', () => {
    const plan = planResync([
      { hsmId: 'a', digests: [d('k1', 10, 'a'), d('k2', 11, 'b')] },
      { hsmId: 'b', digests: [d('k1', 10, 'a'), d('k2', 11, 'b')] },
    ]);
    expect(plan.copies).toEqual([]);
    expect(plan.handles).toBe(2);
  });

  it('copies a handle one HSM lacks from an HSM that has it', () => {
    const plan = planResync([
      { hsmId: 'a', digests: [d('k1', 10, 'a')] },
      { hsmId: 'b', digests: [] },
      { hsmId: 'c', digests: [d('k1', 10, 'a')] },
    ]);
    expect(plan.copies).toEqual([
      {
        handle: 'k1',
        version: { wallMs: 10, logical: 0, nodeId: 'a' },
        sourceHsmId: 'a',
        targetHsmIds: ['b'],
      },
    ]);
  });

  it('lets the highest (wallMs, logical, nodeId) win, tombstones included', () => {
    const plan = planResync([
      { hsmId: 'a', digests: [d('k1', 10, 'a'), d('k2', 5, 'a', 'live')] },
      { hsmId: 'b', digests: [d('k1', 10, 'b'), d('k2', 7, 'b', 'dead', true)] },
    ]);
    expect(
      plan.copies.map((c) => [c.handle, c.version.nodeId, c.sourceHsmId, c.targetHsmIds]),
    ).toEqual([
      ['k1', 'b', 'b', ['a']],
      ['k2', 'b', 'b', ['a']],
    ]);
  });

  it('orders versions by wall time, then logical counter, then node id', () => {
    expect(
      compareVersions(
        { wallMs: 2, logical: 0, nodeId: 'a' },
        { wallMs: 1, logical: 9, nodeId: 'z' },
      ),
    ).toBeGreaterThan(0);
    expect(
      compareVersions(
        { wallMs: 1, logical: 2, nodeId: 'a' },
        { wallMs: 1, logical: 1, nodeId: 'z' },
      ),
    ).toBeGreaterThan(0);
    expect(
      compareVersions(
        { wallMs: 1, logical: 1, nodeId: 'b' },
        { wallMs: 1, logical: 1, nodeId: 'a' },
      ),
    ).toBeGreaterThan(0);
    expect(compareVersions(null, { wallMs: 0, logical: 0, nodeId: '' })).toBeLessThan(0);
  });

  it('reports a conflict and copies nothing when one version has two contents', () => {
    const plan = planResync([
      { hsmId: 'a', digests: [d('k1', 10, 'a', 'one')] },
      { hsmId: 'b', digests: [d('k1', 10, 'a', 'two')] },
      { hsmId: 'c', digests: [] },
    ]);
    expect(plan.copies).toEqual([]);
    expect(plan.conflicts).toEqual([
      { handle: 'k1', version: { wallMs: 10, logical: 0, nodeId: 'a' }, hsmIds: ['a', 'b'] },
    ]);
  });

  it('sends only to allowed receivers', () => {
    const plan = planResync(
      [
        { hsmId: 'a', digests: [d('k1', 10, 'a')] },
        { hsmId: 'b', digests: [] },
        { hsmId: 'new', digests: [] },
      ],
      { receivers: new Set(['new']) },
    );
    expect(plan.copies[0]!.targetHsmIds).toEqual(['new']);
  });

  it('prefers listed sources, then spreads the rest over holders', () => {
    const lists = [
      { hsmId: 'a', digests: [d('k1', 1, 'x'), d('k2', 1, 'x'), d('k3', 1, 'x'), d('k4', 1, 'x')] },
      { hsmId: 'b', digests: [d('k1', 1, 'x'), d('k2', 1, 'x'), d('k3', 1, 'x'), d('k4', 1, 'x')] },
      { hsmId: 'c', digests: [] },
    ];
    expect(planResync(lists, { preferredSources: ['b'] }).copies.map((c) => c.sourceHsmId)).toEqual(
      ['b', 'b', 'b', 'b'],
    );
    expect(planResync(lists).copies.map((c) => c.sourceHsmId)).toEqual(['a', 'b', 'a', 'b']);
  });

  it('is deterministic whatever the order of the lists', () => {
    const lists = [
      { hsmId: 'a', digests: [d('k1', 3, 'a'), d('k3', 1, 'a')] },
      { hsmId: 'b', digests: [d('k1', 2, 'b'), d('k2', 1, 'b')] },
      { hsmId: 'c', digests: [d('k2', 4, 'c')] },
    ];
    expect(planResync([...lists].reverse())).toEqual(planResync(lists));
  });
});

describe('resync plan - batching', () => {
  it('groups copies by source, batchSize at a time, in handle order', () => {
    const copies = ['k1', 'k2', 'k3', 'k4', 'k5'].map((handle, i) => ({
      handle,
      version: { wallMs: 1, logical: 0, nodeId: 'x' },
      sourceHsmId: i % 2 === 0 ? 'a' : 'b',
      targetHsmIds: ['c'],
    }));
    expect(
      batchCopies(copies, 2).map((b) => [b.sourceHsmId, b.copies.map((c) => c.handle)]),
    ).toEqual([
      ['a', ['k1', 'k3']],
      ['a', ['k5']],
      ['b', ['k2', 'k4']],
    ]);
  });

  it('splits imports by sealed bytes, never leaving an object out', () => {
    const objects = [100, 100, 5000, 100].map((n) => ({ sealed: Buffer.alloc(n) }));
    const chunks = chunkByBytes(objects, 1000);
    expect(chunks.map((c) => c.length)).toEqual([2, 1, 1]);
    expect(chunks.flat()).toHaveLength(4);
  });

  it('agrees on roots only when every root is the same', () => {
    expect(rootsAgree([Buffer.from('a'), Buffer.from('a')])).toBe(true);
    expect(rootsAgree([Buffer.from('a'), Buffer.from('b')])).toBe(false);
    expect(rootsAgree([])).toBe(false);
  });
});
