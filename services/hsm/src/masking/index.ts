export { MaskError, isMaskError, findMaskError } from './errors';
export type { MaskErrorReason } from './errors';
export {
  MASKING_KEY_BYTES,
  generateMaskingKey,
  assertMaskingKey,
  deriveDigestKey,
  maskingKeyCheckValue,
} from './masking-key';
export { objectTypeOfKind, kindOfObjectType } from './object-type';
export type { ObjectTypeName } from './object-type';
export { sealObject, openObject } from './mask';
export type { MaskedObjectValue, MaskedObjectInput } from './mask';
export { objectDigest, objectDigestEntry, rootDigest } from './digest';
export type { ObjectDigestValue, DigestRootEntry } from './digest';
