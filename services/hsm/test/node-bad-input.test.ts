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
  'GetNodeInfo',
  'ActivateOfficer',
  'Login',
  'ListUsers',
  'DeleteUser',
  'UnlockUser',
  'UnshareKey',
] as const;

/** Per-call statuses a stream result may carry besides the clear ones. */
const CALL_STATUSES = new Set([...CLEAR_STATUSES, status.CANCELLED, status.DEADLINE_EXCEEDED]);

describe('hsm node - hostile input (property-based)', () => {
  let node: NodeProcess;
  let alice: RawHsm;
  let raw: Client;
  let validSign: Buffer;
  let validStream: Buffer;

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
    validStream = loadHsmProto().hsmlab.hsm.v1.Hsm.service.CryptoStream.requestSerialize({
      calls: [
        {
          id: 1,
          timeoutMs: 5000,
          sign: {
            key: privateKey.handle,
            mechanism: 'MECHANISM_ECDSA_SHA256',
            data: Buffer.from('x'),
          },
        },
        { id: 2, timeoutMs: 5000, random: { length: 16 } },
      ],
    });
    raw = new Client(node.address, credentials.createInsecure());
  });

  /**
   * streamOnce opens a crypto stream as alice, writes one message of raw
   * bytes, ends it, and returns every per-call status and the stream's own.
   */
  function streamOnce(body: Buffer): Promise<{ calls: number[]; end: number }> {
    const md = new Metadata();
    md.set(METADATA.session, alice.token);
    const decode = loadHsmProto().hsmlab.hsm.v1.Hsm.service.CryptoStream.responseDeserialize;
    return new Promise((resolve) => {
      const calls: number[] = [];
      const stream = raw.makeBidiStreamRequest(
        '/hsmlab.hsm.v1.Hsm/CryptoStream',
        (b: Buffer) => b,
        (b: Buffer) => b,
        md,
        { deadline: Date.now() + 10_000 },
      );
      stream.on('data', (bytes: Buffer) => {
        for (const r of decode(bytes).results) calls.push(r.code);
      });
      stream.on('error', () => undefined);
      stream.on('status', (s: { code: number }) => resolve({ calls, end: s.code }));
      stream.write(body);
      stream.end();
    });
  }

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

  it('answers hostile crypto-stream messages call by call, or ends the stream with a clear status', async () => {
    const hostile = fc.oneof(
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 })
        .map((flips) => {
          const body = Buffer.from(validStream);
          for (const [at, xor] of flips) body[at % body.length] ^= xor;
          return body;
        }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (body) => {
        const { calls, end } = await streamOnce(body);
        expect(CLEAR_STATUSES.has(end), `stream ended ${end}`).toBe(true);
        for (const code of calls) expect(CALL_STATUSES.has(code), `call ${code}`).toBe(true);
      }),
      { numRuns: 200, seed: Number(process.env.HSMLAB_FUZZ_SEED ?? 20261203) },
    );
    // The genuine message still gets both calls answered.
    const genuine = await streamOnce(validStream);
    expect(genuine).toEqual({ calls: [status.OK, status.OK], end: status.OK });
  }, 120_000);

  it('answers random bytes to Logout with a clear status, on a session of its own', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), async (bytes) => {
        const own = new RawHsm(node.address);
        await own.login('alice', 'alice-pass-1');
        const md = new Metadata();
        md.set(METADATA.session, own.token);
        const code = await new Promise<number>((resolve) => {
          raw.makeUnaryRequest(
            '/hsmlab.hsm.v1.Hsm/Logout',
            (b: Buffer) => b,
            (b: Buffer) => b,
            Buffer.from(bytes),
            md,
            { deadline: Date.now() + 10_000 },
            (err: ServiceError | null) => resolve(err ? err.code : status.OK),
          );
        });
        own.close();
        expect(CLEAR_STATUSES.has(code), `Logout -> ${code}`).toBe(true);
      }),
      { numRuns: 15, seed: Number(process.env.HSMLAB_FUZZ_SEED ?? 20261203) },
    );
    expect((await alice.call('GetNodeInfo', {})).nodeId).toBe('fuzz-1');
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
