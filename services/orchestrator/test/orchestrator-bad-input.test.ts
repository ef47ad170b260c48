import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { status, type MethodDefinition } from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrchestratorProto, MESSAGE_LIMITS, type applianceV1 } from '@hsmlab/proto';
import { decodeParts, encodeParts } from '../src/backup/backup-format';
import { computeObjectsDigest, maxVersionOf } from '../src/backup/backup-integrity';
import { compareVersions } from '../src/sync/version';
import {
  RawChannel,
  byteMutationArb,
  fieldMutationArb,
  fuzzParams,
  leafPaths,
  mutateBytes,
  setAt,
  trySerialize,
  type ByteMutation,
  type FieldMutation,
} from '../../../test/helpers/grpc-fuzz';
import type { RawHsm } from '../../../test/helpers/hsm-client';
import { Lab, OFFICER_PASSWORD, USER_PASSWORD } from './helpers/lab';
import { waitFor } from './helpers/wait';

/**
 * Property-based hostile input against a real orchestrator process and real
 * HSM node processes: random bytes and mutated valid requests on every
 * control-plane RPC (unknown, malformed and huge ids, ids of other clusters,
 * wrong wire types), and forged, replayed and wrong-cluster backups. Every
 * answer must be a clear status (never INTERNAL, UNKNOWN or a hang), change
 * neither the orchestrator's clusters and backups nor any node's objects, and
 * leave the orchestrator serving.
 */

const METHODS = [
  'CreateCluster',
  'DescribeCluster',
  'ListClusters',
  'InitializeCluster',
  'AddHsm',
  'RemoveHsm',
  'CreateBackup',
  'ListBackups',
  'DeleteBackup',
  'RestoreBackup',
  'ApplyBackup',
  'CreateClusterFromBackup',
  'WatchCluster',
] as const;
type Method = (typeof METHODS)[number];

/** Statuses the orchestrator may answer hostile input with (UNAVAILABLE: a named node is unreachable). */
const CLEAR_STATUSES = new Set<number>([
  status.OK,
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.FAILED_PRECONDITION,
  status.UNAVAILABLE,
  status.RESOURCE_EXHAUSTED,
]);

const service = loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator
  .service as unknown as Record<Method, MethodDefinition<any, any>>;
const encode = (m: Method, v: unknown): Buffer => service[m].requestSerialize(v);

const UNKNOWN_CLUSTER = 'cluster-zzzzzzzzzzz';
const UNKNOWN_BACKUP = 'backup-zzzzzzzzzzz';

type Mutation = { kind: 'bytes'; m: ByteMutation } | { kind: 'field'; f: FieldMutation };

function mutationArb(valid: object, pool: readonly string[]): fc.Arbitrary<Mutation> {
  const bytes = byteMutationArb(8).map((m): Mutation => ({ kind: 'bytes', m }));
  if (leafPaths(valid).length <= 1) return bytes;
  return fc.oneof(
    bytes,
    fieldMutationArb(valid, pool).map((f): Mutation => ({ kind: 'field', f })),
  );
}

interface Snapshot {
  clusters: unknown[];
  backups: unknown[];
  roots: Record<string, string>;
}

