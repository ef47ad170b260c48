/**
 * The crypto engine: key generation and import, the parsed key form
 * (LoadedKey), every data-plane mechanism, and the PKCS#11-style attribute
 * policy. It works on plain TypeScript values; the service layer turns gRPC
 * messages into these and the engine's errors into status codes.
 */
export {
  CryptoError,
  type CryptoErrorOptions,
  DECRYPTION_FAILED,
  FailedPreconditionError,
  findCryptoError,
  InvalidArgumentError,
  isCryptoError,
  PermissionError,
} from './errors';
export {
  checkMechanism,
  type HashName,
  HASH_LENGTH_BYTES,
  isMechanism,
  type KeyUse,
  type Mechanism,
  MECHANISMS,
  type MechanismSpec,
} from './mechanisms';
export { CURVES, type CurveInfo } from './curves';
export {
  AES_KEY_SIZES_BITS,
  checkSecretSize,
  checkValue,
  generateKeyPair,
  type GeneratedKeyPair,
  generateSecret,
  GENERIC_SECRET_MAX_BITS,
  GENERIC_SECRET_MIN_BITS,
  type KeyPairSpec,
  RSA_IMPORT_MAX_BITS,
  RSA_IMPORT_MIN_BITS,
  RSA_MODULUS_SIZES_BITS,
  type SecretKeyType,
} from './key-material';
export { type ImportedMaterial, type ImportFormat, importMaterial } from './key-import';
export { type LoadedKey, loadKey } from './loaded-key';
export {
  type AsymmetricSignOptions,
  planSign,
  runSignPlan,
  sign,
  type SignatureFormat,
  type SignOptions,
  type SignPlan,
  verify,
} from './sign';
export {
  type CipherOptions,
  decrypt,
  type DecipherOptions,
  encrypt,
  type EncryptResult,
  GCM_DECRYPT_IV_MAX_BYTES,
  GCM_DECRYPT_IV_MIN_BYTES,
  GCM_DECRYPT_TAG_MAX_BYTES,
  GCM_DECRYPT_TAG_MIN_BYTES,
  GCM_IV_BYTES,
  GCM_TAG_BYTES,
} from './cipher';
export { unwrap, wrap, type WrapTarget } from './wrap';
export { deriveEcdh } from './derive';
export { digest, type DigestAlgorithm } from './digest';
export {
  type AttributeHolder,
  type AttributeSubject,
  checkAttributeChange,
  checkUnwrapAllowed,
  checkWrapAllowed,
  defaultAttributes,
  type KeyTemplate,
  requireAttribute,
  resolveAttributes,
  checkUsageConflicts,
  usePossible,
  validateTemplate,
} from './attribute-policy';
