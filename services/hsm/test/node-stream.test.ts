import { Metadata } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METADATA } from '@hsmlab/proto';
import { NodeProcess, HSM_MAIN, requireBuilt } from '../../../test/helpers/node-process';
import { RawHsm, status } from '../../../test/helpers/hsm-client';

interface Result {
  id: number;
  code: number;
  message: string;
  sign?: { signature: Buffer };
  random?: { data: Buffer };
}

describe('hsm node - crypto stream', () => {
  let node: NodeProcess;
  let alice: RawHsm;
  let ecKey: string;

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    node = new NodeProcess({ nodeId: 'stream-1', extraArgs: ['--profile', 'hsm1.medium'] });
    await node.start();
    const officer = new RawHsm(node.address);
    await officer.call('ActivateOfficer', { password: 'officer-pass-1' });
    await officer.login('admin', 'officer-pass-1');
    await officer.call('CreateUser', {
      username: 'alice',
      role: 'ROLE_CRYPTO_USER',
      password: 'alice-pass-1',
    });
    officer.close();
    alice = new RawHsm(node.address);
    await alice.login('alice', 'alice-pass-1');
    ecKey = (await alice.call('GenerateKeyPair', { keyType: 'KEY_TYPE_EC', curve: 'CURVE_P256' }))
      .privateKey.handle;
  });

  afterAll(async () => {
    alice?.close();
    await node?.stop();
  });

  function open(token = alice.token) {
    const md = new Metadata();
    md.set(METADATA.session, token);
    const stream: any = alice.hsm.CryptoStream(md);
    const results = new Map<number, Result>();
    const loads: number[] = [];
    const waiters: Array<() => void> = [];
    stream.on('data', (msg: { results: Result[]; load: { capacity: number } }) => {
      for (const r of msg.results) results.set(Number(r.id), r);
      loads.push(msg.load.capacity);
      for (const w of waiters.splice(0)) w();
    });
    const until = async (n: number) => {
      while (results.size < n) await new Promise<void>((r) => waiters.push(r));
    };
    return { stream, results, loads, until };
  }

  it('answers a batch of calls (within the profile queue), each with its own id, and reports load in every message', async () => {
    const s = open();
    const calls = Array.from({ length: 20 }, (_, i) => ({
      id: i + 1,
      timeoutMs: 5000,
      sign: { key: ecKey, mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from(`m${i}`) },
    }));
    s.stream.write({ calls });
    s.stream.write({ calls: [{ id: 99, random: { length: 16 } }] });
    await s.until(21);
    for (let i = 1; i <= 20; i++) {
      expect(s.results.get(i)!.code).toBe(0);
      expect(s.results.get(i)!.sign!.signature.length).toBeGreaterThan(60);
    }
    expect(s.results.get(99)!.random!.data.length).toBe(16);
    expect(s.loads.every((c) => c === 250)).toBe(true);
    s.stream.end();
  });

  it('fails one call with its own status and keeps the stream serving', async () => {
    const s = open();
    s.stream.write({
      calls: [
        {
          id: 1,
          sign: {
            key: 'key-eeeeeeeeeeeeeeeeeeee',
            mechanism: 'MECHANISM_ECDSA_SHA256',
            data: Buffer.from('x'),
          },
        },
        { id: 2 },
        {
          id: 3,
          sign: { key: ecKey, mechanism: 'MECHANISM_RSA_PSS_SHA256', data: Buffer.from('x') },
        },
        {
          id: 4,
          sign: { key: ecKey, mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from('x') },
        },
      ],
    });
    await s.until(4);
    expect(s.results.get(1)!.code).toBe(status.NOT_FOUND);
    expect(s.results.get(2)!.code).toBe(status.INVALID_ARGUMENT);
    expect(s.results.get(3)!.code).toBe(status.INVALID_ARGUMENT);
    expect(s.results.get(4)!.code).toBe(0);
    s.stream.end();
  });

  it('says busy when a call would wait past the profile queue, and times out or cancels calls', async () => {
    const s = open();
    // hsm1.medium signs 250 EC/s and queues 100 ms: 200 at once cannot all fit.
    const calls = Array.from({ length: 200 }, (_, i) => ({
      id: 1000 + i,
      timeoutMs: 60_000,
      sign: { key: ecKey, mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from('x') },
    }));
    s.stream.write({ calls });
    await s.until(200);
    const codes = [...s.results.values()].map((r) => r.code);
    expect(codes.filter((c) => c === status.RESOURCE_EXHAUSTED).length).toBeGreaterThan(100);
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(10);
    s.stream.end();

    const t = open();
    // The queue is full again: a call with a 5 ms budget times out, another is cancelled.
    t.stream.write({
      calls: Array.from({ length: 20 }, (_, i) => ({
        id: i + 1,
        timeoutMs: 60_000,
        sign: { key: ecKey, mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from('y') },
      })),
    });
    t.stream.write({
      calls: [
        {
          id: 500,
          timeoutMs: 5,
          sign: { key: ecKey, mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from('z') },
        },
        {
          id: 501,
          timeoutMs: 60_000,
          sign: { key: ecKey, mechanism: 'MECHANISM_ECDSA_SHA256', data: Buffer.from('z') },
        },
      ],
      cancel: [],
    });
    t.stream.write({ calls: [], cancel: [501] });
    await t.until(22);
    expect([status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED, 0]).toContain(
      t.results.get(500)!.code,
    );
    expect([status.CANCELLED, status.RESOURCE_EXHAUSTED, 0]).toContain(t.results.get(501)!.code);
    expect(
      [...t.results.values()].some(
        (r) => r.code === status.DEADLINE_EXCEEDED || r.code === status.CANCELLED,
      ),
    ).toBe(true);
    t.stream.end();
  });

  it('refuses a call whose id is already queued or running on the stream', async () => {
    const s = open();
    const all: Result[] = [];
    s.stream.on('data', (msg: { results: Result[] }) => all.push(...msg.results));
    s.stream.write({
      calls: [
        { id: 700, random: { length: 8 } },
        { id: 700, random: { length: 8 } },
      ],
    });
    while (all.length < 2) await new Promise((r) => setTimeout(r, 5));
    const codes = all.map((r) => r.code).sort();
    expect(codes).toEqual([0, status.INVALID_ARGUMENT]);
    expect(all.find((r) => r.code !== 0)!.message).toMatch(/already in flight/);
    s.stream.end();
  });

  it('refuses to open without a valid session', async () => {
    const s = open('bogus');
    const err = await new Promise<{ code: number }>((resolve) => s.stream.on('error', resolve));
    expect(err.code).toBe(status.UNAUTHENTICATED);
    // The node keeps serving unary calls on the same channel.
    expect((await alice.call('GetKey', { handle: ecKey })).key.handle).toBe(ecKey);
  });
});
