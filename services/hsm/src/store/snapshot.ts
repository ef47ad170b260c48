import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isNotFound, writeFileAtomic } from './durable-fs';
import { StoreCorruptError } from './errors';

/**
 * A snapshot is the node's whole state in one file, written atomically:
 *
 *   magic        8 bytes  "HSMLSNP1"
 *   headerLen    u32 LE
 *   header       JSON: { recordCount, createdAtMs, ...meta }
 *   records      recordCount times: u32 LE length, then the record's bytes
 *   sha256       32 bytes over everything before it
 *
 * The records are opaque here (the object store decides what they hold).
 */

const MAGIC = Buffer.from('HSMLSNP1', 'latin1');
const DIGEST_BYTES = 32;

/** SnapshotContents is what a snapshot file holds. */
export interface SnapshotContents {
  meta: Record<string, unknown>;
  records: Buffer[];
}

/**
 * writeSnapshot replaces the snapshot at path with records and meta. A crash
 * at any moment leaves either the previous snapshot or this one.
 */
export async function writeSnapshot(
  path: string,
  records: readonly Buffer[],
  meta: Record<string, unknown> = {},
  fsync = true,
): Promise<void> {
  const header = Buffer.from(
    JSON.stringify({ ...meta, recordCount: records.length, createdAtMs: Date.now() }),
    'utf8',
  );
  const parts: Buffer[] = [MAGIC, u32(header.length), header];
  for (const record of records) parts.push(u32(record.length), record);
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  parts.push(hash.digest());
  await writeFileAtomic(path, Buffer.concat(parts), fsync);
}

/**
 * loadSnapshot reads the snapshot at path: undefined when there is none, a
 * StoreCorruptError when there is one that does not check out (never an
 * empty state in its place).
 */
export async function loadSnapshot(path: string): Promise<SnapshotContents | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  const corrupt = (reason: string): StoreCorruptError =>
    new StoreCorruptError(path, `snapshot is corrupt: ${reason}`);
  if (bytes.length < MAGIC.length + 4 + DIGEST_BYTES) throw corrupt('file too short');
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw corrupt('bad magic');
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  const digest = createHash('sha256').update(body).digest();
  if (!digest.equals(bytes.subarray(bytes.length - DIGEST_BYTES))) {
    throw corrupt('checksum mismatch');
  }
  let offset = MAGIC.length;
  const headerLen = body.readUInt32LE(offset);
  offset += 4;
  if (offset + headerLen > body.length) throw corrupt('header runs past the end');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(body.subarray(offset, offset + headerLen).toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch (err) {
    throw new StoreCorruptError(path, 'snapshot header is not JSON', { cause: err });
  }
  offset += headerLen;
  const { recordCount, ...meta } = header;
  if (typeof recordCount !== 'number') throw corrupt('header has no record count');
  const records: Buffer[] = [];
  while (offset < body.length) {
    if (offset + 4 > body.length) throw corrupt('record length runs past the end');
    const length = body.readUInt32LE(offset);
    offset += 4;
    if (offset + length > body.length) throw corrupt('record runs past the end');
    records.push(body.subarray(offset, offset + length));
    offset += length;
  }
  if (records.length !== recordCount) {
    throw corrupt(`holds ${records.length} records, header says ${recordCount}`);
  }
  return { meta, records };
}

function u32(value: number): Buffer {
  const buf = Buffer.allocUnsafe(4);
  buf.writeUInt32LE(value, 0);
  return buf;
}
