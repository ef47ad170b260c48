import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { type MethodDefinition } from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApplianceProto, loadHsmProto, MESSAGE_LIMITS } from '@hsmlab/proto';
import { NodeProcess, HSM_MAIN, requireBuilt, tempDir } from '../../../test/helpers/node-process';
import { RawHsm, status } from '../../../test/helpers/hsm-client';
import {
  RawChannel,
  byteMutationArb,
  fieldMutationArb,
  fuzzParams,
  hostileStringArb,
  leafPaths,
  mutateBytes,
  sameMessage,
  sessionMetadata,
  setAt,
  tryDecode,
  trySerialize,
  type ByteMutation,
  type FieldMutation,
} from '../../../test/helpers/grpc-fuzz';
import { createSelfSignedCa } from '../src/identity/certificate-authority';
import {
  NODE_IDENTITY_OU,
  createJoinRequest,
  createManufacturerCa,
  grantJoin,
  issueNodeIdentity,
  issueTlsCertificate,
  signManifest,
  writeManufacturerCa,
  type CertificateAndKey,
} from '../src/identity';

/**
 * Property-based hostile input against a real node's sync plane
 * (appliance.v1.Appliance) and the masked-object RPCs of the data plane:
 * random bytes, mutations of valid requests captured from real flows, bad
 * credentials, replayed / forged / wrong-cluster masked objects and backups,
 * and identity certificates that must not pass attestation. Every answer must
 * be a clear status (never INTERNAL or UNKNOWN), change nothing, and leave the
 * node serving.
 *
 * Nodes: A (cluster A, the node under attack), B (another cluster, same
 * manufacturer), C (uninitialised, with a join of cluster A in progress), D (a
 * replica of cluster A made from A's backup, so it can hold a version newer
 * than A's: the "valid newer blob" a forged one must not smuggle in).
 */

const APPLIANCE_PASSWORD = 'appliance-secret-1';
const OFFICER_PASSWORD = 'officer-pass-1';
const CLUSTER_A = 'cluster-fuzzaaaaaaa';
const CLUSTER_B = 'cluster-fuzzbbbbbbb';

/** Statuses a node may answer hostile input with; never INTERNAL, never UNKNOWN. */
const CLEAR_STATUSES = new Set<number>([
  status.OK,
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.PERMISSION_DENIED,
  status.UNAUTHENTICATED,
  status.RESOURCE_EXHAUSTED,
  status.FAILED_PRECONDITION,
  status.ALREADY_EXISTS,
]);

const UNARY_METHODS = [
  'GetStatus',
  'InitializeCluster',
  'ListDigests',
  'ExportMasked',
  'ImportMasked',
  'GetJoinRequest',
  'GrantJoin',
  'CompleteJoin',
] as const;
const ALL_METHODS = [...UNARY_METHODS, 'CreateBackup', 'RestoreBackup'] as const;
type ApplianceMethod = (typeof ALL_METHODS)[number];

const service = loadApplianceProto().hsmlab.appliance.v1.Appliance.service as unknown as Record<
  ApplianceMethod,
  MethodDefinition<any, any>
>;
const encode = (m: ApplianceMethod, value: unknown): Buffer => service[m].requestSerialize(value);
const decode = (m: ApplianceMethod, bytes: Buffer): any => service[m].requestDeserialize(bytes);
const decodeReply = (m: ApplianceMethod, bytes: Buffer): any =>
  service[m].responseDeserialize(bytes);

/** backupContent is what RestoreBackup acts on: the object and manifest parts, in order. */
function backupContent(parts: readonly Buffer[]): unknown[] | undefined {
  const out: unknown[] = [];
  for (const bytes of parts) {
    const p = tryDecode((b) => decode('RestoreBackup', b), bytes);
    if (p === undefined) return undefined;
    // The same precedence as the node's handler.
    if (p.object) out.push({ object: p.object });
    else if (p.manifest) out.push({ manifest: p.manifest });
  }
  return out;
}

type Mutation =
  { kind: 'bytes'; m: ByteMutation } | { kind: 'field'; f: FieldMutation } | { kind: 'none' };

/** messageMutationArb damages one valid message at the byte level or at one field. */
function messageMutationArb(valid: object, pool: readonly string[]): fc.Arbitrary<Mutation> {
  const bytes = byteMutationArb().map((m): Mutation => ({ kind: 'bytes', m }));
  if (leafPaths(valid).length <= 1) return bytes;
  return fc.oneof(
    bytes,
    fieldMutationArb(valid, pool).map((f): Mutation => ({ kind: 'field', f })),
  );
}

function applyMutation(
  method: ApplianceMethod,
  valid: object,
  validBytes: Buffer,
  mutation: Mutation,
): Buffer | undefined {
  if (mutation.kind === 'none') return validBytes;
  if (mutation.kind === 'bytes') return mutateBytes(validBytes, mutation.m);
  return trySerialize((v) => encode(method, v), setAt(valid, mutation.f.path, mutation.f.value));
}

type PartsMutation =
  | { kind: 'part'; index: number; mutation: Mutation }
  | { kind: 'drop'; index: number }
  | { kind: 'duplicate'; index: number }
  | { kind: 'swap'; i: number; j: number }
  | { kind: 'manifest-first' }
  | { kind: 'target'; clusterId: string }
  | { kind: 'none' };

