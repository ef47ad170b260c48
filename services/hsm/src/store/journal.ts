import { open, readFile, rename } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '@hsmlab/common';
import { DATA_FILE_MODE, fsyncDir, isNotFound } from './durable-fs';
import type { StoreWriteError } from './errors';
import { GroupCommitFile, type GroupCommitStats } from './group-commit-file';
import { encodeFrame, scanFrames, type ScanStop } from './journal-format';

/** JournalOptions configure Journal.open. */
export interface JournalOptions {
  path: string;
  logger: Logger;
  /**
   * fsync makes append() wait for the disk. Turn it off only in tests that
   * do not kill processes.
   * @default true
   */
  fsync?: boolean;
}

/** JournalRecovery is what opening a journal had to cut away. */
export interface JournalRecovery {
  stop: ScanStop;
  /** Bytes cut from the end of the file. */
  truncatedBytes: number;
  /** Frames lost (see ScanResult.droppedFrames); 0 when clean. */
  droppedFrames: number;
  /**
   * needsResync is true when the cut may have taken acknowledged writes: the
   * node must then get the objects back from its peers before serving.
   */
  needsResync: boolean;
}

/** JournalOpenResult is an open journal and what was in it. */
export interface JournalOpenResult {
  journal: Journal;
  /** The payloads of every good frame, in append order. */
  payloads: Buffer[];
  recovery: JournalRecovery;
}

/**
 * Journal is the node's append-only, checksummed write-ahead log (frame
 * format in journal-format.ts). Appends are group-committed: append()
 * resolves once its frame is fsynced, and concurrent appends share one write
 * and one fsync. After a snapshot, checkpoint() swaps in a new, empty file.
 */
export class Journal {
  private constructor(
    private readonly file: GroupCommitFile,
    private readonly logger: Logger,
    private readonly fsync: boolean,
  ) {}

  /**
   * open replays the journal at options.path (making an empty one if there
   * is none), cuts any bad tail and returns the good frames. It does not
   * throw for a damaged file: the damage is reported in the result.
   */
  static async open(options: JournalOptions): Promise<JournalOpenResult> {
    const { path } = options;
    const fsync = options.fsync ?? true;
    const logger = options.logger.child({ subsystem: 'journal' });
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      const handle = await createEmptyFile(path, fsync);
      const journal = new Journal(new GroupCommitFile(handle, 0, path, fsync), logger, fsync);
      const recovery = {
        stop: 'clean' as const,
        truncatedBytes: 0,
        droppedFrames: 0,
        needsResync: false,
      };
      return { journal, payloads: [], recovery };
    }
    const scan = scanFrames(bytes);
    const recovery: JournalRecovery = {
      stop: scan.stop,
      truncatedBytes: bytes.length - scan.goodBytes,
      droppedFrames: scan.droppedFrames,
      needsResync: scan.stop === 'corrupt-frame',
    };
    const handle = await open(path, 'r+');
    if (recovery.truncatedBytes > 0) {
      await handle.truncate(scan.goodBytes);
      await handle.sync();
      const meta = {
        path,
        truncatedBytes: recovery.truncatedBytes,
        keptFrames: scan.payloads.length,
      };
      if (recovery.needsResync) {
        logger.error(
          { ...meta, droppedFrames: recovery.droppedFrames },
          'journal damaged mid-file; cut at the last good frame, node needs resync',
        );
      } else {
        logger.warn(meta, 'journal had a torn last frame; dropped it');
      }
    }
    const file = new GroupCommitFile(handle, scan.goodBytes, path, fsync);
    return { journal: new Journal(file, logger, fsync), payloads: scan.payloads, recovery };
  }

  /** sizeBytes is the journal file's length including every durable frame. */
  get sizeBytes(): number {
    return this.file.size;
  }

  /** failed is the write error that stopped the journal, if any. */
  get failed(): StoreWriteError | undefined {
    return this.file.failed;
  }

  get stats(): Readonly<GroupCommitStats> {
    return this.file.stats;
  }

  /**
   * append writes payload as one frame and resolves when it is durable.
   * Frames land in call order. Once a write fails, every append rejects.
   */
  append(payload: Buffer): Promise<void> {
    let frame: Buffer;
    try {
      frame = encodeFrame(payload);
    } catch (err) {
      return Promise.reject(err as Error);
    }
    return this.file.append(frame);
  }

  /** flush resolves once every frame appended before the call is durable. */
  flush(): Promise<void> {
    return this.file.exclusive(async () => undefined);
  }

  /**
   * checkpoint starts a new, empty journal. It waits for every frame
   * appended before the call, runs saveSnapshot (which must make durable a
   * state holding all of them), and only then swaps the file; frames
   * appended after the call go to the new file.
   *
   * A crash between the snapshot and the swap leaves the new snapshot with
   * the old journal, whose frames the snapshot already holds. Replaying them
   * again yields the same state, because each frame only sets objects.
   */
  checkpoint(saveSnapshot: () => Promise<void>): Promise<void> {
    return this.file.exclusive(async () => {
      await saveSnapshot();
      const path = this.file.path;
      const tmp = `${path}.tmp`;
      const handle = await openEmptyFile(tmp, this.fsync);
      try {
        await rename(tmp, path);
      } catch (err) {
        // The old file is intact and still open; the journal goes on.
        await handle.close();
        throw err;
      }
      const old = this.file.replaceHandle(handle, 0);
      await old.close().catch((err: unknown) => {
        this.logger.warn({ err }, 'closing the old journal file failed');
      });
      if (this.fsync) {
        // Until the rename is durable a crash could bring the old file back
        // and lose frames written to the new one: stop rather than risk it.
        await fsyncDir(dirname(path)).catch((err: unknown) => {
          throw this.file.fail(err);
        });
      }
    });
  }

  /** reset starts a new, empty journal; see checkpoint. */
  reset(): Promise<void> {
    return this.checkpoint(async () => undefined);
  }

  /** close waits for queued frames and closes the file. */
  close(): Promise<void> {
    return this.file.close();
  }
}

/** openEmptyFile makes (or empties) the file at path and returns it open for writing. */
async function openEmptyFile(path: string, fsync: boolean): Promise<FileHandle> {
  const handle = await open(path, 'w+', DATA_FILE_MODE);
  try {
    await handle.chmod(DATA_FILE_MODE);
    if (fsync) await handle.sync();
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/** createEmptyFile atomically puts an empty file at path and returns it open. */
async function createEmptyFile(path: string, fsync: boolean): Promise<FileHandle> {
  const tmp = `${path}.tmp`;
  const handle = await openEmptyFile(tmp, fsync);
  try {
    await rename(tmp, path);
    if (fsync) await fsyncDir(dirname(path));
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}
