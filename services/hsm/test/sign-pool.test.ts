import * as crypto from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@hsmlab/common';
import { requireBuilt } from '../../../test/helpers/node-process';
// The compiled pool: its worker threads run the compiled sign-worker.js.
import type * as PoolModule from '../src/crypto-workers/sign-pool';
import type * as CryptoModule from '../src/crypto';
import type { LoadedKey, SignPlan } from '../src/crypto';

const DIST = join(__dirname, '..', 'dist');
requireBuilt(join(DIST, 'crypto-workers', 'sign-worker.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SignPool } = require(join(DIST, 'crypto-workers', 'sign-pool.js')) as typeof PoolModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engine = require(join(DIST, 'crypto')) as typeof CryptoModule;

const logger = silentLogger();
/** EIGHT is a batch just large enough to go to a worker (MIN_JOBS_PER_WORKER). */
const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

/** loaded makes a LoadedKey for a fresh private key of the given kind. */
async function loaded(kind: 'ec' | 'ed25519' | 'rsa'): Promise<LoadedKey> {
  const pair = await (kind === 'rsa'
    ? engine.generateKeyPair({ keyType: 'rsa', modulusBits: 2048 })
    : kind === 'ec'
      ? engine.generateKeyPair({ keyType: 'ec', curve: 'P-256' })
      : engine.generateKeyPair({ keyType: 'ed25519' }));
  return engine.loadKey({
    keyType: kind,
    keyClass: 'private',
    sizeBits: pair.sizeBits,
    ...(pair.curve === undefined ? {} : { curve: pair.curve }),
    owner: 'alice',
    sharedWith: [],
    attributes: engine.resolveAttributes('private', kind, {}),
    material: pair.privatePkcs8Der,
    publicKeyDer: pair.publicSpkiDer,
    createdAtMs: 0,
  });
}

/** verifies checks a signature with the public half of the key and the plan's options. */
function verifies(key: LoadedKey, plan: SignPlan, data: Buffer, signature: Buffer): boolean {
  if (plan.kind !== 'asymmetric') throw new Error('asymmetric plans only');
  return crypto.verify(plan.hash, data, { key: key.publicKey!, ...plan.options }, signature);
}

/** slotsOf is the pool's started worker threads (private state, read for the tests). */
function slotsOf(pool: unknown): { worker: { terminate(): Promise<number> } }[] {
  return (pool as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
}

describe('SignPool', () => {
  let pool: InstanceType<typeof SignPool> | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('signs a turn of mixed keys and formats on worker threads, each signature verifying', async () => {
    pool = new SignPool(2, logger);
    expect(pool.threads).toBe(2);
    const keys = { ec: await loaded('ec'), ed: await loaded('ed25519'), rsa: await loaded('rsa') };
    const cases: {
      key: LoadedKey;
      mechanism: CryptoModule.Mechanism;
      format?: CryptoModule.SignatureFormat;
    }[] = [];
    for (let i = 0; i < 40; i++) {
      cases.push({ key: keys.ec, mechanism: 'MECHANISM_ECDSA_SHA256' });
      cases.push({
        key: keys.ec,
        mechanism: 'MECHANISM_ECDSA_SHA384',
        format: 'SIGNATURE_FORMAT_IEEE_P1363',
      });
      cases.push({ key: keys.ed, mechanism: 'MECHANISM_ED25519' });
      if (i % 8 === 0) cases.push({ key: keys.rsa, mechanism: 'MECHANISM_RSA_PSS_SHA256' });
    }
    // All submitted in one turn: they go to the workers as batches.
    const signed = cases.map((c, i) => {
      const data = Buffer.from(`message ${i}`);
      const plan = engine.planSign(c.key, c.mechanism, { format: c.format });
      return { c, plan, data, result: pool!.sign(c.key, plan, data) };
    });
    for (const { result } of signed) expect(result).toBeInstanceOf(Promise);
    for (const { c, plan, data, result } of signed) {
      expect(verifies(c.key, plan, data, await result)).toBe(true);
    }
    // The turn was large enough for both workers: they were started and used.
    expect(slotsOf(pool)).toHaveLength(2);
  });

  it('signs a lone call and every call of a pool without threads on the main thread', async () => {
    const key = await loaded('ec');
    const plan = engine.planSign(key, 'MECHANISM_ECDSA_SHA256');
    pool = new SignPool(0, logger);
    const direct = pool.sign(key, plan, Buffer.from('x'));
    expect(direct).toBeInstanceOf(Buffer);
    await pool.close();
    pool = new SignPool(2, logger);
    const lone = await pool.sign(key, plan, Buffer.from('y'));
    expect(verifies(key, plan, Buffer.from('y'), lone)).toBe(true);
    // Signed in-line: no worker was started for it.
    expect(slotsOf(pool)).toHaveLength(0);
  });

  it('fails only the call whose signing fails on the worker, with a message', async () => {
    pool = new SignPool(1, logger);
    const key = await loaded('ec');
    const good = engine.planSign(key, 'MECHANISM_ECDSA_SHA256');
    // A plan no checked request produces: an unknown hash, refused by OpenSSL in the worker.
    const bad: SignPlan = { ...good, hash: 'no-such-hash' } as SignPlan;
    const results = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
      Promise.resolve(pool!.sign(key, i === 3 ? bad : good, Buffer.from([i]))).then(
        (signature) => ({ ok: true as const, signature }),
        (err: Error) => ({ ok: false as const, message: err.message }),
      ),
    );
    const settled = await Promise.all(results);
    expect(settled.filter((r) => r.ok)).toHaveLength(8);
    expect(settled[3]).toMatchObject({
      ok: false,
      message: expect.stringMatching(/crypto worker/),
    });
  });

  it('rejects the calls of a worker that dies, and starts another for the next turn', async () => {
    pool = new SignPool(1, logger);
    const key = await loaded('ec');
    const plan = engine.planSign(key, 'MECHANISM_ECDSA_SHA256');
    await Promise.all(EIGHT.map((i) => pool!.sign(key, plan, Buffer.from([i]))));
    const workers = slotsOf(pool);
    expect(workers).toHaveLength(1);
    const inFlight = EIGHT.map((i) =>
      Promise.resolve(pool!.sign(key, plan, Buffer.from([i]))).then(
        () => 'signed',
        (err: Error) => err.message,
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    await workers[0]!.worker.terminate();
    for (const outcome of await Promise.all(inFlight)) {
      // Either it finished before the worker went, or it was rejected: never left hanging.
      expect(outcome === 'signed' || /crypto worker stopped/.test(outcome)).toBe(true);
    }
    const again = await Promise.all(EIGHT.map((i) => pool!.sign(key, plan, Buffer.from([i]))));
    again.forEach((signature, i) =>
      expect(crypto.verify('sha256', Buffer.from([i + 1]), key.publicKey!, signature)).toBe(true),
    );
  });
});
