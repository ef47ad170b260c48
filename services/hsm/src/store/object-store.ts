import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@hsmlab/common';
import { compareVersions, decodeObject } from '../model';
import type { StoredObject } from '../model';
import { STORAGE_KEY_FILE, loadOrCreateStorageKey } from './at-rest';
import { isNotFound } from './durable-fs';
import { StoreClosedError, StoreCorruptError } from './errors';
import type { StoreWriteError } from './errors';
import type { GroupCommitStats } from './group-commit-file';
import { HandleIndex } from './handle-index';
import { Journal, type JournalRecovery } from './journal';
import { decodePutFrame, decodeRecord, encodePutFrame, encodeRecord } from './record-codec';
import { loadSnapshot, writeSnapshot } from './snapshot';

/** JOURNAL_FILE and SNAPSHOT_FILE are the object store's files in the data dir. */
export const JOURNAL_FILE = 'journal.log';
export const SNAPSHOT_FILE = 'snapshot.bin';

/** DEFAULT_SNAPSHOT_EVERY_RECORDS is how many journal frames trigger a snapshot. */
export const DEFAULT_SNAPSHOT_EVERY_RECORDS = 10_000;

/** ObjectStoreOptions configure ObjectStore.open. */
export interface ObjectStoreOptions {
  dataDir: string;
  logger: Logger;
  /**
   * Journal frames (commits) after which the store writes a snapshot and
   * starts a new journal.
   * @default 10_000
   */
  snapshotEveryRecords?: number;
  /**
   * fsync makes every commit wait for the disk. Off only for tests that do
   * not kill processes.
   * @default true
   */
  fsync?: boolean;
  /** The storage key. @default read from (or made in) `<dataDir>/storage.key` */
  storageKey?: Buffer;
}

/** CommitOutcome is what commitIfNewer did with one offered object. */
export type CommitOutcome = 'applied' | 'current' | 'stale';

/** StoreRecovery is what the store found when it opened, for the node to report. */
export interface StoreRecovery extends JournalRecovery {
  /** Objects loaded from the snapshot. */
  snapshotRecords: number;
  /** Good journal frames replayed on top of it. */
  journalFrames: number;
}

/**
 * ObjectStore holds every object version of one node, in memory and
 * durably on disk: a snapshot plus an append-only journal of commits since.
 *
 * A commit is one journal frame, so its objects apply all together or not
 * at all, and it resolves only once that frame is fsynced; only then do its
 * objects become visible to get() and values(). Commits are journaled in
 * call order and become visible in that order, and concurrent commits share
 * fsyncs (see GroupCommitFile).
 *
 * Key material is sealed under the node's storage key in every record (see
 * record-codec.ts); the in-memory objects hold it in the clear.
 */
export class ObjectStore {
  /**
   * The visible objects. Invariant: each is the newest journaled version of
   * its handle whose frame is durable.
   */
  private readonly objects = new Map<string, StoredObject>();
  /**
   * The newest object per handle whose frame is queued but not yet durable.
   * Invariant: objects ∪ pending (pending winning) is the state that the
   * snapshot plus every frame appended so far describes.
   */
  private readonly pending = new Map<string, StoredObject>();
  private readonly index = new HandleIndex();
  /** Each object's record bytes, so a snapshot need not seal material again. */
  private readonly records = new WeakMap<StoredObject, Buffer>();
  private framesSinceSnapshot = 0;
  /** Set while a snapshot runs; it never rejects. */
  private snapshotRunning: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private recoveryInfo: StoreRecovery | undefined;

  private constructor(
    private readonly journal: Journal,
    private readonly storageKey: Buffer,
    private readonly snapshotPath: string,
    private readonly snapshotEveryRecords: number,
    private readonly fsync: boolean,
    private readonly logger: Logger,
  ) {}

