import { Client, credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHsmProto, METADATA } from '@hsmlab/proto';
import { NodeProcess, HSM_MAIN, requireBuilt } from '../../../test/helpers/node-process';
import { RawHsm } from '../../../test/helpers/hsm-client';

/** Statuses a node may answer hostile input with; never INTERNAL, never a crash. */
const CLEAR_STATUSES = new Set([
  status.OK,
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.PERMISSION_DENIED,
  status.UNAUTHENTICATED,
  status.RESOURCE_EXHAUSTED,
  status.FAILED_PRECONDITION,
  status.ALREADY_EXISTS,
]);

const METHODS = [
  'Sign',
  'Verify',
  'Encrypt',
  'Decrypt',
  'GenerateSymmetricKey',
  'GenerateKeyPair',
  'ImportKey',
  'WrapKey',
  'UnwrapKey',
  'DeriveKey',
  'GetKey',
  'FindKeys',
  'SetAttributes',
  'ShareKey',
  'DeleteKey',
  'CreateUser',
  'ChangePassword',
  'ImportMaskedObject',
  'ExportMaskedObject',
  'Digest',
  'GenerateRandom',
] as const;

describe('hsm node - hostile input (property-based)', () => {
  let node: NodeProcess;
  let alice: RawHsm;
  let raw: Client;
  let validSign: Buffer;

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    node = new NodeProcess({ nodeId: 'fuzz-1' });
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
    const { privateKey } = await alice.call('GenerateKeyPair', {
      keyType: 'KEY_TYPE_EC',
      curve: 'CURVE_P256',
    });
    const SignRequest = loadHsmProto().hsmlab.hsm.v1.Hsm.service.Sign.requestSerialize;
    validSign = SignRequest({
      key: privateKey.handle,
      mechanism: 'MECHANISM_ECDSA_SHA256',
      data: Buffer.from('x'),
    });
    raw = new Client(node.address, credentials.createInsecure());
  });

  afterAll(async () => {
    alice?.close();
    raw?.close();
    await node?.stop();
  });

  function send(method: string, body: Buffer): Promise<number> {
    const md = new Metadata();
    md.set(METADATA.session, alice.token);
    return new Promise((resolve) => {
      raw.makeUnaryRequest(
        `/hsmlab.hsm.v1.Hsm/${method}`,
        (b: Buffer) => b,
        (b: Buffer) => b,
        body,
        md,
        { deadline: Date.now() + 10_000 },
        (err: ServiceError | null) => resolve(err ? err.code : status.OK),
      );
    });
  }

  it('answers random bytes on every RPC with a clear status and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.uint8Array({ maxLength: 512 }),
        async (method, bytes) => {
          const code = await send(method, Buffer.from(bytes));
          expect(CLEAR_STATUSES.has(code), `${method} -> ${code}`).toBe(true);
        },
      ),
      { numRuns: 300, seed: Number(process.env.HSMLAB_FUZZ_SEED ?? 20261203) },
    );
    expect((await alice.call('GetNodeInfo', {})).nodeId).toBe('fuzz-1');
  }, 120_000);

  it('answers mutations of a valid request with a clear status', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (flips) => {
          const body = Buffer.from(validSign);
          for (const [at, xor] of flips) body[at % body.length] ^= xor;
          const code = await send('Sign', body);
          expect(CLEAR_STATUSES.has(code), `code ${code}`).toBe(true);
        },
      ),
      { numRuns: 300, seed: Number(process.env.HSMLAB_FUZZ_SEED ?? 20261203) },
    );
  }, 120_000);

  it('refuses an oversized message with RESOURCE_EXHAUSTED', async () => {
    expect(await send('Sign', Buffer.alloc(5 * 1024 * 1024, 1))).toBe(status.RESOURCE_EXHAUSTED);
    expect((await alice.call('GetNodeInfo', {})).nodeId).toBe('fuzz-1');
  });

  it('refuses a compressed bomb that inflates past the limit', async () => {
    const bomb = new Client(node.address, credentials.createInsecure(), {
      'grpc.default_compression_algorithm': 2,
    });
    const md = new Metadata();
    md.set(METADATA.session, alice.token);
    const code = await new Promise<number>((resolve) => {
      bomb.makeUnaryRequest(
        '/hsmlab.hsm.v1.Hsm/Digest',
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.alloc(64 * 1024 * 1024, 0),
        md,
        { deadline: Date.now() + 30_000 },
        (err: ServiceError | null) => resolve(err ? err.code : status.OK),
      );
    });
    bomb.close();
    expect(code).toBe(status.RESOURCE_EXHAUSTED);
    expect((await alice.call('GetNodeInfo', {})).nodeId).toBe('fuzz-1');
  }, 60_000);
});
