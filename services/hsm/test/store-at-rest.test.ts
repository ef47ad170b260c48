import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadOrCreateStorageKey,
  openAtRest,
  sealAtRest,
  STORAGE_KEY_BYTES,
  STORAGE_KEY_FILE,
} from '../src/store/at-rest';
import { AtRestOpenError, StoreCorruptError } from '../src/store/errors';
import { tempDir } from './store-helpers';

describe('store at-rest', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => cleanup());

  it('makes a 32-byte owner-only key on first start and reuses it', async () => {
    const key = await loadOrCreateStorageKey(dir);
    expect(key.length).toBe(STORAGE_KEY_BYTES);
    const path = join(dir, STORAGE_KEY_FILE);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateStorageKey(dir)).toEqual(key);
    expect(await readFile(path)).toEqual(key);
  });

  it('gives racing first starts the same key', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateStorageKey(dir)));
    for (const key of keys) expect(key).toEqual(keys[0]);
  });

  it('refuses a storage key of the wrong length', async () => {
    await writeFile(join(dir, STORAGE_KEY_FILE), randomBytes(16));
    await expect(loadOrCreateStorageKey(dir)).rejects.toBeInstanceOf(StoreCorruptError);
  });

  it('seals and opens, and refuses another key, other AAD or changed bytes', () => {
    const key = randomBytes(32);
    const secret = randomBytes(48);
    const aad = Buffer.from('handle-1');
    const sealed = sealAtRest(key, secret, aad);
    expect(sealed.length).toBe(12 + secret.length + 16);
    expect(sealed.includes(secret.subarray(0, 16))).toBe(false);
    expect(openAtRest(key, sealed, aad)).toEqual(secret);
    expect(sealAtRest(key, secret, aad)).not.toEqual(sealed);
    expect(() => openAtRest(randomBytes(32), sealed, aad)).toThrow(AtRestOpenError);
    expect(() => openAtRest(key, sealed, Buffer.from('handle-2'))).toThrow(AtRestOpenError);
    const flipped = Buffer.from(sealed);
    flipped[20]! ^= 1;
    expect(() => openAtRest(key, flipped, aad)).toThrow(AtRestOpenError);
    expect(() => openAtRest(key, sealed.subarray(0, 10), aad)).toThrow(AtRestOpenError);
  });
});
