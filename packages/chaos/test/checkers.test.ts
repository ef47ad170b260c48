// The checkers on hand-made histories: each must pass a clean run and catch
// the broken promise it exists for, so a chaos suite cannot pass with the
// feature broken.
import { createECDH, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkAuditSequences,
  checkConvergence,
  checkNoCanaryLeak,
  checkNoKeyLost,
  checkNoPhantomKeys,
  checkNoResurrection,
  checkReads,
  checkReplicatedAtAck,
  checkSignatures,
  History,
  type CreateInput,
  type CreateOutput,
  type Holder,
  type NodeSnapshot,
} from '../src';

/** ROOT holds every scratch directory of this file; it is removed after the tests. */
const ROOT = mkdtempSync(join(tmpdir(), 'hsmlab-chaos-test-'));
const scratch = (prefix: string): string => mkdtempSync(join(ROOT, prefix));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const PREFIX = 'chaos.test.1';

function created(history: History, n: number, output: Partial<CreateOutput> = {}) {
  const input: CreateInput = { label: `${PREFIX}-${n}`, keyKind: 'aes', clientRequestId: `r${n}` };
  const op = history.invoke('create', input);
  history.ok(op, { handle: `key-${n}`, ...output });
  return op;
}

function deleted(history: History, handle: string, outcome: 'ok' | 'fail' | 'unknown') {
  const op = history.invoke('delete', { handle });
  if (outcome === 'ok') history.ok(op);
  else if (outcome === 'fail') history.fail(op, new Error('refused'));
  else history.unknown(op, new Error('timeout'));
}

function node(id: string, keys: Record<string, string>, tombstones: string[] = []): NodeSnapshot {
  return {
    nodeId: id,
    az: id,
    dataDir: '',
    keys: new Map(Object.entries(keys)),
    tombstones: new Set(tombstones),
    rootDigestHex: 'aa',
  };
}

const holders = (...presence: Holder['presence'][]): Holder[] =>
  presence.map((p, i) => ({ nodeId: `hsm-${i + 1}`, az: 'abc'[i]!, presence: p }));

describe('key checkers', () => {
  it('pass a clean run', () => {
    const h = new History();
    created(h, 1);
    created(h, 2);
    deleted(h, 'key-2', 'ok');
    const nodes = ['n1', 'n2'].map((id) => node(id, { 'key-1': `${PREFIX}-1` }, ['key-2']));
    expect(checkNoKeyLost(h, nodes).ok).toBe(true);
    expect(checkNoPhantomKeys(h, nodes, { labelPrefix: PREFIX }).ok).toBe(true);
    expect(checkNoResurrection(h, nodes).ok).toBe(true);
  });

  it('catch an acknowledged key missing on one node, unless its delete may have landed', () => {
    const h = new History();
    created(h, 1);
    created(h, 2);
    deleted(h, 'key-2', 'unknown');
    const nodes = [node('n1', { 'key-1': `${PREFIX}-1` }), node('n2', {})];
    const result = checkNoKeyLost(h, nodes);
    expect(result.ok).toBe(false);
    expect(result.violations).toEqual([expect.stringContaining('key-1')]);
  });

  it('still expect a key whose delete certainly failed', () => {
    const h = new History();
    created(h, 1);
    deleted(h, 'key-1', 'fail');
    expect(checkNoKeyLost(h, [node('n1', {})]).ok).toBe(false);
  });

  it('catch keys nobody created, a create that made two keys, and a failed create that left one', () => {
    const h = new History();
    created(h, 1);
    const failed = h.invoke('create', {
      label: `${PREFIX}-2`,
      keyKind: 'aes',
      clientRequestId: 'r2',
    });
    h.fail(failed, Object.assign(new Error('no'), { name: 'KeyAvailabilityError' }));
    const nodes = [
      node('n1', { 'key-1': `${PREFIX}-1`, 'key-x': 'someone-else', 'key-2': `${PREFIX}-2` }),
      node('n2', { 'key-1b': `${PREFIX}-1`, 'key-y': `${PREFIX}-99` }),
    ];
    const result = checkNoPhantomKeys(h, nodes, { labelPrefix: PREFIX });
    expect(result.violationCount).toBe(5);
    expect(result.violations.join('\n')).toMatch(/someone-else/);
    expect(result.violations.join('\n')).toMatch(/names 2 keys/);
    expect(result.violations.join('\n')).toMatch(/-99/);
    expect(result.violations.join('\n')).toMatch(/nothing written/);
    expect(result.violations.join('\n')).toMatch(/returned key-1$/m);
  });

  it('catch a deleted key that is live again', () => {
    const h = new History();
    created(h, 1);
    deleted(h, 'key-1', 'ok');
    const result = checkNoResurrection(h, [
      node('n1', {}, ['key-1']),
      node('n2', { 'key-1': 'x' }),
    ]);
    expect(result.violations).toEqual([expect.stringContaining('live again on n2')]);
  });

  it('catch a read that saw another label', () => {
    const h = new History();
    created(h, 1);
    const read = h.invoke('read', { handle: 'key-1' });
    h.ok(read, { label: 'not-mine' });
    expect(checkReads(h).ok).toBe(false);
  });
});

