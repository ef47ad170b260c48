import * as crypto from 'node:crypto';
import type { CurveName } from '../model/objects';

/** CurveInfo is what the engine needs to know about one supported curve. */
export interface CurveInfo {
  readonly name: CurveName;
  /** The name node:crypto (OpenSSL) uses, as in asymmetricKeyDetails.namedCurve. */
  readonly opensslName: string;
  /** Size of a field element and of the ECDH shared secret, in bytes. */
  readonly fieldBytes: number;
  /**
   * spkiPrefix is an SPKI's DER up to its BIT STRING content (the id-ecPublicKey
   * and named-curve OIDs included): prefix it to an uncompressed point
   * (0x04 || X || Y) to get that point's SPKI.
   */
  readonly spkiPrefix: Buffer;
}

/** CURVES are the supported curves; any other curve is refused on import. */
export const CURVES: Readonly<Record<CurveName, CurveInfo>> = {
  'P-256': {
    name: 'P-256',
    opensslName: 'prime256v1',
    fieldBytes: 32,
    spkiPrefix: Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'),
  },
  'P-384': {
    name: 'P-384',
    opensslName: 'secp384r1',
    fieldBytes: 48,
    spkiPrefix: Buffer.from('3076301006072a8648ce3d020106052b81040022036200', 'hex'),
  },
  secp256k1: {
    name: 'secp256k1',
    opensslName: 'secp256k1',
    fieldBytes: 32,
    spkiPrefix: Buffer.from('3056301006072a8648ce3d020106052b8104000a034200', 'hex'),
  },
};

/** curveFromOpenssl maps an OpenSSL curve name to ours; undefined when unsupported. */
export function curveFromOpenssl(opensslName: string | undefined): CurveName | undefined {
  for (const info of Object.values(CURVES)) {
    if (info.opensslName === opensslName) return info.name;
  }
  return undefined;
}

/**
 * namedCurveOf returns the curve of an EC key only when it is a supported
 * curve given by name. OpenSSL matches explicit curve parameters to a named
 * curve even when fields it ignores (the cofactor) are wrong, and keeps them
 * explicit on export; Wycheproof rightly calls such keys invalid, so the
 * engine takes only keys whose SPKI carries the named-curve OID.
 */
export function namedCurveOf(key: crypto.KeyObject): CurveName | undefined {
  if (key.asymmetricKeyType !== 'ec') return undefined;
  const curve = curveFromOpenssl(key.asymmetricKeyDetails?.namedCurve);
  if (curve === undefined) return undefined;
  const publicKey = key.type === 'private' ? crypto.createPublicKey(key) : key;
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // A named-curve SPKI of these curves is under 128 bytes, so its outer
  // SEQUENCE has a 2-byte header and the AlgorithmIdentifier follows it.
  const prefix = CURVES[curve].spkiPrefix;
  const algorithmIdentifier = prefix.subarray(2, 4 + prefix[3]!);
  return spki.subarray(2, 2 + algorithmIdentifier.length).equals(algorithmIdentifier)
    ? curve
    : undefined;
}
