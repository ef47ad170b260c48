// Storage faults on a journal written in the node's own frame format, read
// back with the node's own scanner: each fault must be what the node sees.
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeFrame, scanFrames } from '../../../services/hsm/src/store/journal-format';
import { frameOffsets, injectStorageFault, JOURNAL_FILE, Random } from '../src';

/** ROOT holds every scratch directory of this file; it is removed after the tests. */
const ROOT = mkdtempSync(join(tmpdir(), 'hsmlab-chaos-test-'));
const scratch = (prefix: string): string => mkdtempSync(join(ROOT, prefix));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const FRAMES = 6;

/** journalDir writes a journal of FRAMES frames of different sizes into a fresh dir. */
function journalDir(): { dir: string; original: Buffer } {
  const dir = scratch('storage-');
  const frames = Array.from({ length: FRAMES }, (_, i) =>
    encodeFrame(Buffer.alloc(40 + i * 13, i + 1)),
  );
  const original = Buffer.concat(frames);
  writeFileSync(join(dir, JOURNAL_FILE), original);
  return { dir, original };
}

const journalOf = (dir: string) => readFileSync(join(dir, JOURNAL_FILE));

describe('storage faults', () => {
  it('finds every frame boundary of a journal', () => {
    const { original } = journalDir();
    expect(frameOffsets(original)).toHaveLength(FRAMES);
    expect(frameOffsets(original)[0]).toBe(0);
  });

  it('tears the last record so that the node sees a torn tail and keeps the rest', async () => {
    const { dir } = journalDir();
    const report = await injectStorageFault(dir, 'torn-last-record', { random: new Random(1) });
    const scan = scanFrames(journalOf(dir));
    expect(report.changed).toBe(true);
    expect(scan.stop).toBe('torn-tail');
    expect(scan.payloads).toHaveLength(FRAMES - 1);
  });

  it('loses whole frames at the end, leaving a clean journal the node cannot tell apart', async () => {
    const { dir } = journalDir();
    const report = await injectStorageFault(dir, 'lost-tail', { frames: 2 });
    const scan = scanFrames(journalOf(dir));
    expect(report.framesLost).toBe(2);
    expect(scan.stop).toBe('clean');
    expect(scan.payloads).toHaveLength(FRAMES - 2);
  });

  it('flips exactly one bit inside a frame, which the node then cannot read', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { dir, original } = journalDir();
      const report = await injectStorageFault(dir, 'bit-flip', { random: new Random(seed) });
      const damaged = journalOf(dir);
      let bitsChanged = 0;
      for (let i = 0; i < original.length; i++) {
        let x = original[i]! ^ damaged[i]!;
        for (; x; x &= x - 1) bitsChanged += 1;
      }
      expect(bitsChanged).toBe(1);
      const scan = scanFrames(damaged);
      expect(scan.stop).not.toBe('clean');
      expect(scan.payloads.length).toBe(FRAMES - report.framesLost);
    }
  });

  it('reports no change for a journal without frames', async () => {
    const dir = scratch('storage-');
    writeFileSync(join(dir, JOURNAL_FILE), Buffer.alloc(0));
    const report = await injectStorageFault(dir, 'bit-flip');
    expect(report.changed).toBe(false);
  });

  it('refuses to touch the data dir of a running node', async () => {
    const { dir } = journalDir();
    writeFileSync(join(dir, 'node.lock'), String(process.pid));
    await expect(injectStorageFault(dir, 'lost-tail')).rejects.toThrow(/in use by pid/);
  });
});