describe('checkReplicatedAtAck', () => {
  it('passes creates held by two nodes in two AZs', () => {
    const h = new History();
    created(h, 1, { holders: holders('present', 'present', 'absent'), probedAtMs: Date.now() });
    expect(checkReplicatedAtAck(h, 3).ok).toBe(true);
  });

  it('catches a create acknowledged on one node', () => {
    const h = new History();
    created(h, 1, { holders: holders('present', 'absent', 'absent'), probedAtMs: Date.now() });
    expect(checkReplicatedAtAck(h, 3).violationCount).toBe(1);
  });

  it('counts a probe with silent nodes as inconclusive, and fails a run with no conclusive probe', () => {
    const h = new History();
    created(h, 1, { holders: holders('present', 'unknown', 'absent'), probedAtMs: Date.now() });
    const result = checkReplicatedAtAck(h, 3);
    expect(result.violationCount).toBe(0);
    expect(result.ok).toBe(false);
    expect(result.notes.join(' ')).toMatch(/inconclusive/);
  });

  it('catches two holders in one AZ', () => {
    const h = new History();
    const sameAz: Holder[] = [
      { nodeId: 'hsm-1', az: 'a', presence: 'present' },
      { nodeId: 'hsm-2', az: 'a', presence: 'present' },
      { nodeId: 'hsm-3', az: 'b', presence: 'absent' },
    ];
    created(h, 1, { holders: sameAz, probedAtMs: Date.now() });
    expect(checkReplicatedAtAck(h, 2).ok).toBe(false);
  });
});

describe('checkSignatures', () => {
  it('accepts a good signature and catches a bad one', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = publicKey.export({ format: 'der', type: 'spki' });
    const h = new History();
    created(h, 1, { publicKeyDerHex: der.toString('hex') });
    const message = Buffer.from('hello');
    const good = sign('sha256', message, privateKey);
    for (const signature of [good, Buffer.from(good).fill(1, 10, 12)]) {
      const op = h.invoke('sign', { handle: 'key-1', messageHex: message.toString('hex') });
      h.ok(op, { signatureHex: signature.toString('hex') });
    }
    const result = checkSignatures(h);
    expect(result.checked).toBe(2);
    expect(result.violationCount).toBe(1);
  });
});

describe('checkConvergence', () => {
  it('fails when digests never agreed or snapshots differ, and only notes slowness', () => {
    const same = [node('a', {}), node('b', {})];
    expect(checkConvergence(800, same, {}).ok).toBe(true);
    expect(checkConvergence(undefined, same, {}).ok).toBe(false);
    expect(
      checkConvergence(800, [node('a', {}), { ...node('b', {}), rootDigestHex: 'bb' }], {}).ok,
    ).toBe(false);
    const slow = checkConvergence(9000, same, {});
    expect(slow.ok).toBe(true);
    expect(slow.notes).toHaveLength(1);
    expect(checkConvergence(9000, same, { HSMLAB_CHAOS_STRICT_TIMING: '1' }).ok).toBe(false);
  });
});

describe('checkAuditSequences', () => {
  it('passes 1, 2, 3 with a torn last line and catches a gap', async () => {
    const dir = scratch('audit-');
    const good = scratch('audit-');
    const lines = (seqs: number[]) => seqs.map((seq) => JSON.stringify({ seq })).join('\n') + '\n';
    writeFileSync(join(good, 'audit.log'), `${lines([1, 2, 3])}{"seq":4,"act`);
    writeFileSync(join(dir, 'audit.log'), lines([1, 2, 4]));
    expect((await checkAuditSequences([{ nodeId: 'good', dataDir: good }])).ok).toBe(true);
    const result = await checkAuditSequences([{ nodeId: 'gap', dataDir: dir }]);
    expect(result.violations).toEqual([expect.stringContaining('seq 4, expected 3')]);
  });
});

describe('checkNoCanaryLeak', () => {
  const canary = createECDH('prime256v1').generateKeys().subarray(1, 33);

  it('finds a canary raw, in hex and in base64 at any offset', async () => {
    const encodings = [
      Buffer.concat([Buffer.from('xx'), canary, Buffer.from('yy')]),
      Buffer.from(`{"m":"${canary.toString('hex').toUpperCase()}"}`),
      ...[0, 1, 2].map((pad) =>
        Buffer.from(
          Buffer.concat([Buffer.alloc(pad, 9), canary, Buffer.alloc(5, 3)]).toString('base64'),
        ),
      ),
      Buffer.from(Buffer.concat([Buffer.alloc(1), canary]).toString('base64url')),
    ];
    for (const content of encodings) {
      const dir = scratch('canary-');
      writeFileSync(join(dir, 'state.json'), content);
      expect((await checkNoCanaryLeak([dir], [canary])).ok, content.toString('latin1')).toBe(false);
    }
  });

  it('passes clean files and fails when there was nothing to scan', async () => {
    const dir = scratch('canary-');
    expect((await checkNoCanaryLeak([dir], [canary])).ok).toBe(false);
    writeFileSync(join(dir, 'log'), 'nothing secret here');
    expect((await checkNoCanaryLeak([dir], [canary])).ok).toBe(true);
  });
});
