import { crc32 } from 'node:zlib';

/**
 * The journal's frame format. A frame is
 *
 *   length   u32 LE   payload length in bytes, 1 .. MAX_FRAME_PAYLOAD_BYTES
 *   crc      u32 LE   CRC-32 of the length field followed by the payload
 *   payload  length bytes
 *
 * The CRC covers the length too, so a flipped length bit is caught even when
 * the wrong length still fits in the file. Empty payloads are not allowed:
 * a zero-filled region (which some file systems leave after a crash) would
 * otherwise read as a run of valid empty frames.
 */

/** FRAME_HEADER_BYTES is the length + crc prefix of every frame. */
export const FRAME_HEADER_BYTES = 8;
/** MAX_FRAME_PAYLOAD_BYTES bounds one frame; a larger length is corruption. */
export const MAX_FRAME_PAYLOAD_BYTES = 64 * 1024 * 1024;

/** encodeFrame wraps payload in a frame. */
export function encodeFrame(payload: Buffer): Buffer {
  if (payload.length === 0) throw new RangeError('journal payload is empty');
  if (payload.length > MAX_FRAME_PAYLOAD_BYTES) {
    throw new RangeError(`journal payload is ${payload.length} bytes, over the frame limit`);
  }
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload, crc32(frame.subarray(0, 4))), 4);
  payload.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

/** ScanStop says why a scan ended where it did. */
export type ScanStop =
  /** The file ended exactly after a good frame. */
  | 'clean'
  /** The last frame is incomplete or bad and nothing good follows: a write cut short. */
  | 'torn-tail'
  /** A bad frame with more data after it: the file was damaged, not just cut short. */
  | 'corrupt-frame';

/** ScanResult is what scanFrames found in a journal's bytes. */
export interface ScanResult {
  /** The payloads of the good frames before the stop, in order. */
  payloads: Buffer[];
  /** Bytes up to the end of the last good frame; the file is cut here. */
  goodBytes: number;
  stop: ScanStop;
  /**
   * Frames lost at the stop: 0 when clean, 1 for a torn tail, and for a
   * corrupt frame 1 plus the good frames found after it (a lower bound: a
   * damaged region can hide more).
   */
  droppedFrames: number;
}

/** frameAt returns the payload of a good frame at offset, or undefined. */
function frameAt(buf: Buffer, offset: number): Buffer | undefined {
  if (buf.length - offset < FRAME_HEADER_BYTES) return undefined;
  const length = buf.readUInt32LE(offset);
  if (length === 0 || length > MAX_FRAME_PAYLOAD_BYTES) return undefined;
  const end = offset + FRAME_HEADER_BYTES + length;
  if (end > buf.length) return undefined;
  const payload = buf.subarray(offset + FRAME_HEADER_BYTES, end);
  const expected = crc32(payload, crc32(buf.subarray(offset, offset + 4)));
  return expected === buf.readUInt32LE(offset + 4) ? payload : undefined;
}

/** countFramesFrom counts the good frames in a row from offset. */
function countFramesFrom(buf: Buffer, offset: number): number {
  let count = 0;
  for (let payload = frameAt(buf, offset); payload; payload = frameAt(buf, offset)) {
    count += 1;
    offset += FRAME_HEADER_BYTES + payload.length;
  }
  return count;
}

/**
 * findFrameAfter looks for a good frame starting anywhere after offset, byte
 * by byte. It only runs when a frame's length cannot be trusted, and a
 * candidate only costs a CRC when its length fits in the rest of the file.
 */
function findFrameAfter(buf: Buffer, offset: number): number | undefined {
  for (let at = offset + 1; at + FRAME_HEADER_BYTES < buf.length; at++) {
    if (frameAt(buf, at)) return at;
  }
  return undefined;
}

function allZero(buf: Buffer, offset: number): boolean {
  for (let i = offset; i < buf.length; i++) if (buf[i] !== 0) return false;
  return true;
}

/**
 * scanFrames reads every good frame from the start of buf and classifies
 * what stopped it. A torn tail is the expected result of a crash during an
 * append (those bytes were never acknowledged); anything else that is bad
 * means acknowledged frames may be lost, and the caller must say so.
 */
export function scanFrames(buf: Buffer): ScanResult {
  const payloads: Buffer[] = [];
  let offset = 0;
  for (let payload = frameAt(buf, offset); payload; payload = frameAt(buf, offset)) {
    payloads.push(payload);
    offset += FRAME_HEADER_BYTES + payload.length;
  }
  if (offset === buf.length)
    return { payloads, goodBytes: offset, stop: 'clean', droppedFrames: 0 };
  const torn = { payloads, goodBytes: offset, stop: 'torn-tail' as const, droppedFrames: 1 };
  if (allZero(buf, offset) || buf.length - offset < FRAME_HEADER_BYTES) return torn;
  const length = buf.readUInt32LE(offset);
  const end = offset + FRAME_HEADER_BYTES + length;
  const lengthUsable = length > 0 && length <= MAX_FRAME_PAYLOAD_BYTES && end <= buf.length;
  if (lengthUsable) {
    // The frame fits but fails its CRC. Ending exactly at the file's end, it
    // is the last write, cut short; with bytes after it, the file is damaged.
    if (end === buf.length) return torn;
    return { ...torn, stop: 'corrupt-frame', droppedFrames: 1 + countFramesFrom(buf, end) };
  }
  // The length runs past the end (or is out of range): a write cut short,
  // unless a good frame follows somewhere, which means the length was damaged.
  const next = findFrameAfter(buf, offset);
  if (next === undefined) return torn;
  return { ...torn, stop: 'corrupt-frame', droppedFrames: 1 + countFramesFrom(buf, next) };
}