  /**
   * open loads the snapshot and replays the journal in options.dataDir,
   * making both on first start. A damaged journal tail is cut and reported
   * in recovery; a corrupt snapshot, or a checksummed frame that does not
   * decode, is a StoreCorruptError.
   */
  static async open(options: ObjectStoreOptions): Promise<ObjectStore> {
    const snapshotEveryRecords = options.snapshotEveryRecords ?? DEFAULT_SNAPSHOT_EVERY_RECORDS;
    if (!Number.isInteger(snapshotEveryRecords) || snapshotEveryRecords < 1) {
      throw new RangeError('snapshotEveryRecords must be a positive integer');
    }
    const fsync = options.fsync ?? true;
    const logger = options.logger.child({ subsystem: 'object-store' });
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const snapshotPath = join(options.dataDir, SNAPSHOT_FILE);
    const journalPath = join(options.dataDir, JOURNAL_FILE);
    if (options.storageKey === undefined)
      await checkKeyNotLost(options.dataDir, snapshotPath, journalPath);
    const storageKey = options.storageKey ?? (await loadOrCreateStorageKey(options.dataDir));

    const snapshot = await loadSnapshot(snapshotPath);
    const opened = await Journal.open({ path: journalPath, logger: options.logger, fsync });
    const store = new ObjectStore(
      opened.journal,
      storageKey,
      snapshotPath,
      snapshotEveryRecords,
      fsync,
      logger,
    );
    try {
      for (const record of snapshot?.records ?? []) store.load(snapshotPath, record);
      for (const payload of opened.payloads) {
        for (const record of decodeFrame(journalPath, payload)) store.load(journalPath, record);
      }
    } catch (err) {
      await opened.journal.close();
      throw err;
    }
    store.framesSinceSnapshot = opened.payloads.length;
    store.recoveryInfo = {
      ...opened.recovery,
      snapshotRecords: snapshot?.records.length ?? 0,
      journalFrames: opened.payloads.length,
    };
    logger.info(
      { dataDir: options.dataDir, objects: store.size, ...store.recoveryInfo },
      'object store opened',
    );
    return store;
  }

  /** recovery is what open found and cut; needsResync means acknowledged writes may be lost. */
  get recovery(): StoreRecovery {
    return this.recoveryInfo!;
  }

  /** size is the number of visible objects, tombstones included. */
  get size(): number {
    return this.objects.size;
  }

  /** journalStats counts journal appends and the write + fsync rounds that carried them. */
  get journalStats(): Readonly<GroupCommitStats> {
    return this.journal.stats;
  }

  /** writeError is the error that stopped all writes, if one did; only a restart clears it. */
  get writeError(): StoreWriteError | undefined {
    return this.journal.failed;
  }

  get(handle: string): StoredObject | undefined {
    return this.objects.get(handle);
  }

  /** values yields every visible object in handle order. */
  *values(): Generator<StoredObject> {
    for (const handle of this.index.iterate()) yield this.objects.get(handle)!;
  }

  /** valuesAfter returns up to limit objects whose handles sort after handle ('' for the first page). */
  valuesAfter(handle: string, limit: number): StoredObject[] {
    return this.index.after(handle, limit).map((h) => this.objects.get(h)!);
  }

  /**
   * commit writes objects as one journal frame and makes them visible once
   * it is durable. The caller has chosen the versions; nothing is compared.
   */
  async commit(objects: StoredObject[]): Promise<void> {
    this.checkOpen();
    if (objects.length === 0) return;
    const records = objects.map((obj) => this.encode(obj));
    await this.write(objects, records);
  }

  /**
   * commitIfNewer writes, as one frame, only the offered objects newer than
   * the version held (or queued) for their handle, and says per object what
   * it did: applied, current (that exact version is held) or stale (a newer
   * one is). It resolves once the held versions it answered from are durable.
   */
  async commitIfNewer(objects: StoredObject[]): Promise<CommitOutcome[]> {
    this.checkOpen();
    const outcomes: CommitOutcome[] = [];
    const chosen: StoredObject[] = [];
    const offered = new Map<string, StoredObject>();
    let answeredFromPending = false;
    for (const obj of objects) {
      const queued = offered.get(obj.handle) ?? this.pending.get(obj.handle);
      const held = queued ?? this.objects.get(obj.handle);
      const order = held === undefined ? 1 : compareVersions(obj.version, held.version);
      if (order > 0) {
        outcomes.push('applied');
        chosen.push(obj);
        offered.set(obj.handle, obj);
      } else {
        outcomes.push(order === 0 ? 'current' : 'stale');
        if (queued !== undefined) answeredFromPending = true;
      }
    }
    if (chosen.length > 0) {
      const records = chosen.map((obj) => this.encode(obj));
      await this.write(chosen, records);
    } else if (answeredFromPending) {
      // 'current' must mean "held durably": wait for the queued frame.
      await this.journal.flush();
    }
    return outcomes;
  }