function partsMutationArb(pool: readonly string[]): fc.Arbitrary<PartsMutation> {
  const index = fc.nat({ max: 1000 });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('part' as const),
        index,
        mutation: fc.oneof(
          byteMutationArb().map((m): Mutation => ({ kind: 'bytes', m })),
          fc.constant<Mutation>({ kind: 'none' }),
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap' as const), i: index, j: index }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'manifest-first' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('target' as const),
        clusterId: hostileStringArb(pool),
      }),
    },
  ) as fc.Arbitrary<PartsMutation>;
}

/** fieldPartsMutationArb damages one field of one decoded part. */
function fieldPartsMutationArb(parts: readonly Buffer[], pool: readonly string[]) {
  return fc.nat({ max: parts.length - 1 }).chain((index) =>
    fieldMutationArb(decode('RestoreBackup', parts[index]!), pool).map((f): PartsMutation => ({
      kind: 'part',
      index,
      mutation: { kind: 'field', f },
    })),
  );
}

function mutateParts(parts: readonly Buffer[], m: PartsMutation): Buffer[] {
  const out = [...parts];
  const n = out.length;
  switch (m.kind) {
    case 'none':
      return out;
    case 'part': {
      const i = m.index % n;
      const valid = decode('RestoreBackup', out[i]!);
      out[i] = applyMutation('RestoreBackup', valid, out[i]!, m.mutation) ?? Buffer.alloc(1, 0xff);
      return out;
    }
    case 'drop':
      out.splice(m.index % n, 1);
      return out;
    case 'duplicate':
      out.splice(m.index % n, 0, out[m.index % n]!);
      return out;
    case 'swap': {
      const [i, j] = [m.i % n, m.j % n];
      [out[i], out[j]] = [out[j]!, out[i]!];
      return out;
    }
    case 'manifest-first':
      return [out[n - 1]!, ...out.slice(0, n - 1)];
    case 'target':
      return [encode('RestoreBackup', { targetClusterId: m.clusterId }), ...out];
  }
}

interface NodeSnapshot {
  status: Record<string, unknown>;
  digests: unknown[] | string;
}

