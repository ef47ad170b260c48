import { canonicalJson, decodeObject, encodeObject } from '../model';
import type { KeyBody, StoredObject } from '../model';
import { openAtRest, sealAtRest } from './at-rest';

/**
 * The record codec is how one object version is written to the journal and
 * to snapshots: the model's canonical encoding, except that a key body's
 * material is replaced by its at-rest sealed form. The additional data binds
 * the sealed material to the object's handle and version, so sealed bytes
 * moved onto another record do not open. Plaintext material never reaches
 * a record.
 */

/** materialAad is the additional data that seals one object version's material. */
function materialAad(obj: StoredObject): Buffer {
  return Buffer.from(
    canonicalJson({ purpose: 'hsmlab/at-rest/material', handle: obj.handle, version: obj.version }),
    'utf8',
  );
}

function isLiveKey(obj: StoredObject): obj is StoredObject & { body: KeyBody } {
  return obj.kind === 'key' && obj.body !== null;
}

/** encodeRecord is obj's record bytes, material sealed under storageKey. */
export function encodeRecord(storageKey: Buffer, obj: StoredObject): Buffer {
  if (!isLiveKey(obj)) return encodeObject(obj);
  const { material } = obj.body;
  if (!Buffer.isBuffer(material)) throw new TypeError(`key ${obj.handle} has no material buffer`);
  const sealed = sealAtRest(storageKey, material, materialAad(obj));
  return encodeObject({ ...obj, body: { ...obj.body, material: sealed } });
}

/**
 * decodeRecord reverses encodeRecord. It throws a TypeError for a malformed
 * record and an AtRestOpenError when the material does not open.
 */
export function decodeRecord(storageKey: Buffer, bytes: Buffer): StoredObject {
  const obj = decodeObject(bytes);
  if (!isLiveKey(obj)) return obj;
  const sealed = obj.body.material as unknown;
  if (!Buffer.isBuffer(sealed)) throw new TypeError(`key ${obj.handle} record has no material`);
  const material = openAtRest(storageKey, sealed, materialAad(obj));
  return { ...obj, body: { ...obj.body, material } };
}

const FRAME_PUT = 1;

/** encodePutFrame packs records into one journal payload: all or none apply. */
export function encodePutFrame(records: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from([FRAME_PUT]), u32(records.length)];
  for (const record of records) parts.push(u32(record.length), record);
  return Buffer.concat(parts);
}

/** decodePutFrame reverses encodePutFrame; it throws a TypeError on a malformed payload. */
export function decodePutFrame(payload: Buffer): Buffer[] {
  if (payload.length < 5 || payload[0] !== FRAME_PUT) throw new TypeError('not a put frame');
  const count = payload.readUInt32LE(1);
  const records: Buffer[] = [];
  let offset = 5;
  for (let i = 0; i < count; i++) {
    if (offset + 4 > payload.length) throw new TypeError('put frame is cut short');
    const length = payload.readUInt32LE(offset);
    offset += 4;
    if (offset + length > payload.length) throw new TypeError('put frame record is cut short');
    records.push(payload.subarray(offset, offset + length));
    offset += length;
  }
  if (offset !== payload.length) throw new TypeError('put frame has trailing bytes');
  return records;
}

function u32(value: number): Buffer {
  const buf = Buffer.allocUnsafe(4);
  buf.writeUInt32LE(value, 0);
  return buf;
}
