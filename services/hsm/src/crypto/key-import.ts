import * as crypto from 'node:crypto';
import type { CurveName, KeyClass, KeyType } from '../model/objects';
import { CURVES, curveFromOpenssl, namedCurveOf } from './curves';
import { InvalidArgumentError } from './errors';
import {
  checkSecretSize,
  ED25519_SIZE_BITS,
  RSA_IMPORT_MAX_BITS,
  RSA_IMPORT_MIN_BITS,
} from './key-material';

/** ImportFormat is how imported material is encoded (hsm.proto KeyFormat). */
export type ImportFormat = 'raw' | 'pem' | 'der';

/**
 * ImportedMaterial is validated key material in the form a KeyBody keeps:
 * raw bytes for a secret key, PKCS#8 DER for a private key, SPKI DER for a
 * public key (both re-encoded by OpenSSL, so equal keys have equal bytes).
 */
export interface ImportedMaterial {
  keyClass: KeyClass;
  keyType: KeyType;
  sizeBits: number;
  curve?: CurveName;
  material: Buffer;
  /** SPKI DER of the public key, for public and private keys. */
  publicKeyDer?: Buffer;
}

const PRIVATE_PEM_LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'];
const PUBLIC_PEM_LABELS = ['PUBLIC KEY', 'RSA PUBLIC KEY'];
const PAIRWISE_TEST_DATA = Buffer.from('hsmlab pairwise consistency test');

/**
 * importMaterial parses and validates key material. For 'raw' keyType is
 * required and must be a secret type; for 'pem' and 'der' the class comes
 * from the encoding (PKCS#8 private or SPKI public) and keyType, when given,
 * must agree with it. Refused with InvalidArgumentError: encrypted PEM,
 * RSA under 2048 or over 4096 bits, RSASSA-PSS-only RSA keys, EC keys on
 * other or unnamed curves, DSA, DH, X25519, X448, Ed448, and private keys
 * that fail a sign/verify pairwise test against their own public half.
 */
export function importMaterial(
  format: ImportFormat,
  material: Buffer,
  keyType?: KeyType,
): ImportedMaterial {
  if (!Buffer.isBuffer(material) || material.length === 0) {
    throw new InvalidArgumentError('key material is empty');
  }
  switch (format) {
    case 'raw':
      return importRaw(material, keyType);
    case 'pem':
      return importAsymmetric(parsePem(material), keyType);
    case 'der':
      return importAsymmetric(parseDer(material), keyType);
    default:
      throw new InvalidArgumentError(`unknown key format ${JSON.stringify(format)}`);
  }
}

function importRaw(material: Buffer, keyType: KeyType | undefined): ImportedMaterial {
  if (keyType !== 'aes' && keyType !== 'generic-secret') {
    throw new InvalidArgumentError(
      `raw key material needs key type aes or generic-secret, not ${keyType ?? 'none'}`,
    );
  }
  checkSecretSize(keyType, material.length * 8);
  return {
    keyClass: 'secret',
    keyType,
    sizeBits: material.length * 8,
    material: Buffer.from(material),
  };
}

function parsePem(material: Buffer): crypto.KeyObject {
  const text = material.toString('utf8');
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  if (label === undefined) throw new InvalidArgumentError('no PEM block found in key material');
  try {
    if (PRIVATE_PEM_LABELS.includes(label))
      return crypto.createPrivateKey({ key: text, format: 'pem' });
    if (PUBLIC_PEM_LABELS.includes(label))
      return crypto.createPublicKey({ key: text, format: 'pem' });
  } catch (err) {
    throw new InvalidArgumentError(`malformed ${label} PEM`, { cause: err });
  }
  if (label === 'ENCRYPTED PRIVATE KEY') {
    throw new InvalidArgumentError('encrypted PEM is not supported; import the decrypted key');
  }
  throw new InvalidArgumentError(
    `PEM block ${JSON.stringify(label)} is not a key; use PRIVATE KEY (PKCS#8) or PUBLIC KEY (SPKI)`,
  );
}

