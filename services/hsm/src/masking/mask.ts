import { canonicalJson, decodeObject, encodeObject } from '../model/codec';
import type { StoredObject } from '../model/objects';
import type { Version } from '../model/version';
import { AEAD_IV_BYTES, AEAD_TAG_BYTES, aeadOpen, aeadSeal } from './aead';
import { MaskError } from './errors';
import { assertMaskingKey } from './masking-key';
import type { ObjectTypeName } from './object-type';
import { kindOfObjectType, objectTypeOfKind } from './object-type';

const MASK_PURPOSE = 'hsmlab-mask-v1';

/** MaskedObjectValue is an hsm.v1.MaskedObject as sealObject makes it. */
export interface MaskedObjectValue {
  domainId: string;
  handle: string;
  type: ObjectTypeName;
  version: Version;
  tombstone: boolean;
  /** 12-byte IV || ciphertext || 16-byte tag. */
  sealed: Buffer;
}

/**
 * MaskedObjectInput is what openObject accepts: a MaskedObject as it comes
 * off the wire, before anything about it is trusted (the generated
 * MaskedObject__Output type fits it).
 */
export interface MaskedObjectInput {
  readonly domainId: string;
  readonly handle: string;
  readonly type: string;
  readonly version: Version | null | undefined;
  readonly tombstone: boolean;
  readonly sealed: Buffer;
}

/**
 * maskAad is the additional data of a masked object. It binds every outer
 * field, so a blob moved to another domain, handle, type, version or
 * tombstone state no longer authenticates. The version is rebuilt field by
 * field so that extra properties on a wire object cannot change the bytes.
 */
function maskAad(
  domainId: string,
  handle: string,
  type: string,
  version: Version,
  tombstone: boolean,
): Buffer {
  return Buffer.from(
    canonicalJson({
      purpose: MASK_PURPOSE,
      domainId,
      handle,
      type,
      version: { wallMs: version.wallMs, logical: version.logical, nodeId: version.nodeId },
      tombstone,
    }),
    'utf8',
  );
}

/**
 * sealObject masks one object version for the masking domain domainId: the
 * whole object, key material included, encrypted under the masking key.
 */
export function sealObject(
  maskingKey: Buffer,
  domainId: string,
  obj: StoredObject,
): MaskedObjectValue {
  assertMaskingKey(maskingKey);
  if (domainId.length === 0) throw new TypeError('sealObject needs a domain id');
  const type = objectTypeOfKind(obj.kind);
  const version: Version = {
    wallMs: obj.version.wallMs,
    logical: obj.version.logical,
    nodeId: obj.version.nodeId,
  };
  const aad = maskAad(domainId, obj.handle, type, version, obj.tombstone);
  const sealed = aeadSeal(maskingKey, encodeObject(obj), aad);
  return { domainId, handle: obj.handle, type, version, tombstone: obj.tombstone, sealed };
}

function isWellFormedVersion(v: Version | null | undefined): v is Version {
  return (
    v !== null &&
    typeof v === 'object' &&
    Number.isSafeInteger(v.wallMs) &&
    v.wallMs >= 0 &&
    Number.isSafeInteger(v.logical) &&
    v.logical >= 0 &&
    typeof v.nodeId === 'string' &&
    v.nodeId.length > 0
  );
}

/**
 * openObject unmasks an object sealed by any node of the domain. It refuses,
 * with a MaskError, a blob from another domain, a blob that does not
 * authenticate (any changed bit in sealed or in an outer field), and a blob
 * whose content disagrees with its outer fields.
 */
export function openObject(
  maskingKey: Buffer,
  domainId: string,
  masked: MaskedObjectInput,
): StoredObject {
  assertMaskingKey(maskingKey);
  const handle = typeof masked.handle === 'string' ? masked.handle : '';

  // Shape first, so that nothing below works on a half-formed object.
  const kind = kindOfObjectType(masked.type);
  if (handle.length === 0) throw new MaskError('malformed', handle, 'no handle');
  if (kind === undefined) throw new MaskError('malformed', handle, 'unknown object type');
  if (!isWellFormedVersion(masked.version)) throw new MaskError('malformed', handle, 'bad version');
  if (typeof masked.tombstone !== 'boolean') {
    throw new MaskError('malformed', handle, 'bad tombstone flag');
  }
  if (!Buffer.isBuffer(masked.sealed) || masked.sealed.length <= AEAD_IV_BYTES + AEAD_TAG_BYTES) {
    throw new MaskError('malformed', handle, 'sealed bytes too short');
  }
  if (masked.domainId !== domainId) throw new MaskError('wrong domain', handle);

  const version = masked.version;
  const aad = maskAad(masked.domainId, handle, masked.type, version, masked.tombstone);
  const plaintext = aeadOpen(maskingKey, masked.sealed, aad);
  if (plaintext === undefined) throw new MaskError('altered or forged', handle);

  let obj: StoredObject;
  try {
    obj = decodeObject(plaintext);
  } catch (err) {
    // Authentic but undecodable: a node of this domain sealed something
    // broken. Refuse it rather than store it.
    throw new MaskError('malformed', handle, 'sealed content does not decode', { cause: err });
  } finally {
    plaintext.fill(0);
  }
  const matches =
    obj.handle === handle &&
    obj.kind === kind &&
    obj.tombstone === masked.tombstone &&
    obj.version.wallMs === version.wallMs &&
    obj.version.logical === version.logical &&
    obj.version.nodeId === version.nodeId;
  if (!matches) throw new MaskError('handle/version mismatch with content', handle);
  return obj;
}
