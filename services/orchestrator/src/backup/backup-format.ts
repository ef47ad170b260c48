import { loadApplianceProto, type applianceV1 } from '@hsmlab/proto';

/** PARTS_MAGIC starts every parts.bin, with the format version in its last byte. */
const PARTS_MAGIC = Buffer.from('HSMLBAK1', 'ascii');

function codec() {
  const method = loadApplianceProto().hsmlab.appliance.v1.Appliance.service.CreateBackup;
  return { encode: method.responseSerialize, decode: method.responseDeserialize };
}

/**
 * encodeParts writes a backup's parts as they came from the node, each as
 * its protobuf encoding behind a 4-byte big-endian length, after a magic
 * header. Storing the node's own encoding keeps the sealed bytes, the
 * manifest and its signature exactly as signed.
 */
export function encodeParts(parts: readonly applianceV1.BackupPart[]): Buffer {
  const { encode } = codec();
  const chunks: Buffer[] = [PARTS_MAGIC];
  for (const part of parts) {
    const bytes = encode(part);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    chunks.push(length, bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * decodeParts reads parts.bin back. A bad header, a length that runs past
 * the end or a part that does not decode is an Error naming the offset.
 */
export function decodeParts(data: Buffer): applianceV1.BackupPart__Output[] {
  if (
    data.length < PARTS_MAGIC.length ||
    !data.subarray(0, PARTS_MAGIC.length).equals(PARTS_MAGIC)
  ) {
    throw new Error('not a backup parts file (bad header)');
  }
  const { decode } = codec();
  const parts: applianceV1.BackupPart__Output[] = [];
  let offset = PARTS_MAGIC.length;
  while (offset < data.length) {
    if (offset + 4 > data.length) throw new Error(`truncated length at byte ${offset}`);
    const length = data.readUInt32BE(offset);
    offset += 4;
    if (offset + length > data.length) throw new Error(`truncated part at byte ${offset}`);
    try {
      parts.push(decode(data.subarray(offset, offset + length)));
    } catch (err) {
      throw new Error(`undecodable part at byte ${offset}`, { cause: err });
    }
    offset += length;
  }
  return parts;
}
