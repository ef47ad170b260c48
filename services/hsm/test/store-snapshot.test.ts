import { readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreCorruptError } from '../src/store/errors';
import { loadSnapshot, writeSnapshot } from '../src/store/snapshot';
import { tempDir } from './store-helpers';

describe('store snapshot', () => {
  let path: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = await tempDir());
    path = join(dir, 'snapshot.bin');
  });
  afterEach(async () => cleanup());

  const records = [Buffer.from('one'), Buffer.alloc(0), Buffer.from('three'.repeat(100))];

  it('writes and loads records and meta, owner-only', async () => {
    await writeSnapshot(path, records, { format: 1, note: 'x' });
    const loaded = await loadSnapshot(path);
    expect(loaded?.records).toEqual(records);
    expect(loaded?.meta).toMatchObject({ format: 1, note: 'x' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('loads nothing when there is no snapshot', async () => {
    expect(await loadSnapshot(path)).toBeUndefined();
  });

  it('replaces the previous snapshot whole', async () => {
    await writeSnapshot(path, records);
    await writeSnapshot(path, [Buffer.from('only')]);
    expect((await loadSnapshot(path))?.records).toEqual([Buffer.from('only')]);
  });

  it('refuses a flipped bit anywhere, never loading an empty state instead', async () => {
    await writeSnapshot(path, records);
    const good = await readFile(path);
    for (const at of [0, 9, 20, good.length - 40, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x04;
      await writeFile(path, bad);
      await expect(loadSnapshot(path)).rejects.toBeInstanceOf(StoreCorruptError);
    }
  });

  it('refuses a cut-short snapshot', async () => {
    await writeSnapshot(path, records);
    await truncate(path, 30);
    await expect(loadSnapshot(path)).rejects.toThrow(/snapshot is corrupt/);
    await truncate(path, 0);
    await expect(loadSnapshot(path)).rejects.toThrow(/too short/);
  });
});