function parseDer(material: Buffer): crypto.KeyObject {
  // NB: try the private form first. createPublicKey would accept a PKCS#8
  // private key too (it derives the public half) and lose the private part.
  try {
    return crypto.createPrivateKey({ key: material, format: 'der', type: 'pkcs8' });
  } catch {
    // Not PKCS#8; try SPKI below.
  }
  try {
    return crypto.createPublicKey({ key: material, format: 'der', type: 'spki' });
  } catch (err) {
    throw new InvalidArgumentError('key material is neither PKCS#8 nor SPKI DER', { cause: err });
  }
}

/** describeAsymmetric returns type, size and curve of a parsed key, or throws. */
export function describeAsymmetric(key: crypto.KeyObject): {
  keyType: 'rsa' | 'ec' | 'ed25519';
  sizeBits: number;
  curve?: CurveName;
} {
  const kind = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  switch (kind) {
    case 'rsa': {
      const bits = details.modulusLength ?? 0;
      if (bits < RSA_IMPORT_MIN_BITS || bits > RSA_IMPORT_MAX_BITS) {
        throw new InvalidArgumentError(
          `RSA modulus of ${bits} bits is not supported (${RSA_IMPORT_MIN_BITS} to ${RSA_IMPORT_MAX_BITS})`,
        );
      }
      return { keyType: 'rsa', sizeBits: bits };
    }
    case 'ec': {
      const curve = namedCurveOf(key);
      if (curve === undefined) {
        const named = details.namedCurve;
        throw new InvalidArgumentError(
          named === undefined || named === 'UNDEF' || curveFromOpenssl(named) !== undefined
            ? 'EC keys must name their curve (P-256, P-384 or secp256k1); explicit parameters are refused'
            : `EC curve ${named} is not supported (P-256, P-384 or secp256k1)`,
        );
      }
      return { keyType: 'ec', sizeBits: CURVES[curve].fieldBytes * 8, curve };
    }
    case 'ed25519':
      return { keyType: 'ed25519', sizeBits: ED25519_SIZE_BITS };
    case 'rsa-pss':
      throw new InvalidArgumentError(
        'RSASSA-PSS restricted keys (id-RSASSA-PSS) are not supported; use an rsaEncryption key',
      );
    default:
      throw new InvalidArgumentError(`${kind ?? 'unknown'} keys are not supported`);
  }
}

function importAsymmetric(key: crypto.KeyObject, keyType: KeyType | undefined): ImportedMaterial {
  const described = describeAsymmetric(key);
  if (keyType !== undefined && keyType !== described.keyType) {
    throw new InvalidArgumentError(
      `key material is an ${described.keyType} key but the key type given is ${keyType}`,
    );
  }
  const base = { keyType: described.keyType, sizeBits: described.sizeBits };
  const curve = described.curve === undefined ? {} : { curve: described.curve };
  if (key.type === 'public') {
    const spki = key.export({ type: 'spki', format: 'der' });
    return { keyClass: 'public', ...base, ...curve, material: spki, publicKeyDer: spki };
  }
  const publicKey = crypto.createPublicKey(key);
  pairwiseTest(key, publicKey, described.keyType);
  return {
    keyClass: 'private',
    ...base,
    ...curve,
    material: key.export({ type: 'pkcs8', format: 'der' }),
    publicKeyDer: publicKey.export({ type: 'spki', format: 'der' }),
  };
}

/**
 * pairwiseTest signs with the private key and verifies with its public half
 * (FIPS 140 style). It catches an RSA key whose CRT values or exponent do not
 * belong to its modulus and an EC key whose stored public point is not d*G.
 */
function pairwiseTest(
  privateKey: crypto.KeyObject,
  publicKey: crypto.KeyObject,
  keyType: 'rsa' | 'ec' | 'ed25519',
): void {
  const hash = keyType === 'ed25519' ? null : 'sha256';
  let ok = false;
  try {
    const signature = crypto.sign(hash, PAIRWISE_TEST_DATA, privateKey);
    ok = crypto.verify(hash, PAIRWISE_TEST_DATA, publicKey, signature);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new InvalidArgumentError(
      'private key is inconsistent: its own signature does not verify with its public key',
    );
  }
}
