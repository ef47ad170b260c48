import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateStorageKey } from '../src/store/at-rest';
import { StoreCorruptError } from '../src/store/errors';
import { NODE_STATE_FILE, NodeStateFile } from '../src/store/node-state';
import { readAllFiles, secretForms, tempDir } from './store-helpers';

describe('store node state', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let key: Buffer;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    key = await loadOrCreateStorageKey(dir);
  });
  afterEach(async () => cleanup());

  it('counts every open', async () => {
    expect((await NodeStateFile.open(dir, key)).get().restartCount).toBe(1);
    expect((await NodeStateFile.open(dir, key)).get().restartCount).toBe(2);
    expect((await NodeStateFile.open(dir, key)).get().restartCount).toBe(3);
    expect((await stat(join(dir, NODE_STATE_FILE))).mode & 0o777).toBe(0o600);
  });

  it('keeps fields across reopen, with secrets sealed on disk', async () => {
    const maskingKey = randomBytes(32);
    const identityKey = randomBytes(121);
    const extraSecret = randomBytes(24);
    const file = await NodeStateFile.open(dir, key);
    await file.update((s) => {
      s.clusterId = 'cluster-1';
      s.domainId = 'domain-1';
      s.maskingKey = maskingKey;
      s.identity = { keyPkcs8Der: identityKey, certPem: '-----BEGIN CERTIFICATE-----\n...' };
      s.secrets.backupKey = extraSecret;
      s.extras.az = 'az-a';
      s.extras.joinedAtMs = 1234;
    });
    const state = (await NodeStateFile.open(dir, key)).get();
    expect(state).toMatchObject({
      restartCount: 2,
      clusterId: 'cluster-1',
      domainId: 'domain-1',
      extras: { az: 'az-a', joinedAtMs: 1234 },
    });
    expect(state.maskingKey).toEqual(maskingKey);
    expect(state.identity?.keyPkcs8Der).toEqual(identityKey);
    expect(state.identity?.certPem).toMatch(/BEGIN CERTIFICATE/);
    expect(state.secrets.backupKey).toEqual(extraSecret);
    for (const [name, bytes] of await readAllFiles(dir)) {
      for (const secret of [maskingKey, identityKey, extraSecret]) {
        for (const form of secretForms(secret)) {
          expect(bytes.includes(form), `${name} holds a secret`).toBe(false);
        }
      }
    }
  });

  it('hands out copies and leaves the state alone when an update fails', async () => {
    const file = await NodeStateFile.open(dir, key);
    file.get().extras.x = 1;
    expect(file.get().extras.x).toBeUndefined();
    await expect(
      file.update((s) => {
        s.clusterId = 'half-done';
        throw new Error('mutator gave up');
      }),
    ).rejects.toThrow('mutator gave up');
    expect(file.get().clusterId).toBeUndefined();
    await file.update((s) => {
      s.clusterId = 'next';
    });
    expect(file.get().clusterId).toBe('next');
  });

  it('runs concurrent updates one after another', async () => {
    const file = await NodeStateFile.open(dir, key);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        file.update((s) => {
          s.extras.n = ((s.extras.n as number | undefined) ?? 0) + 1;
        }),
      ),
    );
    expect(file.get().extras.n).toBe(20);
    expect((await NodeStateFile.open(dir, key)).get().extras.n).toBe(20);
  });

  it('refuses a damaged file or another storage key', async () => {
    const file = await NodeStateFile.open(dir, key);
    await file.update((s) => {
      s.maskingKey = randomBytes(32);
    });
    await expect(NodeStateFile.open(dir, randomBytes(32))).rejects.toBeInstanceOf(
      StoreCorruptError,
    );
    const path = join(dir, NODE_STATE_FILE);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"restartCount":1', '"restartCount":7'));
    await expect(NodeStateFile.open(dir, key)).rejects.toThrow(/checksum/);
    await writeFile(path, text.slice(0, 20));
    await expect(NodeStateFile.open(dir, key)).rejects.toBeInstanceOf(StoreCorruptError);
  });
});