describe('hsm node - sync plane under hostile input (property-based)', () => {
  let mca: { certPath: string; keyPath: string; ca: CertificateAndKey };
  let otherCa: CertificateAndKey;
  const nodes: Record<'a' | 'b' | 'c' | 'd', NodeProcess> = {} as never;
  const appliance: Partial<Record<'a' | 'b' | 'c' | 'd', RawHsm>> = {};
  const raw: Partial<Record<'a' | 'c', RawChannel>> = {};
  let aliceA: RawHsm;
  let bobA: RawHsm;
  let officerA: RawHsm;
  let signKey: string;
  /** Alice's key K on A, with its masked versions, oldest first; the last is A's current one. */
  let keyK: string;
  let versionsK: any[];
  /** Alice's deleted key on A: its live version (older than the tombstone). */
  let deletedLive: any;
  let deletedHandle: string;
  let bobKey: string;
  /** K as D holds it: newer than anything A holds. */
  let newerK: any;
  /** B's objects, masked for cluster B. */
  let objectsB: any[];
  /** Backups, as the parts CreateBackup streamed. */
  let backupA: Buffer[];
  let olderBackupA: Buffer[];
  let backupB: Buffer[];
  let loggedOutToken: string;
  const ids: string[] = [];

  const clients: RawHsm[] = [];

  async function loggedIn(node: 'a' | 'b' | 'c' | 'd', user: string, pw: string): Promise<RawHsm> {
    const c = new RawHsm(nodes[node].address);
    await c.login(user, pw);
    clients.push(c);
    return c;
  }

  async function takeBackup(node: 'a' | 'b', backupId: string): Promise<Buffer[]> {
    const ch = new RawChannel(nodes[node].address);
    const res = await ch.serverStream(
      service.CreateBackup.path,
      encode('CreateBackup', { backupId }),
      sessionMetadata(appliance[node]!.token),
    );
    ch.close();
    expect(res.code).toBe(status.OK);
    return res.messages!;
  }

  async function snapshot(node: 'a' | 'c'): Promise<NodeSnapshot> {
    const st = await appliance[node]!.sync('GetStatus', {});
    const { load: _load, auditSequence: _seq, ...stable } = st;
    let digests: unknown[] | string;
    try {
      digests = (await appliance[node]!.sync('ListDigests', { pageSize: 10_000 })).digests;
    } catch (err) {
      digests = `refused ${(err as { code: number }).code}`;
    }
    return { status: stable, digests };
  }

  async function expectServing(): Promise<void> {
    for (const n of Object.values(nodes)) expect(n.running).toBe(true);
    const sig = await aliceA.call('Sign', {
      key: signKey,
      mechanism: 'MECHANISM_ECDSA_SHA256',
      data: Buffer.from('still serving'),
    });
    expect(sig.signature.length).toBeGreaterThan(0);
    expect((await appliance.a!.sync('GetStatus', {})).nodeId).toBe('fuzz-a1');
  }

  async function exportMasked(node: 'a' | 'b' | 'd', handles: string[]): Promise<any[]> {
    return (await appliance[node]!.sync('ExportMasked', { handles })).objects;
  }

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    [mca, otherCa] = await Promise.all([
      writeManufacturerCa(tempDir('hsmlab-mca-')),
      createManufacturerCa(),
    ]);
    for (const id of ['a', 'b', 'c', 'd'] as const) {
      nodes[id] = new NodeProcess({
        nodeId: `fuzz-${id}1`,
        appliancePassword: APPLIANCE_PASSWORD,
        manufacturerCa: { certPath: mca.certPath, keyPath: mca.keyPath },
      });
    }
    await Promise.all(Object.values(nodes).map((n) => n.start()));
    for (const id of ['a', 'b', 'c', 'd'] as const) {
      appliance[id] = await loggedIn(id, 'appliance', APPLIANCE_PASSWORD);
    }
    raw.a = new RawChannel(nodes.a.address);
    raw.c = new RawChannel(nodes.c.address);

    // A and B: two clusters, each with an officer, alice and bob.
    for (const [id, clusterId] of [
      ['a', CLUSTER_A],
      ['b', CLUSTER_B],
    ] as const) {
      await appliance[id]!.sync('InitializeCluster', { clusterId });
      const officer = new RawHsm(nodes[id].address);
      clients.push(officer);
      await officer.call('ActivateOfficer', { password: OFFICER_PASSWORD });
      await officer.login('admin', OFFICER_PASSWORD);
      for (const username of ['alice', 'bob']) {
        await officer.call('CreateUser', {
          username,
          role: 'ROLE_CRYPTO_USER',
          password: `${username}-pass-1`,
        });
      }
      if (id === 'a') officerA = officer;
    }
    aliceA = await loggedIn('a', 'alice', 'alice-pass-1');
    bobA = await loggedIn('a', 'bob', 'bob-pass-1');
    const aliceB = await loggedIn('b', 'alice', 'alice-pass-1');
    await aliceB.call('GenerateSymmetricKey', { keyType: 'KEY_TYPE_AES', sizeBits: 256 });

    signKey = (
      await aliceA.call('GenerateKeyPair', { keyType: 'KEY_TYPE_EC', curve: 'CURVE_P256' })
    ).privateKey.handle;
    bobKey = (await bobA.call('GenerateSymmetricKey', { keyType: 'KEY_TYPE_AES', sizeBits: 128 }))
      .key.handle;
    keyK = (
      await aliceA.call('GenerateSymmetricKey', {
        keyType: 'KEY_TYPE_AES',
        sizeBits: 256,
        attributes: { label: 'v0' },
      })
    ).key.handle;
    olderBackupA = await takeBackup('a', 'older');
    versionsK = [];
    for (let v = 1; v <= 4; v += 1) {
      versionsK.push((await exportMasked('a', [keyK]))[0]);
      await aliceA.call('SetAttributes', { handle: keyK, attributes: { label: `v${v}` } });
    }
    versionsK.push((await exportMasked('a', [keyK]))[0]);
    deletedHandle = (
      await aliceA.call('GenerateSymmetricKey', { keyType: 'KEY_TYPE_AES', sizeBits: 128 })
    ).key.handle;
    deletedLive = (await exportMasked('a', [deletedHandle]))[0];
    await aliceA.call('DeleteKey', { handle: deletedHandle });

    backupA = await takeBackup('a', 'current');
    backupB = await takeBackup('b', 'other-cluster');
    const handlesB = (await appliance.b!.sync('ListDigests', {})).digests.map(
      (d: { handle: string }) => d.handle,
    );
    objectsB = await exportMasked('b', handlesB);

    // D: cluster A's domain, from A's backup; then K changes on D only.
    const channelD = new RawChannel(nodes.d.address);
    const restoredD = await channelD.clientStream(
      service.RestoreBackup.path,
      backupA,
      sessionMetadata(appliance.d!.token),
    );
    channelD.close();
    expect(restoredD.code).toBe(status.OK);
    const aliceD = await loggedIn('d', 'alice', 'alice-pass-1');
    await aliceD.call('SetAttributes', { handle: keyK, attributes: { label: 'from-d' } });
    newerK = (await exportMasked('d', [keyK]))[0];

    const gone = await loggedIn('a', 'appliance', APPLIANCE_PASSWORD);
    loggedOutToken = gone.token;
    await gone.call('Logout', {});

    ids.push(
      CLUSTER_A,
      CLUSTER_B,
      keyK,
      bobKey,
      signKey,
      deletedHandle,
      'user:alice',
      'user:bob',
      'user:admin',
      'fuzz-a1',
      'fuzz-b1',
      'fuzz-c1',
      'key-00000000000000000000',
    );
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    raw.a?.close();
    raw.c?.close();
    await Promise.all(Object.values(nodes).map((n) => n?.stop()));
  });

  /** call sends bytes to one method as a raw call of the right kind. */
  async function call(
    node: 'a' | 'c',
    method: ApplianceMethod,
    bodies: readonly Buffer[],
    md = sessionMetadata(appliance[node]!.token),
  ): Promise<{ code: number; details: string; response?: Buffer }> {
    const p = service[method].path;
    // A hang is a failure (DEADLINE_EXCEEDED is no clear status): 10 s is ample.
    const timeoutMs = 10_000;
    if (method === 'RestoreBackup') return raw[node]!.clientStream(p, bodies, md, timeoutMs);
    if (method === 'CreateBackup')
      return raw[node]!.serverStream(p, bodies[0] ?? Buffer.alloc(0), md, timeoutMs);
    return raw[node]!.unary(p, bodies[0] ?? Buffer.alloc(0), md, timeoutMs);
  }

  function expectClear(code: number, what: string): void {
    expect(CLEAR_STATUSES.has(code), `${what} -> status ${code}`).toBe(true);
  }

  it('answers random bytes on every appliance RPC with a clear status and changes nothing', async () => {
    const before = { a: await snapshot('a'), c: await snapshot('c') };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('a' as const, 'c' as const),
        fc.constantFrom(...ALL_METHODS),
        fc.array(fc.uint8Array({ maxLength: 600 }), { minLength: 1, maxLength: 3 }),
        async (node, method, bodies) => {
          const { code } = await call(
            node,
            method,
            bodies.map((b) => Buffer.from(b)),
          );
          expectClear(code, `${node}.${method}`);
          expect(await snapshot(node)).toEqual(before[node]);
        },
      ),
      fuzzParams(200),
    );
    await expectServing();
  }, 120_000);

  it('answers mutations of valid requests with a clear status, accepts no altered object and changes nothing', async () => {
    const joinRequest = await appliance.c!.sync('GetJoinRequest', { clusterId: CLUSTER_A });
    const grant = await appliance.a!.sync('GrantJoin', joinRequest);
    const current = await exportMasked('a', [keyK, bobKey]);
    const valid: Record<Exclude<ApplianceMethod, 'RestoreBackup'>, object> = {
      GetStatus: {},
      InitializeCluster: { clusterId: CLUSTER_A },
      ListDigests: { afterHandle: keyK, pageSize: 100 },
      ExportMasked: { handles: [keyK, bobKey, 'key-00000000000000000000'] },
      ImportMasked: { objects: current },
      GetJoinRequest: { clusterId: CLUSTER_A },
      GrantJoin: joinRequest,
      CompleteJoin: grant,
      CreateBackup: { backupId: 'fuzzed' },
    };
    const validBytes = Object.fromEntries(
      Object.entries(valid).map(([m, v]) => [m, encode(m as ApplianceMethod, v)]),
    ) as Record<keyof typeof valid, Buffer>;
    const decodedValid = Object.fromEntries(
      Object.entries(validBytes).map(([m, b]) => [m, decode(m as ApplianceMethod, b)]),
    ) as Record<keyof typeof valid, any>;
    const before = await snapshot('a');

    const unaryCase = fc
      .constantFrom(...(Object.keys(valid) as (keyof typeof valid)[]))
      .chain((method) =>
        messageMutationArb(valid[method], ids).map((mutation) => ({ method, mutation })),
      );
    await fc.assert(
      fc.asyncProperty(unaryCase, async ({ method, mutation }) => {
        const body = applyMutation(method, valid[method], validBytes[method], mutation);
        fc.pre(body !== undefined);
        const { code } = await call('a', method, [body!]);
        expectClear(code, method);
        const seen = tryDecode((b) => decode(method, b), body!);
        if (code === status.OK) {
          // Only what is equal to a valid request may succeed where it matters.
          if (method === 'ImportMasked') {
            for (const o of seen.objects)
              expect(
                decodedValid.ImportMasked.objects.some((v: unknown) => sameMessage(v, o)),
              ).toBe(true);
          }
          if (method === 'GrantJoin') expect(sameMessage(seen, decodedValid.GrantJoin)).toBe(true);
          expect(['GetJoinRequest', 'CompleteJoin']).not.toContain(method);
        }
        expect(await snapshot('a')).toEqual(before);
      }),
      fuzzParams(250),
    );

    // RestoreBackup: A's own backup, damaged part by part and in its order.
    const original = backupContent(backupA);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(partsMutationArb(ids), fieldPartsMutationArb(backupA, ids)),
        async (m) => {
          const parts = mutateParts(backupA, m);
          const { code, response } = await call('a', 'RestoreBackup', parts);
          expectClear(code, `RestoreBackup ${m.kind}`);
          if (code === status.OK) {
            expect(sameMessage(backupContent(parts), original)).toBe(true);
            expect(decodeReply('RestoreBackup', response!).objectsApplied).toBe(0);
          }
          expect(await snapshot('a')).toEqual(before);
        },
      ),
      fuzzParams(100),
    );
    await expectServing();
  }, 120_000);

  it('refuses every appliance RPC without an appliance session, and never locks the appliance user out', async () => {
    const before = { a: await snapshot('a'), c: await snapshot('c') };
    const creds = fc.oneof(
      fc.constant({ who: 'none', token: undefined as string | undefined }),
      fc.string({ maxLength: 64 }).map((token) => ({ who: 'garbage', token })),
      fc.constant({ who: 'logged-out', token: loggedOutToken }),
      fc.constant({ who: 'alice', token: aliceA.token }),
      fc.constant({ who: 'bob', token: bobA.token }),
      fc.constant({ who: 'officer', token: officerA.token }),
    );
    const validBodies: Record<ApplianceMethod, Buffer[]> = {
      GetStatus: [encode('GetStatus', {})],
      InitializeCluster: [encode('InitializeCluster', { clusterId: CLUSTER_B })],
      ListDigests: [encode('ListDigests', {})],
      ExportMasked: [encode('ExportMasked', { handles: [keyK] })],
      ImportMasked: [encode('ImportMasked', { objects: [newerK] })],
      GetJoinRequest: [encode('GetJoinRequest', { clusterId: CLUSTER_B })],
      GrantJoin: [encode('GrantJoin', {})],
      CompleteJoin: [encode('CompleteJoin', {})],
      CreateBackup: [encode('CreateBackup', { backupId: 'x' })],
      RestoreBackup: backupB,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('a' as const, 'c' as const),
        fc.constantFrom(...ALL_METHODS),
        creds,
        async (node, method, { who, token }) => {
          const { code } = await call(node, method, validBodies[method], sessionMetadata(token));
          // A token that names no live session is UNAUTHENTICATED; a live
          // session of any other role is PERMISSION_DENIED.
          const expected = ['alice', 'bob', 'officer'].includes(who)
            ? node === 'a'
              ? status.PERMISSION_DENIED
              : status.UNAUTHENTICATED
            : status.UNAUTHENTICATED;
          expect(code, `${who} on ${node}.${method}`).toBe(expected);
          expect(await snapshot(node)).toEqual(before[node]);
        },
      ),
      fuzzParams(120),
    );

    const anonymous = new RawHsm(nodes.a.address);
    clients.push(anonymous);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom(
            '',
            APPLIANCE_PASSWORD.slice(0, -1),
            `${APPLIANCE_PASSWORD} `,
            APPLIANCE_PASSWORD.toUpperCase(),
            `${APPLIANCE_PASSWORD}\u0000`,
          ),
        ),
        async (password) => {
          fc.pre(password !== APPLIANCE_PASSWORD);
          await expect(anonymous.login('appliance', password)).rejects.toMatchObject({
            code: status.UNAUTHENTICATED,
          });
        },
      ),
      fuzzParams(30),
    );
    // Wrong passwords lock nothing: the right one still works.
    await anonymous.login('appliance', APPLIANCE_PASSWORD);
    expect((await anonymous.sync('GetStatus', {})).clusterId).toBe(CLUSTER_A);
    expect(await snapshot('a')).toEqual(before.a);
    await expectServing();
  }, 120_000);

  it('never rolls an object back when an older masked version is replayed', async () => {
    const before = await snapshot('a');
    const olds = [...versionsK.slice(0, -1), deletedLive];
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(olds, { minLength: 1 }),
        fc.constantFrom('appliance' as const, 'owner' as const),
        async (replayed, route) => {
          if (route === 'appliance') {
            const { results } = await appliance.a!.sync('ImportMasked', { objects: replayed });
            for (const r of results) expect(r.outcome).toBe('IMPORT_OUTCOME_STALE');
          } else {
            for (const object of replayed) {
              const r = await aliceA.call('ImportMaskedObject', { object });
              expect(r.outcome).toBe('IMPORT_OUTCOME_STALE');
            }
          }
          expect(await snapshot('a')).toEqual(before);
        },
      ),
      fuzzParams(40),
    );
    expect((await aliceA.call('GetKey', { handle: keyK })).key.attributes.label).toBe('v4');
    await expect(aliceA.call('GetKey', { handle: deletedHandle })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  }, 120_000);

  it('refuses a forged masked object (any byte or field changed) and applies nothing of its batch', async () => {
    const before = await snapshot('a');
    const genuine = [...versionsK, newerK, deletedLive];
    const isGenuine = (o: unknown) => genuine.some((v) => sameMessage(v, o));
    const importMaskedObject = hsmMethod('ImportMaskedObject');
    // ImportMaskedObjectRequest{object = 1} is also ImportMaskedRequest{objects = 1}.
    const encodeObject = (o: unknown) => importMaskedObject.requestSerialize({ object: o });
    const forged = fc.record({
      base: fc.constantFrom(versionsK[versionsK.length - 1], newerK, versionsK[0]),
      mutation: fc.oneof(
        // Any byte of the sealed blob.
        fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, xor]): Mutation => ({
          kind: 'field',
          f: { path: ['sealed', at], value: xor },
        })),
        fieldMutationArb(newerK, ids).map((f): Mutation => ({ kind: 'field', f })),
        byteMutationArb().map((m): Mutation => ({ kind: 'bytes', m })),
      ),
      withValidNewer: fc.boolean(),
      route: fc.constantFrom('appliance' as const, 'owner' as const),
    });
    await fc.assert(
      fc.asyncProperty(forged, async ({ base, mutation, withValidNewer, route }) => {
        let objectBytes: Buffer | undefined;
        if (mutation.kind === 'bytes') {
          objectBytes = mutateBytes(encodeObject(base), mutation.m);
        } else if (mutation.kind === 'field' && mutation.f.path[0] === 'sealed') {
          const sealed = Buffer.from(base.sealed);
          sealed[(mutation.f.path[1] as number) % sealed.length]! ^= mutation.f.value as number;
          objectBytes = encodeObject({ ...base, sealed });
        } else if (mutation.kind === 'field') {
          objectBytes = trySerialize(encodeObject, setAt(base, mutation.f.path, mutation.f.value));
        }
        fc.pre(objectBytes !== undefined);
        let code: number;
        if (route === 'owner') {
          const seen = tryDecode((b) => importMaskedObject.requestDeserialize(b), objectBytes!);
          // An encoding of a genuine object is no forgery.
          fc.pre(!isGenuine(seen?.object));
          const res = await raw.a!.unary(
            importMaskedObject.path,
            objectBytes!,
            sessionMetadata(aliceA.token),
          );
          code = res.code;
          // Refused as altered, before any ownership check: a forgery never opens.
          expect(code, res.details).toBe(status.INVALID_ARGUMENT);
        } else {
          // The forged object in an ImportMasked batch, after a valid newer one.
          const batch = withValidNewer
            ? Buffer.concat([encode('ImportMasked', { objects: [newerK] }), objectBytes!])
            : objectBytes!;
          const seen = tryDecode((b) => decode('ImportMasked', b), batch);
          fc.pre(seen === undefined || !seen.objects.every(isGenuine));
          code = (await call('a', 'ImportMasked', [batch])).code;
          expect(code).toBe(status.INVALID_ARGUMENT);
        }
        expect(await snapshot('a')).toEqual(before);
      }),
      fuzzParams(120),
    );
    expect((await aliceA.call('GetKey', { handle: keyK })).key.attributes.label).toBe('v4');
    await expectServing();
  }, 120_000);

  it('refuses masked objects of another cluster, relabelled or not', async () => {
    const before = await snapshot('a');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...objectsB),
        fc.record({
          domainId: fc.constantFrom(undefined, CLUSTER_A),
          handle: fc.constantFrom(undefined, keyK, bobKey, 'user:alice', 'user:admin'),
        }),
        fc.boolean(),
        fc.constantFrom('appliance' as const, 'owner' as const, 'officer' as const),
        async (object, relabel, withValidNewer, route) => {
          const o = {
            ...object,
            ...(relabel.domainId ? { domainId: relabel.domainId } : {}),
            ...(relabel.handle ? { handle: relabel.handle } : {}),
          };
          let code: number;
          if (route === 'appliance') {
            const objects = withValidNewer ? [newerK, o] : [o];
            code = await appliance.a!.sync('ImportMasked', { objects }).then(
              () => status.OK,
              (e: { code: number }) => e.code,
            );
          } else {
            const who = route === 'owner' ? aliceA : officerA;
            code = await who.call('ImportMaskedObject', { object: o }).then(
              () => status.OK,
              (e: { code: number }) => e.code,
            );
          }
          expect(code).toBe(status.INVALID_ARGUMENT);
          expect(await snapshot('a')).toEqual(before);
        },
      ),
      fuzzParams(60),
    );
    await expectServing();
  }, 120_000);

  it("refuses other users' objects, even genuine and newer ones", async () => {
    const before = await snapshot('a');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...versionsK, newerK, deletedLive),
        fc.constantFrom('bob' as const, 'officer' as const),
        async (object, who) => {
          const client = who === 'bob' ? bobA : officerA;
          const imported = await client.call('ImportMaskedObject', { object }).then(
            () => status.OK,
            (e: { code: number }) => e.code,
          );
          expect(imported).toBe(status.PERMISSION_DENIED);
          const exported = await client
            .call('ExportMaskedObject', { handle: object.handle, type: 'OBJECT_TYPE_KEY' })
            .then(
              () => status.OK,
              (e: { code: number }) => e.code,
            );
          // Anyone may move a tombstone; nothing else of alice's is visible to them.
          const tombstone = object.handle === deletedHandle && who === 'bob';
          expect(exported).toBe(tombstone ? status.OK : status.NOT_FOUND);
          expect(await snapshot('a')).toEqual(before);
        },
      ),
      fuzzParams(30),
    );
  }, 60_000);

  it('refuses forged, replayed-older and wrong-cluster backups, on a member and on an empty node', async () => {
    const before = { a: await snapshot('a'), c: await snapshot('c') };
    const sources = { current: backupA, older: olderBackupA, otherCluster: backupB };
    const content = {
      current: backupContent(backupA),
      older: backupContent(olderBackupA),
      otherCluster: backupContent(backupB),
    };
    const relabelB = (parts: Buffer[]): Buffer[] =>
      parts.map((b) => {
        const p = decode('RestoreBackup', b);
        if (p.object)
          return encode('RestoreBackup', { object: { ...p.object, domainId: CLUSTER_A } });
        return encode('RestoreBackup', {
          manifest: { ...p.manifest, domainId: CLUSTER_A, clusterId: CLUSTER_A },
        });
      });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('current' as const, 'older' as const, 'otherCluster' as const),
        fc.constantFrom('a' as const, 'c' as const),
        fc.boolean(),
        fc.oneof(
          { weight: 1, arbitrary: fc.constant<PartsMutation>({ kind: 'none' }) },
          { weight: 4, arbitrary: partsMutationArb(ids) },
        ),
        async (source, node, relabel, m) => {
          const base = relabel && source === 'otherCluster' ? relabelB(backupB) : sources[source];
          const parts = mutateParts(base, m);
          const seen = backupContent(parts);
          const genuine = Object.values(content).some((c) => sameMessage(c, seen));
          // A genuine backup restores into an empty node by design: not a hostile input there.
          fc.pre(node === 'a' || !genuine);
          const { code, response } = await call(node, 'RestoreBackup', parts);
          expectClear(code, `RestoreBackup ${source} on ${node}`);
          if (genuine && sameMessage(seen, content.current)) {
            expect(code).toBe(status.OK);
            expect(decodeReply('RestoreBackup', response!).objectsApplied).toBe(0);
          } else {
            expect(code).not.toBe(status.OK);
          }
          if (genuine && sameMessage(seen, content.older))
            expect(code).toBe(status.FAILED_PRECONDITION);
          if (genuine && sameMessage(seen, content.otherCluster))
            expect(code).toBe(status.FAILED_PRECONDITION);
          expect(await snapshot(node)).toEqual(before[node]);
        },
      ),
      fuzzParams(120),
    );
    await expectServing();
  }, 120_000);

  it('refuses oversized and compressed-bomb messages on the sync plane', async () => {
    const before = await snapshot('a');
    const big = Buffer.alloc(MESSAGE_LIMITS.maxReceiveBytes + 1024, 1);
    expect((await call('a', 'ImportMasked', [big])).code).toBe(status.RESOURCE_EXHAUSTED);
    expect((await call('a', 'RestoreBackup', [backupA[0]!, big])).code).toBe(
      status.RESOURCE_EXHAUSTED,
    );
    const bomb = new RawChannel(nodes.a.address, undefined, {
      'grpc.default_compression_algorithm': 2,
    });
    const zeros = Buffer.alloc(32 * 1024 * 1024, 0);
    const md = () => sessionMetadata(appliance.a!.token);
    expect((await bomb.unary(service.ImportMasked.path, zeros, md(), 30_000)).code).toBe(
      status.RESOURCE_EXHAUSTED,
    );
    expect(
      (await bomb.clientStream(service.RestoreBackup.path, [backupA[0]!, zeros], md(), 30_000))
        .code,
    ).toBe(status.RESOURCE_EXHAUSTED);
    bomb.close();
    // An error that quotes a huge hostile value still reaches the caller, and
    // the connection stays usable (the status message is bounded).
    const hugeHandle = { ...versionsK[0], handle: 'h'.repeat(200_000) };
    const refused = await call('a', 'ImportMasked', [
      encode('ImportMasked', { objects: [hugeHandle] }),
    ]);
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.details.length).toBeLessThan(2_000);
    expect((await call('a', 'GetStatus', [Buffer.alloc(0)])).code).toBe(status.OK);
    expect(await snapshot('a')).toEqual(before);
    await expectServing();
  }, 60_000);

  describe('identity certificates that must not pass attestation', () => {
    type BadKind =
      | 'self-signed'
      | 'other-manufacturer'
      | 'expired'
      | 'not-yet-valid'
      | 'other-node-id'
      | 'garbage-pem'
      | 'truncated-pem'
      | 'right-ca-wrong-key'
      | 'tls-certificate';
    const KINDS: BadKind[] = [
      'self-signed',
      'other-manufacturer',
      'expired',
      'not-yet-valid',
      'other-node-id',
      'garbage-pem',
      'truncated-pem',
      'right-ca-wrong-key',
      'tls-certificate',
    ];
    const DAY = 86_400_000;

    /** badIdentity makes a chain claiming to be claimedId that attestation must refuse, and the key that signs with it. */
    async function badIdentity(
      kind: BadKind,
      claimedId: string,
      n: number,
      noise: Uint8Array,
    ): Promise<{ chainPem: string; key: KeyObject }> {
      const ca = mca.ca;
      const genuineKey = (id: { keyPkcs8Der: Buffer }) =>
        createPrivateKey({ key: id.keyPkcs8Der, format: 'der', type: 'pkcs8' });
      switch (kind) {
        case 'self-signed': {
          const fake = await createSelfSignedCa({
            subject: [{ CN: [claimedId] }, { OU: [NODE_IDENTITY_OU] }, { O: ['hsmlab'] }],
            validDays: 1 + (n % 30),
          });
          return { chainPem: fake.certPem + ca.certPem, key: createPrivateKey(fake.keyPem) };
        }
        case 'other-manufacturer': {
          const id = await issueNodeIdentity({ nodeId: claimedId, manufacturerCa: otherCa });
          // With the genuine CA in the chain too: the node ignores chain CAs.
          return { chainPem: id.certPem + ca.certPem, key: genuineKey(id) };
        }
        case 'expired': {
          const id = await issueNodeIdentity({
            nodeId: claimedId,
            manufacturerCa: ca,
            validDays: 1,
            nowMs: Date.now() - (2 + (n % 1000)) * DAY,
          });
          return { chainPem: id.chainPem, key: genuineKey(id) };
        }
        case 'not-yet-valid': {
          const id = await issueNodeIdentity({
            nodeId: claimedId,
            manufacturerCa: ca,
            nowMs: Date.now() + (1 + (n % 1000)) * DAY,
          });
          return { chainPem: id.chainPem, key: genuineKey(id) };
        }
        case 'other-node-id': {
          const id = await issueNodeIdentity({
            nodeId: `${claimedId}-${n}`,
            manufacturerCa: ca,
          });
          return { chainPem: id.chainPem, key: genuineKey(id) };
        }
        case 'garbage-pem': {
          const body = Buffer.from(noise).toString('base64');
          const chainPem =
            n % 2 === 0
              ? `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`
              : Buffer.from(noise).toString('latin1');
          return { chainPem, key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey };
        }
        case 'truncated-pem': {
          const id = await issueNodeIdentity({ nodeId: claimedId, manufacturerCa: ca });
          // Cut inside the leaf certificate.
          const leaf = id.certPem;
          return { chainPem: leaf.slice(0, n % (leaf.length - 30)), key: genuineKey(id) };
        }
        case 'right-ca-wrong-key': {
          const id = await issueNodeIdentity({ nodeId: claimedId, manufacturerCa: ca });
          return {
            chainPem: id.chainPem,
            key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
          };
        }
        case 'tls-certificate': {
          const tls = await issueTlsCertificate({
            caCertPem: ca.certPem,
            caKeyPem: ca.keyPem,
            commonName: claimedId,
            clientAuth: true,
          });
          return { chainPem: tls.certPem + ca.certPem, key: createPrivateKey(tls.keyPem) };
        }
      }
    }

    it('refuses join requests, grants and backup manifests signed under a bad identity', async () => {
      const before = { a: await snapshot('a'), c: await snapshot('c') };
      // C's genuine join of cluster A, in progress while the hostile grants arrive.
      const joinRequest = await appliance.c!.sync('GetJoinRequest', { clusterId: CLUSTER_A });
      const genuineGrant = await appliance.a!.sync('GrantJoin', joinRequest);
      const manifestPart = decode('RestoreBackup', backupA[backupA.length - 1]!).manifest;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...KINDS),
          fc.constantFrom('GrantJoin' as const, 'CompleteJoin' as const, 'RestoreBackup' as const),
          fc.constantFrom('a' as const, 'c' as const),
          fc.nat({ max: 100_000 }),
          fc.uint8Array({ maxLength: 200 }),
          async (kind, method, restoreOn, n, noise) => {
            let code: number;
            if (method === 'GrantJoin') {
              // A joiner with a bad identity asks A for the masking key.
              const { chainPem, key } = await badIdentity(kind, 'fuzz-x1', n, noise);
              const { request } = createJoinRequest({
                nodeId: 'fuzz-x1',
                clusterId: CLUSTER_A,
                identity: key,
                chainPem,
                nowMs: Date.now(),
              });
              code = (await call('a', 'GrantJoin', [encode('GrantJoin', request)])).code;
              expect(code, kind).toBe(status.PERMISSION_DENIED);
              expect(await snapshot('a')).toEqual(before.a);
            } else if (method === 'CompleteJoin') {
              // A granter with a bad identity hands C a masking key of its own.
              const { chainPem, key } = await badIdentity(kind, 'fuzz-a1', n, noise);
              const forgedGrant = grantJoin({
                request: joinRequest,
                clusterId: CLUSTER_A,
                manufacturerCaCertPem: mca.ca.certPem,
                granter: { nodeId: 'fuzz-a1', identity: key, chainPem },
                maskingKey: randomBytes(32),
                domainId: CLUSTER_A,
                nowMs: Date.now(),
              });
              code = (await call('c', 'CompleteJoin', [encode('CompleteJoin', forgedGrant)])).code;
              expect(code, kind).toBe(status.PERMISSION_DENIED);
              expect(await snapshot('c')).toEqual(before.c);
            } else {
              // A's backup, its manifest re-signed under a bad identity claiming to be A.
              const { chainPem, key } = await badIdentity(kind, 'fuzz-a1', n, noise);
              const { signature: _s, ...fields } = manifestPart;
              const manifest = signManifest(
                {
                  ...fields,
                  maxVersion: fields.maxVersion ?? null,
                  signerChainPem: chainPem,
                },
                key,
              );
              const parts = [
                ...backupA.slice(0, -1),
                encode('RestoreBackup', { manifest: { ...manifest } }),
              ];
              code = (await call(restoreOn, 'RestoreBackup', parts)).code;
              expect(code, kind).toBe(status.PERMISSION_DENIED);
              expect(await snapshot(restoreOn)).toEqual(before[restoreOn]);
            }
          },
        ),
        fuzzParams(60),
      );

      // The grant, damaged, is refused by C, which keeps its join open...
      const grantBytes = encode('CompleteJoin', genuineGrant);
      const decodedGrant = decode('CompleteJoin', grantBytes);
      await fc.assert(
        fc.asyncProperty(messageMutationArb(genuineGrant, ids), async (mutation) => {
          const body = applyMutation('CompleteJoin', genuineGrant, grantBytes, mutation);
          fc.pre(body !== undefined);
          const seen = tryDecode((b) => decode('CompleteJoin', b), body!);
          fc.pre(!sameMessage(seen, decodedGrant));
          const { code } = await call('c', 'CompleteJoin', [body!]);
          expectClear(code, 'CompleteJoin');
          expect(code).not.toBe(status.OK);
          expect(await snapshot('c')).toEqual(before.c);
        }),
        fuzzParams(80),
      );
      // ... and completes it with the genuine grant.
      const joined = await appliance.c!.sync('CompleteJoin', genuineGrant);
      expect(joined).toMatchObject({ state: 'INITIALIZED', domainId: CLUSTER_A });
      expect(await snapshot('a')).toEqual(before.a);
      await expectServing();
    }, 120_000);
  });
});

function hsmMethod(name: string): MethodDefinition<any, any> {
  const hsm = loadHsmProto().hsmlab.hsm.v1.Hsm.service as unknown as Record<
    string,
    MethodDefinition<any, any>
  >;
  return hsm[name]!;
}