  /**
   * close waits for queued commits, writes a snapshot if anything was
   * journaled since the last one, and closes the journal. Idempotent.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await this.snapshotRunning;
    if (this.framesSinceSnapshot > 0 && this.journal.failed === undefined) {
      await this.snapshot().catch((err: unknown) => {
        this.logger.error(
          { err },
          'snapshot at close failed; the journal still holds every commit',
        );
      });
    }
    await this.journal.close();
    this.logger.info({ objects: this.size }, 'object store closed');
  }

  private checkOpen(): void {
    if (this.closing) throw new StoreClosedError('object store is closed');
  }

  /**
   * encode makes obj's record and checks that it decodes, so that nothing
   * reaches the journal that would stop the node from opening it again.
   */
  private encode(obj: StoredObject): Buffer {
    const record = encodeRecord(this.storageKey, obj);
    decodeObject(record);
    this.records.set(obj, record);
    return record;
  }

  /** write appends one frame; the caller has encoded every object. */
  private write(objects: StoredObject[], records: Buffer[]): Promise<void> {
    for (const obj of objects) this.pending.set(obj.handle, obj);
    const durable = this.journal.append(encodePutFrame(records)).then(
      () => {
        for (const obj of objects) {
          this.apply(obj);
          if (this.pending.get(obj.handle) === obj) this.pending.delete(obj.handle);
        }
      },
      (err: unknown) => {
        for (const obj of objects) {
          if (this.pending.get(obj.handle) === obj) this.pending.delete(obj.handle);
        }
        throw err;
      },
    );
    this.framesSinceSnapshot += 1;
    this.maybeSnapshot();
    return durable;
  }

  private apply(obj: StoredObject): void {
    if (!this.objects.has(obj.handle)) this.index.add(obj.handle);
    this.objects.set(obj.handle, obj);
  }

  private load(path: string, record: Buffer): void {
    let obj: StoredObject;
    try {
      obj = decodeRecord(this.storageKey, record);
    } catch (err) {
      throw new StoreCorruptError(path, 'a checksummed record does not decode', { cause: err });
    }
    this.records.set(obj, record);
    this.apply(obj);
  }

  private maybeSnapshot(): void {
    if (this.framesSinceSnapshot < this.snapshotEveryRecords || this.snapshotRunning) return;
    this.snapshotRunning = this.snapshot()
      .catch((err: unknown) => {
        this.logger.error({ err }, 'snapshot failed; will try again later');
      })
      .finally(() => {
        this.snapshotRunning = undefined;
      });
  }

  /**
   * snapshot writes the state as of this call and starts a new journal.
   * NB: the state is captured synchronously, before any later commit can be
   * appended, so it holds exactly the frames that go to the old journal.
   */
  private snapshot(): Promise<void> {
    const state = new Map(this.objects);
    for (const [handle, obj] of this.pending) state.set(handle, obj);
    const frames = this.framesSinceSnapshot;
    // A failed snapshot is retried after another full interval, not on every commit.
    this.framesSinceSnapshot = 0;
    return this.journal.checkpoint(async () => {
      const records: Buffer[] = [];
      for (const obj of state.values()) records.push(this.records.get(obj) ?? this.encode(obj));
      await writeSnapshot(this.snapshotPath, records, { format: 1 }, this.fsync);
      this.logger.info({ objects: records.length, frames }, 'snapshot written; journal reset');
    });
  }
}

/**
 * checkKeyNotLost refuses to make a new storage key next to data sealed
 * under a lost one: the node would start, then fail on the first key.
 */
async function checkKeyNotLost(
  dataDir: string,
  snapshotPath: string,
  journalPath: string,
): Promise<void> {
  const keyPath = join(dataDir, STORAGE_KEY_FILE);
  if ((await sizeOf(keyPath)) !== undefined) return;
  if ((await sizeOf(snapshotPath)) !== undefined || ((await sizeOf(journalPath)) ?? 0) > 0) {
    throw new StoreCorruptError(keyPath, 'storage key is missing but sealed data exists');
  }
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

function decodeFrame(path: string, payload: Buffer): Buffer[] {
  try {
    return decodePutFrame(payload);
  } catch (err) {
    throw new StoreCorruptError(path, 'a checksummed frame does not decode', { cause: err });
  }
}
