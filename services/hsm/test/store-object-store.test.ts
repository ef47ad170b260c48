import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredObject } from '../src/model/objects';
import { STORAGE_KEY_FILE } from '../src/store/at-rest';
import { StoreClosedError, StoreCorruptError } from '../src/store/errors';
import { FRAME_HEADER_BYTES } from '../src/store/journal-format';
import { JOURNAL_FILE, ObjectStore, SNAPSHOT_FILE } from '../src/store/object-store';
import {
  keyObject,
  policyObject,
  quietLogger,
  readAllFiles,
  secretForms,
  tempDir,
  tombstone,
  version,
} from './store-helpers';

describe('store object store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => cleanup());

  const open = (snapshotEveryRecords?: number) =>
    ObjectStore.open({ dataDir: dir, logger: quietLogger(), snapshotEveryRecords });

  it('makes a commit visible only once durable, and keeps it across reopen', async () => {
    const store = await open();
    const key = keyObject('k1');
    const done = store.commit([key, policyObject('p1')]);
    expect(store.get('k1')).toBeUndefined();
    await done;
    expect(store.get('k1')).toBe(key);
    expect(store.size).toBe(2);
    await store.close();
    const reopened = await open();
    expect(reopened.get('k1')).toEqual(key);
    expect(reopened.get('p1')?.body).toEqual({ name: 'p1', value: 1 });
    expect(reopened.recovery).toMatchObject({ stop: 'clean', needsResync: false });
    await reopened.close();
  });

  it('iterates and pages in handle order', async () => {
    const store = await open();
    const handles = Array.from({ length: 300 }, (_, i) => `h-${(i * 7919) % 1000}`);
    await store.commit(handles.map((h) => policyObject(h)));
    const sorted = [...handles].sort();
    expect([...store.values()].map((o) => o.handle)).toEqual(sorted);
    const pages: string[] = [];
    for (let page = store.valuesAfter('', 64); page.length > 0;) {
      pages.push(...page.map((o) => o.handle));
      page = store.valuesAfter(page.at(-1)!.handle, 64);
    }
    expect(pages).toEqual(sorted);
    // Handles added later slot into place, also during an iteration.
    const it = store.values();
    expect(it.next().value?.handle).toBe(sorted[0]);
    await store.commit([policyObject('a-first'), policyObject('zz-last')]);
    const rest = [...it].map((o) => o.handle);
    expect(rest[0]).toBe(sorted[1]);
    expect(rest.at(-1)).toBe('zz-last');
    expect(rest).not.toContain('a-first');
    await store.close();
  });

  it('commitIfNewer applies, recognises and refuses by version', async () => {
    const store = await open();
    await store.commit([keyObject('k', version(10))]);
    const outcomes = await store.commitIfNewer([
      keyObject('k', version(11)),
      keyObject('k', version(11)),
      keyObject('k', version(9)),
      keyObject('new', version(1)),
      tombstone('gone', version(3)),
    ]);
    expect(outcomes).toEqual(['applied', 'current', 'stale', 'applied', 'applied']);
    expect(store.get('k')?.version).toEqual(version(11));
    expect(store.get('gone')?.tombstone).toBe(true);
    expect(await store.commitIfNewer([keyObject('k', version(11, 0, 'node-b'))])).toEqual([
      'applied',
    ]);
    expect(await store.commitIfNewer([keyObject('k', version(11, 0, 'node-a'))])).toEqual([
      'stale',
    ]);
    const frames = store.journalStats.chunks;
    expect(await store.commitIfNewer([keyObject('k', version(5))])).toEqual(['stale']);
    expect(store.journalStats.chunks).toBe(frames);
    await store.close();
  });

  it('judges concurrent commitIfNewer calls against queued writes too', async () => {
    const store = await open();
    const [a, b, c] = await Promise.all([
      store.commitIfNewer([keyObject('k', version(3))]),
      store.commitIfNewer([keyObject('k', version(2))]),
      store.commitIfNewer([keyObject('k', version(3))]),
    ]);
    expect([a, b, c]).toEqual([['applied'], ['stale'], ['current']]);
    expect(store.get('k')?.version).toEqual(version(3));
    await store.close();
  });

  it('applies concurrent commits in call order, as the journal holds them', async () => {
    const store = await open();
    const writes = Array.from({ length: 50 }, (_, i) =>
      store.commit([policyObject('p', version(100 - i))]),
    );
    await Promise.all(writes);
    expect(store.get('p')?.version.wallMs).toBe(51);
    await store.close();
    const reopened = await open();
    expect(reopened.get('p')?.version.wallMs).toBe(51);
    await reopened.close();
  });

  it('group-commits 1,000 concurrent commits, each durable and all found after reopen', async () => {
    const store = await open();
    const objects = Array.from({ length: 1000 }, (_, i) => keyObject(`k-${i}`));
    await Promise.all(objects.map((obj) => store.commit([obj])));
    expect(store.journalStats.chunks).toBe(1000);
    expect(store.journalStats.batches).toBeLessThan(10);
    expect(store.size).toBe(1000);
    // Drop the store without close(): no snapshot, the journal alone must hold everything.
    const reopened = await open();
    expect(reopened.recovery.journalFrames).toBe(1000);
    for (const obj of objects) expect(reopened.get(obj.handle)).toEqual(obj);
    await reopened.close();
    await store.close();
  });

  it('snapshots after N frames, resets the journal and reopens from both', async () => {
    const store = await open(25);
    for (let i = 0; i < 60; i++) await store.commit([keyObject(`k-${i % 40}`, version(i + 1))]);
    await store.close(); // waits for a running snapshot, then takes the last one
    const onDisk = await readAllFiles(dir);
    expect(onDisk.get(JOURNAL_FILE)?.length).toBe(0);
    const reopened = await open(25);
    expect(reopened.recovery).toMatchObject({ snapshotRecords: 40, journalFrames: 0 });
    expect(reopened.get('k-19')?.version.wallMs).toBe(60);
    expect(reopened.get('k-39')?.version.wallMs).toBe(40);

    // Frames after the snapshot replay on top of it.
    await reopened.commit([keyObject('k-0', version(100))]);
    const third = await open(25);
    expect(third.recovery).toMatchObject({ snapshotRecords: 40, journalFrames: 1 });
    expect(third.get('k-0')?.version.wallMs).toBe(100);
    await third.close();
    await reopened.close();
  });

  it('reports a journal damaged mid-file as needing resync', async () => {
    const store = await open();
    for (let i = 0; i < 5; i++) await store.commit([policyObject(`p-${i}`)]);
    const journal = await readFile(join(dir, JOURNAL_FILE));
    journal[FRAME_HEADER_BYTES + 3]! ^= 0x20; // inside the first frame
    await writeFile(join(dir, JOURNAL_FILE), journal);
    const reopened = await open();
    expect(reopened.recovery).toMatchObject({
      stop: 'corrupt-frame',
      needsResync: true,
      droppedFrames: 5,
    });
    expect(reopened.size).toBe(0);
    await reopened.close();
    await store.close();
  });

  it('refuses to open on a corrupt snapshot', async () => {
    const store = await open();
    await store.commit([policyObject('p')]);
    await store.close();
    const path = join(dir, SNAPSHOT_FILE);
    const snapshot = await readFile(path);
    snapshot[snapshot.length - 50]! ^= 1;
    await writeFile(path, snapshot);
    await expect(open()).rejects.toBeInstanceOf(StoreCorruptError);
  });

  it('refuses to start with a new storage key next to sealed data', async () => {
    const store = await open();
    await store.commit([keyObject('k')]);
    await store.close();
    await rm(join(dir, STORAGE_KEY_FILE));
    await expect(open()).rejects.toThrow(/storage key is missing/);
  });

  it('refuses an object that would not read back, writing nothing', async () => {
    const store = await open();
    const bad = { ...policyObject('p'), tombstone: true } as StoredObject;
    await expect(store.commit([policyObject('ok'), bad])).rejects.toThrow(/tombstone/);
    expect(store.journalStats.chunks).toBe(0);
    expect(store.get('ok')).toBeUndefined();
    await store.close();
    await expect(store.commit([policyObject('late')])).rejects.toBeInstanceOf(StoreClosedError);
  });

  it('never writes plaintext key material to disk', async () => {
    const secrets = Array.from({ length: 20 }, (_, i) => Buffer.alloc(32, 0x41 + i).fill(i, 0, 8));
    const store = await open(7);
    for (let i = 0; i < secrets.length; i++)
      await store.commit([keyObject(`k-${i}`, version(i + 1), secrets[i])]);
    await store.commitIfNewer([keyObject('k-0', version(50), secrets[0])]);
    // Leave part in the journal and part in the snapshot.
    const files = await readAllFiles(dir);
    expect(files.get(SNAPSHOT_FILE)?.length).toBeGreaterThan(0);
    expect(files.get(JOURNAL_FILE)?.length).toBeGreaterThan(0);
    await store.close();
    for (const [name, bytes] of [...files, ...(await readAllFiles(dir))]) {
      for (const secret of secrets) {
        for (const form of secretForms(secret)) {
          expect(bytes.includes(form), `${name} holds a form of a key`).toBe(false);
        }
      }
    }
    const reopened = await open();
    expect((reopened.get('k-3')?.body as { material: Buffer }).material).toEqual(secrets[3]);
    await reopened.close();
  });

  it('keeps 20,000 objects iterable and pageable', async () => {
    const store = await ObjectStore.open({ dataDir: dir, logger: quietLogger(), fsync: false });
    const batch: StoredObject[] = [];
    for (let i = 0; i < 20_000; i++)
      batch.push(policyObject(`p-${String(20_000 - i).padStart(6, '0')}`));
    for (let i = 0; i < batch.length; i += 1000) await store.commit(batch.slice(i, i + 1000));
    let count = 0;
    let previous = '';
    for (const obj of store.values()) {
      expect(obj.handle > previous).toBe(true);
      previous = obj.handle;
      count += 1;
    }
    expect(count).toBe(20_000);
    for (let i = 0; i < 200; i++) {
      await store.commit([policyObject(`q-${i}`)]);
      expect(store.valuesAfter('p-010000', 10)).toHaveLength(10);
    }
    await store.close();
  });
});
