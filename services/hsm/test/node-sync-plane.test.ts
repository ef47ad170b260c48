import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeProcess, HSM_MAIN, requireBuilt, tempDir } from '../../../test/helpers/node-process';
import { RawHsm, codeOf, status } from '../../../test/helpers/hsm-client';
import { writeManufacturerCa } from '../src/identity';

const APPLIANCE_PASSWORD = 'appliance-secret-1';

describe('hsm node - sync plane and masked objects', () => {
  let node: NodeProcess;
  let appliance: RawHsm;
  let alice: RawHsm;
  const clusterId = 'cluster-abcdefghijk';

  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    const ca = await writeManufacturerCa(tempDir('hsmlab-mca-'));
    node = new NodeProcess({
      nodeId: 'sync-1',
      appliancePassword: APPLIANCE_PASSWORD,
      manufacturerCa: { certPath: ca.certPath, keyPath: ca.keyPath },
    });
    await node.start();
    appliance = new RawHsm(node.address);
    await appliance.login('appliance', APPLIANCE_PASSWORD);
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
  });

  afterAll(async () => {
    appliance?.close();
    alice?.close();
    await node?.stop();
  });

  it('is uninitialized until the appliance initializes the cluster, once', async () => {
    const before = await appliance.sync('GetStatus', {});
    expect(before.state).toBe('UNINITIALIZED');
    expect(before.identityChainPem).toContain('BEGIN CERTIFICATE');
    const { key } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
    });
    const noMask = await codeOf(
      alice.call('ExportMaskedObject', { handle: key.handle, type: 'OBJECT_TYPE_KEY' }),
    );
    expect(noMask.code).toBe(status.FAILED_PRECONDITION);
    const after = await appliance.sync('InitializeCluster', { clusterId });
    expect(after.state).toBe('INITIALIZED');
    expect(after.domainId).toBe(clusterId);
    const other = await codeOf(
      appliance.sync('InitializeCluster', { clusterId: 'cluster-zzzzzzzzzzz' }),
    );
    expect(other.code).toBe(status.FAILED_PRECONDITION);
  });

  it('keeps the appliance user away from keys, crypto and users', async () => {
    const { key } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
    });
    for (const [method, req] of [
      ['GetKey', { handle: key.handle }],
      ['Encrypt', { key: key.handle, mechanism: 'MECHANISM_AES_GCM', plaintext: Buffer.from('x') }],
      ['WrapKey', { wrappingKey: key.handle, key: key.handle, mechanism: 'MECHANISM_AES_GCM' }],
      ['CreateUser', { username: 'x1234', role: 'ROLE_CRYPTO_OFFICER', password: 'long-enough-1' }],
      ['ChangePassword', { username: 'alice', newPassword: 'long-enough-1' }],
      ['FindKeys', {}],
      ['GenerateRandom', { length: 8 }],
    ] as const) {
      const got = await codeOf(appliance.call(method, req));
      expect(got.code, method).toBe(status.PERMISSION_DENIED);
    }
    const userSync = await codeOf(alice.sync('ListDigests', {}));
    expect(userSync.code).toBe(status.PERMISSION_DENIED);
  });

  it('lists digests, exports masked objects and refuses any altered one', async () => {
    const { key } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
    });
    const page = await appliance.sync('ListDigests', { pageSize: 1000 });
    expect(page.digests.some((d: { handle: string }) => d.handle === key.handle)).toBe(true);
    const { objects } = await appliance.sync('ExportMasked', { handles: [key.handle] });
    const masked = objects[0];
    const same = await appliance.sync('ImportMasked', { objects: [masked] });
    expect(same.results[0].outcome).toBe('IMPORT_OUTCOME_ALREADY_CURRENT');

    // Any single flipped bit of the sealed bytes is refused, and nothing changes.
    const bits = masked.sealed.length * 8;
    for (let bit = 0; bit < bits; bit += Math.max(1, Math.floor(bits / 200))) {
      const sealed = Buffer.from(masked.sealed);
      sealed[bit >> 3] ^= 1 << (bit & 7);
      const refused = await codeOf(
        appliance.sync('ImportMasked', { objects: [{ ...masked, sealed }] }),
      );
      expect(refused.code).toBe(status.INVALID_ARGUMENT);
    }
    for (const forged of [
      { ...masked, handle: 'key-dddddddddddddddddddd' },
      { ...masked, domainId: 'cluster-zzzzzzzzzzz' },
      { ...masked, version: { ...masked.version, wallMs: masked.version.wallMs + 1 } },
      { ...masked, tombstone: true },
    ]) {
      expect((await codeOf(appliance.sync('ImportMasked', { objects: [forged] }))).code).toBe(
        status.INVALID_ARGUMENT,
      );
    }
    expect((await alice.call('GetKey', { handle: key.handle })).key.handle).toBe(key.handle);
  });

  it('lets an owner move only its own objects, and refuses older versions as stale', async () => {
    const { key } = await alice.call('GenerateSymmetricKey', {
      keyType: 'KEY_TYPE_AES',
      sizeBits: 256,
      attributes: { label: 'v1' },
    });
    const v1 = await alice.call('ExportMaskedObject', {
      handle: key.handle,
      type: 'OBJECT_TYPE_KEY',
    });
    await alice.call('SetAttributes', { handle: key.handle, attributes: { label: 'v2' } });
    const stale = await alice.call('ImportMaskedObject', { object: v1 });
    expect(stale.outcome).toBe('IMPORT_OUTCOME_STALE');
    expect((await alice.call('GetKey', { handle: key.handle })).key.attributes.label).toBe('v2');
  });

  it('writes every sync-plane call to the audit log with gapless sequence numbers', async () => {
    const status1 = await appliance.sync('GetStatus', {});
    const audit = readFileSync(join(node.dataDir, 'audit.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const seqs = audit.map((r: { seq: number }) => r.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(audit.some((r: { action: string }) => r.action === 'appliance.ExportMasked')).toBe(true);
    expect(audit.some((r: { action: string }) => r.action === 'appliance.InitializeCluster')).toBe(
      true,
    );
    expect(status1.auditSequence).toBeGreaterThanOrEqual(seqs[seqs.length - 1] - 5);
    expect(readdirSync(node.dataDir)).toContain('audit.log');
    const text = audit.map((r: object) => JSON.stringify(r)).join('\n');
    expect(text).not.toMatch(/password"\s*:\s*"[^[]/);
  });
});
