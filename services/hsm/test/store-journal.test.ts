import { appendFile, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Journal } from '../src/store/journal';
import { encodeFrame, FRAME_HEADER_BYTES, scanFrames } from '../src/store/journal-format';
import { captureLogger, quietLogger, tempDir } from './store-helpers';

function payload(i: number): Buffer {
  return Buffer.from(`payload-${i}-${'x'.repeat(i % 50)}`);
}

describe('store journal', () => {
  let dir: string;
  let path: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    path = join(dir, 'journal.log');
  });
  afterEach(async () => cleanup());

  async function writeFrames(count: number): Promise<number[]> {
    const { journal } = await Journal.open({ path, logger: quietLogger() });
    const ends: number[] = [];
    for (let i = 0; i < count; i++) {
      await journal.append(payload(i));
      ends.push(journal.sizeBytes);
    }
    await journal.close();
    return ends;
  }

  it('replays every frame in order after reopen', async () => {
    await writeFrames(20);
    const { journal, payloads, recovery } = await Journal.open({ path, logger: quietLogger() });
    expect(payloads).toEqual(Array.from({ length: 20 }, (_, i) => payload(i)));
    expect(recovery).toEqual({
      stop: 'clean',
      truncatedBytes: 0,
      droppedFrames: 0,
      needsResync: false,
    });
    await journal.close();
  });

  it('drops a torn last frame, truncates the file and warns with the byte count', async () => {
    const ends = await writeFrames(10);
    await truncate(path, ends[9]! - 5);
    const { logger, lines } = captureLogger();
    const { journal, payloads, recovery } = await Journal.open({ path, logger });
    expect(payloads).toHaveLength(9);
    expect(recovery).toMatchObject({ stop: 'torn-tail', needsResync: false });
    expect(recovery.truncatedBytes).toBe(ends[9]! - 5 - ends[8]!);
    expect((await stat(path)).size).toBe(ends[8]);
    const warning = lines.find((l) => l.msg.includes('torn'));
    expect(warning?.truncatedBytes).toBe(recovery.truncatedBytes);
    // The journal goes on after the cut.
    await journal.append(payload(99));
    await journal.close();
    const again = await Journal.open({ path, logger: quietLogger() });
    expect(again.payloads.at(-1)).toEqual(payload(99));
    expect(again.recovery.stop).toBe('clean');
    await again.journal.close();
  });

  it('drops garbage appended after the last frame', async () => {
    const ends = await writeFrames(5);
    await appendFile(path, Buffer.alloc(37, 0xff));
    const { journal, payloads, recovery } = await Journal.open({ path, logger: quietLogger() });
    expect(payloads).toHaveLength(5);
    expect(recovery).toMatchObject({ stop: 'torn-tail', truncatedBytes: 37, needsResync: false });
    expect((await stat(path)).size).toBe(ends[4]);
    await journal.close();
  });

  it('drops a short header and a zero-filled tail', async () => {
    await writeFrames(3);
    await appendFile(path, Buffer.from([1, 2, 3]));
    let opened = await Journal.open({ path, logger: quietLogger() });
    expect(opened.recovery).toMatchObject({ stop: 'torn-tail', truncatedBytes: 3 });
    await opened.journal.close();
    await appendFile(path, Buffer.alloc(4096));
    opened = await Journal.open({ path, logger: quietLogger() });
    expect(opened.recovery).toMatchObject({ stop: 'torn-tail', truncatedBytes: 4096 });
    expect(opened.payloads).toHaveLength(3);
    await opened.journal.close();
  });

  it('treats a checksum failure in the last frame as a torn tail', async () => {
    const ends = await writeFrames(4);
    const bytes = await readFile(path);
    bytes[ends[3]! - 2]! ^= 0x10;
    await writeFile(path, bytes);
    const { journal, payloads, recovery } = await Journal.open({ path, logger: quietLogger() });
    expect(payloads).toHaveLength(3);
    expect(recovery).toMatchObject({ stop: 'torn-tail', needsResync: false });
    await journal.close();
  });

  it('detects a bit flip in a middle frame, cuts there and reports what was lost', async () => {
    const ends = await writeFrames(10);
    const bytes = await readFile(path);
    bytes[ends[3]! + FRAME_HEADER_BYTES + 2]! ^= 0x01; // inside frame 4's payload
    await writeFile(path, bytes);
    const { logger, lines } = captureLogger();
    const { journal, payloads, recovery } = await Journal.open({ path, logger });
    expect(payloads).toEqual(Array.from({ length: 4 }, (_, i) => payload(i)));
    expect(recovery).toEqual({
      stop: 'corrupt-frame',
      truncatedBytes: ends[9]! - ends[3]!,
      droppedFrames: 6,
      needsResync: true,
    });
    expect((await stat(path)).size).toBe(ends[3]);
    expect(lines.some((l) => l.level === 50 && l.droppedFrames === 6)).toBe(true);
    await journal.close();
  });

  it('detects a flipped length in a middle frame', async () => {
    const ends = await writeFrames(10);
    const bytes = await readFile(path);
    bytes[ends[5]! + 3]! ^= 0x40; // the high byte of frame 6's length
    await writeFile(path, bytes);
    const { journal, payloads, recovery } = await Journal.open({ path, logger: quietLogger() });
    expect(payloads).toHaveLength(6);
    expect(recovery.stop).toBe('corrupt-frame');
    expect(recovery.needsResync).toBe(true);
    // Frames 7..9 are found again after the damaged one: 1 + 3.
    expect(recovery.droppedFrames).toBe(4);
    await journal.close();
  });

  it('group-commits 1,000 concurrent appends in order with few fsyncs', async () => {
    const { journal } = await Journal.open({ path, logger: quietLogger() });
    const all = Array.from({ length: 1000 }, (_, i) => payload(i));
    await Promise.all(all.map((p) => journal.append(p)));
    expect(journal.stats.chunks).toBe(1000);
    expect(journal.stats.batches).toBeLessThanOrEqual(2);
    // A second wave queued while nothing runs also shares one round.
    const second = Array.from({ length: 200 }, (_, i) => payload(1000 + i));
    await Promise.all(second.map((p) => journal.append(p)));
    await journal.close();
    const { journal: reopened, payloads } = await Journal.open({ path, logger: quietLogger() });
    expect(payloads).toEqual([...all, ...second]);
    await reopened.close();
  });

  it('reset starts an empty journal; later frames land in the new file', async () => {
    const { journal } = await Journal.open({ path, logger: quietLogger() });
    await journal.append(payload(1));
    const before = journal.append(payload(2));
    const reset = journal.reset();
    const after = journal.append(payload(3));
    await Promise.all([before, reset, after]);
    await journal.close();
    const { journal: reopened, payloads } = await Journal.open({ path, logger: quietLogger() });
    expect(payloads).toEqual([payload(3)]);
    await reopened.close();
  });

  it('refuses an empty payload', async () => {
    const { journal } = await Journal.open({ path, logger: quietLogger() });
    await expect(journal.append(Buffer.alloc(0))).rejects.toThrow(/empty/);
    await journal.close();
  });

  it('scanFrames covers the length with the checksum', () => {
    const frames = Buffer.concat([encodeFrame(Buffer.from('abc')), encodeFrame(Buffer.from('de'))]);
    expect(scanFrames(frames).payloads.map(String)).toEqual(['abc', 'de']);
    const shortened = Buffer.from(frames);
    shortened.writeUInt32LE(2, 0); // 'ab' still fits, but the CRC covered length 3
    expect(scanFrames(shortened).payloads).toHaveLength(0);
  });
});