describe('orchestrator - hostile input on the control plane (property-based)', () => {
  let lab: Lab;
  let raw: RawChannel;
  let clusterA: string;
  let clusterB: string;
  let clusterU: string;
  let olderA: string;
  let newestA: string;
  let pendingA: string;
  let backupB: string;
  let appliances: Record<'a' | 'b', RawHsm>;
  let baseline: Snapshot;

  const serving = (s: string) => (s === 'ACTIVE' || s === 'DEGRADED' ? 'SERVING' : s);

  async function snapshot(): Promise<Snapshot> {
    const clusters = (await lab.control.listClusters({})).clusters
      .map((c) => ({
        clusterId: c.clusterId,
        state: serving(c.state),
        domainId: c.domainId,
        createdAtMs: c.createdAtMs,
        sourceBackupId: c.sourceBackupId,
        activatedAtMs: c.activatedAtMs,
        hsms: c.hsms.map((h) => ({
          hsmId: h.hsmId,
          az: h.az,
          address: h.address,
          state: serving(h.state),
          addedAtMs: h.addedAtMs,
        })),
      }))
      .sort((x, y) => (x.clusterId < y.clusterId ? -1 : 1));
    const backups = (await lab.control.listBackups({ clusterId: '' })).backups.sort((x, y) =>
      x.backupId < y.backupId ? -1 : 1,
    );
    const roots: Record<string, string> = {};
    for (const [id, a] of Object.entries(appliances)) {
      roots[id] = (await a.sync<{ rootDigest: Buffer }>('GetStatus', {})).rootDigest.toString(
        'hex',
      );
    }
    return { clusters, backups, roots };
  }

  /**
   * expectUnchanged compares the state with the baseline. The one change a
   * hostile-looking request may make is CreateCluster's: an empty cluster.
   */
  async function expectUnchanged(method: Method, code: number): Promise<void> {
    const now = await snapshot();
    if (method === 'CreateCluster' && code === status.OK) {
      const known = new Set(baseline.clusters.map((c) => (c as { clusterId: string }).clusterId));
      const added = now.clusters.filter((c) => !known.has((c as { clusterId: string }).clusterId));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        state: 'UNINITIALIZED',
        domainId: '',
        sourceBackupId: '',
        hsms: [],
      });
      expect({ ...now, clusters: now.clusters.filter((c) => !added.includes(c)) }).toEqual(
        baseline,
      );
      baseline = now;
      return;
    }
    expect(now).toEqual(baseline);
  }

  async function expectServing(): Promise<void> {
    expect(lab.orchestrator.running).toBe(true);
    for (const n of lab.nodes.values()) expect(n.running).toBe(true);
    const c = await lab.control.describeCluster({ clusterId: clusterA });
    expect(c.hsms.map((h) => h.hsmId)).toEqual(['hsm-a1']);
  }

  /** call sends bytes to one method as a raw call; WatchCluster stops after its snapshot. */
  function call(method: Method, body: Buffer, timeoutMs = 10_000) {
    const path = service[method].path;
    if (method === 'WatchCluster') return raw.serverStream(path, body, undefined, timeoutMs, 1);
    return raw.unary(path, body, undefined, timeoutMs);
  }

  function expectClear(code: number, what: string): void {
    expect(CLEAR_STATUSES.has(code), `${what} -> status ${code}`).toBe(true);
  }

  beforeAll(async () => {
    lab = await Lab.start();
    clusterA = await lab.activeCluster([['hsm-a1', 'a']]);
    await waitFor('the activation backup of A', async () => {
      const { backups } = await lab.control.listBackups({ clusterId: clusterA });
      return backups.some((b) => b.trigger === 'ACTIVATION');
    });
    olderA = (await lab.control.createBackup({ clusterId: clusterA })).backupId;
    const alice = await lab.loggedIn('hsm-a1', 'alice', USER_PASSWORD);
    await Lab.generateKeys(alice, 6, 'fuzz');
    pendingA = (await lab.control.createBackup({ clusterId: clusterA })).backupId;
    await lab.control.deleteBackup({ backupId: pendingA });
    newestA = (await lab.control.createBackup({ clusterId: clusterA })).backupId;

    await lab.startNode('hsm-b1', 'b');
    clusterB = (await lab.control.createCluster({})).clusterId;
    await lab.addHsm(clusterB, 'hsm-b1');
    await lab.control.initializeCluster({ clusterId: clusterB });
    await lab.waitForHsmState(clusterB, 'hsm-b1', 'ACTIVE');
    // B's objects are newer than A's: a relabelled backup of B is not refused as older.
    const officerB = lab.client('hsm-b1');
    await officerB.call('ActivateOfficer', { password: OFFICER_PASSWORD });
    await officerB.login('admin', OFFICER_PASSWORD);
    await officerB.call('CreateUser', {
      username: 'bob',
      role: 'ROLE_CRYPTO_USER',
      password: USER_PASSWORD,
    });
    await lab.waitForClusterState(clusterB, 'ACTIVE');
    await waitFor('the activation backup of B', async () => {
      const { backups } = await lab.control.listBackups({ clusterId: clusterB });
      return backups.some((b) => b.trigger === 'ACTIVATION');
    });
    backupB = (await lab.control.createBackup({ clusterId: clusterB })).backupId;
    clusterU = (await lab.control.createCluster({})).clusterId;

    appliances = { a: await lab.applianceOn('hsm-a1'), b: await lab.applianceOn('hsm-b1') };
    raw = new RawChannel(lab.orchestrator.address);
    // Settled: two equal snapshots a second apart.
    baseline = await waitFor('a settled orchestrator', async () => {
      const first = await snapshot();
      await new Promise((r) => setTimeout(r, 1000));
      const second = await snapshot();
      return JSON.stringify(first) === JSON.stringify(second) ? second : undefined;
    });
  }, 120_000);

  afterAll(async () => {
    raw?.close();
    await lab?.stop();
  });

  it('answers random bytes on every RPC with a clear status and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.uint8Array({ maxLength: 600 }),
        async (method, bytes) => {
          const { code } = await call(method, Buffer.from(bytes));
          expectClear(code, method);
          await expectUnchanged(method, code);
        },
      ),
      fuzzParams(200),
    );
    await expectServing();
  }, 120_000);

  it('answers mutated valid requests (unknown, foreign, huge, ill-typed ids) with a clear status and changes nothing', async () => {
    const nodeA = lab.orchestratorAddress('hsm-a1');
    const nodeB = lab.orchestratorAddress('hsm-b1');
    const port = nodeA.split(':').pop();
    const backups = (await lab.control.listBackups({ clusterId: '' })).backups;
    const ready = backups.filter((b) => b.state === 'READY').map((b) => b.backupId);
    const everything = [
      clusterA,
      clusterB,
      clusterU,
      UNKNOWN_CLUSTER,
      UNKNOWN_BACKUP,
      ...backups.map((b) => b.backupId),
      'hsm-a1',
      'hsm-b1',
      nodeA,
      nodeB,
    ];
    // Each valid request is refused (or harmless) as it is; the pools hold
    // only values that cannot turn it into a legitimate state change when
    // one field is replaced (e.g. no real backup id for CreateClusterFromBackup).
    const cases: Record<Method, { valid: object; pool: string[] }> = {
      CreateCluster: { valid: {}, pool: [] },
      ListClusters: { valid: {}, pool: [] },
      DescribeCluster: { valid: { clusterId: clusterA }, pool: everything },
      ListBackups: { valid: { clusterId: clusterA }, pool: everything },
      WatchCluster: { valid: { clusterId: clusterA }, pool: everything },
      InitializeCluster: {
        valid: { clusterId: clusterA },
        pool: [clusterA, clusterB, clusterU, UNKNOWN_CLUSTER],
      },
      AddHsm: {
        valid: { clusterId: clusterA, address: nodeA },
        pool: [
          clusterA,
          clusterB,
          clusterU,
          UNKNOWN_CLUSTER,
          nodeA,
          nodeB,
          `localhost:${port}`,
          `[::1]:${port}`,
          'hsm-a1',
          'hsm-b1',
        ],
      },
      RemoveHsm: {
        valid: { clusterId: clusterA, hsmId: 'zz-no-such-hsm' },
        pool: [clusterA, clusterB, clusterU, UNKNOWN_CLUSTER, 'hsm-b1'],
      },
      CreateBackup: { valid: { clusterId: clusterU }, pool: [clusterU, UNKNOWN_CLUSTER] },
      DeleteBackup: {
        valid: { backupId: pendingA },
        pool: [pendingA, UNKNOWN_BACKUP, clusterA],
      },
      RestoreBackup: { valid: { backupId: newestA }, pool: [...ready, UNKNOWN_BACKUP, clusterA] },
      ApplyBackup: {
        valid: { backupId: backupB, clusterId: clusterA },
        pool: [
          ...backups.map((b) => b.backupId),
          clusterA,
          clusterB,
          clusterU,
          UNKNOWN_CLUSTER,
          UNKNOWN_BACKUP,
        ],
      },
      CreateClusterFromBackup: {
        valid: { backupId: UNKNOWN_BACKUP },
        pool: [UNKNOWN_BACKUP, clusterA, 'backup-'],
      },
    };
    const arb = fc.constantFrom(...METHODS).chain((method) =>
      mutationArb(cases[method].valid, cases[method].pool).map((mutation) => ({
        method,
        mutation,
      })),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ method, mutation }) => {
        const { valid } = cases[method];
        const body =
          mutation.kind === 'bytes'
            ? mutateBytes(encode(method, valid), mutation.m)
            : trySerialize(
                (v) => encode(method, v),
                setAt(valid, mutation.f.path, mutation.f.value),
              );
        fc.pre(body !== undefined);
        const { code } = await call(method, body!);
        expectClear(code, method);
        await expectUnchanged(method, code);
      }),
      fuzzParams(300),
    );
    await expectServing();
  }, 180_000);

  it('refuses oversized and compressed-bomb requests', async () => {
    const big = Buffer.alloc(MESSAGE_LIMITS.maxReceiveBytes + 1024, 1);
    expect((await call('DescribeCluster', big)).code).toBe(status.RESOURCE_EXHAUSTED);
    expect((await call('WatchCluster', big)).code).toBe(status.RESOURCE_EXHAUSTED);
    const bomb = new RawChannel(lab.orchestrator.address, undefined, {
      'grpc.default_compression_algorithm': 2,
    });
    const zeros = Buffer.alloc(32 * 1024 * 1024, 0);
    expect((await bomb.unary(service.ApplyBackup.path, zeros, undefined, 30_000)).code).toBe(
      status.RESOURCE_EXHAUSTED,
    );
    bomb.close();
    // An error quoting a huge value still reaches the caller.
    const huge = await call(
      'DescribeCluster',
      encode('DescribeCluster', { clusterId: 'c'.repeat(300_000) }),
    );
    expect(huge.code).toBe(status.INVALID_ARGUMENT);
    expect(huge.details.length).toBeLessThan(2_000);
    await expectUnchanged('DescribeCluster', status.OK);
    await expectServing();
  }, 60_000);

  describe('backups', () => {
    const dirOf = (backupId: string) => join(lab.orchestrator.dataDir, 'backups', backupId);

    it('refuses a backup whose stored bytes were changed anywhere, and restores nothing', async () => {
      const targets = [olderA, newestA, backupB];
      const originals = new Map(
        targets.map((id) => [id, readFileSync(join(dirOf(id), 'parts.bin'))]),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...targets),
          byteMutationArb(),
          fc.constantFrom('ApplyBackup' as const, 'CreateClusterFromBackup' as const),
          async (backupId, m, method) => {
            const path = join(dirOf(backupId), 'parts.bin');
            writeFileSync(path, mutateBytes(originals.get(backupId)!, m));
            try {
              const target = backupId === backupB ? clusterB : clusterA;
              const { code, details } = await call(
                method,
                encode(method, { backupId, clusterId: target }),
              );
              expect(code, details).toBe(status.FAILED_PRECONDITION);
              expect(details).toMatch(/integrity|older than/);
            } finally {
              writeFileSync(path, originals.get(backupId)!);
            }
            await expectUnchanged(method, status.FAILED_PRECONDITION);
          },
        ),
        fuzzParams(60),
      );
      await expectServing();
    }, 120_000);

    it('refuses a backup replayed onto another cluster or an older one onto newer state', async () => {
      const all = (await lab.control.listBackups({ clusterId: '' })).backups;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...all),
          fc.constantFrom(clusterA, clusterB, clusterU),
          async (backup, clusterId) => {
            const { code, details, response } = await call(
              'ApplyBackup',
              encode('ApplyBackup', { backupId: backup.backupId, clusterId }),
            );
            const cluster = (baseline.clusters as { clusterId: string; domainId: string }[]).find(
              (c) => c.clusterId === clusterId,
            )!;
            if (cluster.domainId !== backup.domainId) {
              expect(code, details).toBe(status.FAILED_PRECONDITION);
            } else if (code === status.OK) {
              // A backup as new as the cluster: nothing is rolled back, nothing applied.
              const reply = service.ApplyBackup.responseDeserialize(response!);
              expect(reply.objectsApplied).toBe(0);
            } else {
              expect(code, details).toBe(status.FAILED_PRECONDITION);
              expect(details).toMatch(/older than/);
            }
            await expectUnchanged('ApplyBackup', code);
          },
        ),
        fuzzParams(40),
      );
      // The replayed older backup is refused in so many words.
      const older = await call(
        'ApplyBackup',
        encode('ApplyBackup', { backupId: olderA, clusterId: clusterA }),
      );
      expect(older.code).toBe(status.FAILED_PRECONDITION);
      const foreign = await call(
        'ApplyBackup',
        encode('ApplyBackup', { backupId: backupB, clusterId: clusterA }),
      );
      expect(foreign.code).toBe(status.FAILED_PRECONDITION);
      expect(foreign.details).toMatch(/masking domain/);
    }, 120_000);

    type Forgery =
      | { kind: 'sealed-byte'; index: number; at: number; xor: number }
      | { kind: 'object-version'; index: number; bump: number }
      | { kind: 'object-tombstone'; index: number }
      | { kind: 'drop-object'; index: number }
      | { kind: 'manifest-time'; delta: number }
      | { kind: 'manifest-signature'; at: number; xor: number }
      | { kind: 'manifest-wrapped-key'; at: number; xor: number }
      | { kind: 'other-cluster' };

    const forgeryArb: fc.Arbitrary<Forgery> = fc.oneof(
      fc.record({
        kind: fc.constant('sealed-byte' as const),
        index: fc.nat(),
        at: fc.nat(),
        xor: fc.integer({ min: 1, max: 255 }),
      }),
      fc.record({
        kind: fc.constant('object-version' as const),
        index: fc.nat(),
        bump: fc.integer({ min: 1, max: 1000 }),
      }),
      fc.record({ kind: fc.constant('object-tombstone' as const), index: fc.nat() }),
      fc.record({ kind: fc.constant('drop-object' as const), index: fc.nat() }),
      fc.record({
        kind: fc.constant('manifest-time' as const),
        delta: fc.integer({ min: -1e9, max: 1e9 }).filter((d) => d !== 0),
      }),
      fc.record({
        kind: fc.constant('manifest-signature' as const),
        at: fc.nat(),
        xor: fc.integer({ min: 1, max: 255 }),
      }),
      fc.record({
        kind: fc.constant('manifest-wrapped-key' as const),
        at: fc.nat(),
        xor: fc.integer({ min: 1, max: 255 }),
      }),
      fc.constant({ kind: 'other-cluster' as const }),
    );

    /**
     * forge alters a backup and then makes every check the orchestrator can
     * make without a key pass again (count, objects digest, max version,
     * domain, backup id, file hash): only the restoring node can catch it.
     */
    function forge(
      own: applianceV1.BackupPart__Output[],
      foreign: applianceV1.BackupPart__Output[],
      f: Forgery,
    ): applianceV1.BackupPart__Output[] {
      const source = f.kind === 'other-cluster' ? foreign : own;
      const parts = structuredClone(source);
      const manifest = parts[parts.length - 1]!.manifest!;
      let objects = parts.slice(0, -1).map((p) => p.object!);
      const max = maxVersionOf(objects);
      // Objects other than the newest: dropping or bumping those keeps the max version.
      const notMax = objects.filter((o) => compareVersions(o.version, max) !== 0);
      const pick = (i: number) => notMax[i % notMax.length]!;
      switch (f.kind) {
        case 'sealed-byte': {
          const o = objects[f.index % objects.length]!;
          o.sealed = Buffer.from(o.sealed);
          o.sealed[f.at % o.sealed.length]! ^= f.xor;
          break;
        }
        case 'object-version': {
          // Older: it stays below the max version, so the manifest still holds.
          const o = pick(f.index);
          o.version = { ...o.version!, wallMs: o.version!.wallMs - f.bump };
          break;
        }
        case 'object-tombstone':
          pick(f.index).tombstone = !pick(f.index).tombstone;
          break;
        case 'drop-object': {
          const drop = pick(f.index);
          objects = objects.filter((o) => o !== drop);
          break;
        }
        case 'manifest-time':
          manifest.createdAtMs += f.delta;
          break;
        case 'manifest-signature':
          manifest.signature = Buffer.from(manifest.signature);
          manifest.signature[f.at % manifest.signature.length]! ^= f.xor;
          break;
        case 'manifest-wrapped-key':
          manifest.wrappedMaskingKey = Buffer.from(manifest.wrappedMaskingKey);
          manifest.wrappedMaskingKey[f.at % manifest.wrappedMaskingKey.length]! ^= f.xor;
          break;
        case 'other-cluster':
          // Cluster B's backup, relabelled as A's own.
          for (const o of objects) o.domainId = clusterA;
          manifest.domainId = clusterA;
          manifest.clusterId = clusterA;
          break;
      }
      manifest.backupId = newestA;
      manifest.objectCount = objects.length;
      manifest.objectsDigest = computeObjectsDigest(objects);
      manifest.maxVersion = maxVersionOf(objects) as typeof manifest.maxVersion;
      return [
        ...objects.map((object) => ({ object, part: 'object' as const })),
        { manifest, part: 'manifest' as const },
      ];
    }

    it('refuses forged backups that pass every check the orchestrator can make (the node refuses them)', async () => {
      const dir = dirOf(newestA);
      const originalParts = readFileSync(join(dir, 'parts.bin'));
      const originalMeta = readFileSync(join(dir, 'meta.json'), 'utf8');
      const own = decodeParts(originalParts);
      const foreign = decodeParts(readFileSync(join(dirOf(backupB), 'parts.bin')));
      const withoutTarget = (s: Snapshot) => ({
        ...s,
        backups: s.backups.filter((b) => (b as { backupId: string }).backupId !== newestA),
      });
      const restart = async () => {
        await lab.orchestrator.stop();
        await lab.orchestrator.start();
      };
      try {
        // Each run rewrites the stored backup and restarts the orchestrator,
        // which rebuilds its index from the directory: a few runs.
        await fc.assert(
          fc.asyncProperty(forgeryArb, async (f) => {
            const forged = encodeParts(forge(own, foreign, f));
            expect(forged.equals(originalParts)).toBe(false);
            const manifest = decodeParts(forged).pop()!.manifest!;
            writeFileSync(join(dir, 'parts.bin'), forged);
            writeFileSync(
              join(dir, 'meta.json'),
              JSON.stringify({
                ...JSON.parse(originalMeta),
                domainId: manifest.domainId,
                objectCount: manifest.objectCount,
                maxVersion: manifest.maxVersion,
                sizeBytes: forged.length,
                partsSha256: createHash('sha256').update(forged).digest('hex'),
              }),
            );
            await restart();
            const { code, details } = await call(
              'ApplyBackup',
              encode('ApplyBackup', { backupId: newestA, clusterId: clusterA }),
            );
            expect(code, details).toBe(status.FAILED_PRECONDITION);
            // Past the orchestrator's own checks: refused by the HSM.
            expect(details).toMatch(/refused backup/);
            expect(withoutTarget(await snapshot())).toEqual(withoutTarget(baseline));
          }),
          fuzzParams(8),
        );
      } finally {
        writeFileSync(join(dir, 'parts.bin'), originalParts);
        writeFileSync(join(dir, 'meta.json'), originalMeta);
        await restart();
      }
      // The genuine backup, back in place, is accepted (nothing newer to apply).
      const genuine = await lab.control.applyBackup({ backupId: newestA, clusterId: clusterA });
      expect(genuine.objectsApplied).toBe(0);
      await expectUnchanged('ApplyBackup', status.OK);
      await expectServing();
    }, 180_000);
  });
});
