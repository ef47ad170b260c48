import { readFileSync } from 'node:fs';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isAlive } from './process-faults';
import { Random, resolveSeed } from './random';

/** JOURNAL_FILE is the node's write-ahead journal inside its data dir. */
export const JOURNAL_FILE = 'journal.log';
/** LOCK_FILE holds the pid of the node serving from a data dir. */
const LOCK_FILE = 'node.lock';
/** FRAME_HEADER_BYTES is the u32 length + u32 CRC in front of every journal frame. */
const FRAME_HEADER_BYTES = 8;

/**
 * StorageFaultKind names a disk fault on a stopped node:
 * - `torn-last-record`: the last journal frame is cut partway, as by a crash
 *   in mid-append.
 * - `lost-tail`: the journal loses its last whole frames, as a disk that
 *   acknowledged writes it had not made durable (an unsynced cache).
 * - `bit-flip`: one bit of one frame's payload is flipped (media error).
 */
export type StorageFaultKind = (typeof STORAGE_FAULT_KINDS)[number];

/** STORAGE_FAULT_KINDS lists every StorageFaultKind. */
export const STORAGE_FAULT_KINDS = ['torn-last-record', 'lost-tail', 'bit-flip'] as const;

/** StorageFaultReport says what a storage fault did to the journal. */
export interface StorageFaultReport {
  kind: StorageFaultKind;
  file: string;
  /** false when the journal held no frame to damage (for instance right after a snapshot). */
  changed: boolean;
  framesBefore: number;
  sizeBeforeBytes: number;
  sizeAfterBytes: number;
  /** Whole frames the node will lose when it replays (the damaged one and any after it). */
  framesLost: number;
  detail: string;
}

/** StorageFaultOptions tune a storage fault. */
export interface StorageFaultOptions {
  /** Generator for the cut point, the frame and the bit. @default a fresh seeded one */
  random?: Random;
  /** lost-tail: frames to drop. @default 1 to 3, never more than the journal holds */
  frames?: number;
}

/** frameOffsets walks the journal's length fields and returns where each whole frame starts. */
export function frameOffsets(journal: Buffer): number[] {
  const offsets: number[] = [];
  let at = 0;
  while (at + FRAME_HEADER_BYTES <= journal.length) {
    const length = journal.readUInt32LE(at);
    const end = at + FRAME_HEADER_BYTES + length;
    if (length === 0 || end > journal.length) break;
    offsets.push(at);
    at = end;
  }
  return offsets;
}

/** assertStopped refuses to touch a data dir a live node is serving from. */
function assertStopped(dataDir: string): void {
  let holder: number;
  try {
    holder = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return;
  }
  if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
    throw new Error(`storage fault: ${dataDir} is in use by pid ${holder}; stop the node first`);
  }
}

/**
 * injectStorageFault damages the journal of a stopped node's data dir. The
 * node cuts the damage when it starts again, and the cluster's resync must
 * bring back whatever that cost.
 */
export async function injectStorageFault(
  dataDir: string,
  kind: StorageFaultKind,
  options: StorageFaultOptions = {},
): Promise<StorageFaultReport> {
  assertStopped(dataDir);
  const random = options.random ?? new Random(resolveSeed());
  const file = join(dataDir, JOURNAL_FILE);
  const journal = await readFile(file);
  const offsets = frameOffsets(journal);
  const base = {
    kind,
    file,
    framesBefore: offsets.length,
    sizeBeforeBytes: journal.length,
  };
  if (offsets.length === 0) {
    const detail = 'the journal holds no whole frame; nothing to damage';
    return { ...base, changed: false, sizeAfterBytes: journal.length, framesLost: 0, detail };
  }
  const frameEnd = (i: number): number =>
    i + 1 < offsets.length ? offsets[i + 1]! : endOfFrames(journal, offsets);

  if (kind === 'torn-last-record') {
    const last = offsets.length - 1;
    const start = offsets[last]!;
    const cutAt = random.int(start + 1, frameEnd(last) - 1);
    await truncate(file, cutAt);
    const detail = `cut frame ${last} at byte ${cutAt - start} of ${frameEnd(last) - start}`;
    return { ...base, changed: true, sizeAfterBytes: cutAt, framesLost: 1, detail };
  }
  if (kind === 'lost-tail') {
    const wanted = options.frames ?? random.int(1, 3);
    const frames = Math.max(1, Math.min(wanted, offsets.length));
    const cutAt = offsets[offsets.length - frames]!;
    await truncate(file, cutAt);
    const detail = `dropped the last ${frames} of ${offsets.length} frames`;
    return { ...base, changed: true, sizeAfterBytes: cutAt, framesLost: frames, detail };
  }
  const index = random.int(0, offsets.length - 1);
  const payloadStart = offsets[index]! + FRAME_HEADER_BYTES;
  const byte = random.int(payloadStart, frameEnd(index) - 1);
  const bit = random.int(0, 7);
  const damaged = Buffer.from(journal);
  damaged[byte] = damaged[byte]! ^ (1 << bit);
  await writeFile(file, damaged);
  const detail = `flipped bit ${bit} of byte ${byte} (frame ${index} of ${offsets.length})`;
  return {
    ...base,
    changed: true,
    sizeAfterBytes: damaged.length,
    framesLost: offsets.length - index,
    detail,
  };
}

function endOfFrames(journal: Buffer, offsets: readonly number[]): number {
  const last = offsets[offsets.length - 1]!;
  return last + FRAME_HEADER_BYTES + journal.readUInt32LE(last);
}
