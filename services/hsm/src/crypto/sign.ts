import * as crypto from 'node:crypto';
import { requireAttribute } from './attribute-policy';
import { InvalidArgumentError } from './errors';
import { type LoadedKey, mustHave } from './loaded-key';
import {
  checkMechanism,
  HASH_LENGTH_BYTES,
  type Mechanism,
  type MechanismSpec,
} from './mechanisms';

/** SignatureFormat is hsm.proto's SignatureFormat: it only changes ECDSA. */
export type SignatureFormat = 'SIGNATURE_FORMAT_DER' | 'SIGNATURE_FORMAT_IEEE_P1363';

/** SignOptions are the parameters of sign and verify. */
export interface SignOptions {
  /** @default 'SIGNATURE_FORMAT_DER' */
  format?: SignatureFormat;
  /** RSA-PSS salt length in bytes; 0 or unset means the hash length. */
  saltLength?: number;
}

type SignatureShape =
  | { kind: 'asymmetric'; hash: string | null; options: AsymmetricSignOptions }
  | { kind: 'hmac'; hash: string };

/**
 * SignPlan is a checked signing request: everything sign needs except the
 * work itself, so the work can run here or on a crypto worker thread.
 */
export type SignPlan =
  | {
      kind: 'asymmetric';
      privateKey: crypto.KeyObject;
      hash: string | null;
      options: AsymmetricSignOptions;
    }
  | { kind: 'hmac'; secretKey: crypto.KeyObject; hash: string };

/** AsymmetricSignOptions are the plain (cloneable) options of crypto.sign. */
export interface AsymmetricSignOptions {
  dsaEncoding?: 'der' | 'ieee-p1363';
  padding?: number;
  saltLength?: number;
}

/**
 * planSign checks a signing request (mechanism, attribute, format, salt
 * length) and returns its plan; it throws what sign would throw.
 */
export function planSign(
  key: LoadedKey,
  mechanism: Mechanism,
  options: SignOptions = {},
): SignPlan {
  const spec = checkMechanism(key, mechanism, 'sign');
  requireAttribute(key, 'sign');
  const plan = planSignature(key, mechanism, spec, options);
  if (plan.kind === 'hmac') {
    return { kind: 'hmac', secretKey: mustHave(key.secretKey), hash: plan.hash };
  }
  return { ...plan, privateKey: mustHave(key.privateKey) };
}

/** runSignPlan does the signing a plan describes, on this thread. */
export function runSignPlan(plan: SignPlan, data: Buffer): Buffer {
  if (plan.kind === 'hmac')
    return crypto.createHmac(plan.hash, plan.secretKey).update(data).digest();
  return crypto.sign(plan.hash, data, { key: plan.privateKey, ...plan.options });
}

/**
 * sign signs data with key: RSA PKCS#1 v1.5, RSA-PSS (MGF1 with the same
 * hash; salt default = hash length), ECDSA (DER or IEEE P1363), pure
 * Ed25519, or HMAC with a generic secret. Needs sign=true.
 */
export function sign(
  key: LoadedKey,
  mechanism: Mechanism,
  data: Buffer,
  options: SignOptions = {},
): Buffer {
  return runSignPlan(planSign(key, mechanism, options), data);
}

/**
 * verify checks signature over data with key (a public key, a private key's
 * public half, or the HMAC secret). Needs verify=true. A wrong, truncated or
 * garbage signature is `false`, never an error; only a bad request (mechanism,
 * key, format, salt length) or a missing attribute throws.
 */
export function verify(
  key: LoadedKey,
  mechanism: Mechanism,
  data: Buffer,
  signature: Buffer,
  options: SignOptions = {},
): boolean {
  const spec = checkMechanism(key, mechanism, 'verify');
  requireAttribute(key, 'verify');
  const plan = planSignature(key, mechanism, spec, options);
  try {
    if (plan.kind === 'hmac') {
      const expected = crypto.createHmac(plan.hash, mustHave(key.secretKey)).update(data).digest();
      // NB: timingSafeEqual throws on a length mismatch; a MAC of another
      // length (truncated tags included) is simply not this MAC.
      return expected.length === signature.length && crypto.timingSafeEqual(expected, signature);
    }
    return crypto.verify(
      plan.hash,
      data,
      { key: mustHave(key.publicKey), ...plan.options },
      signature,
    );
  } catch {
    return false;
  }
}

function planSignature(
  key: LoadedKey,
  mechanism: Mechanism,
  spec: MechanismSpec,
  options: SignOptions,
): SignatureShape {
  const format = options.format ?? 'SIGNATURE_FORMAT_DER';
  if (format !== 'SIGNATURE_FORMAT_DER' && format !== 'SIGNATURE_FORMAT_IEEE_P1363') {
    throw new InvalidArgumentError(`unknown signature format ${JSON.stringify(format)}`);
  }
  const isEcdsa = spec.keyType === 'ec';
  if (format === 'SIGNATURE_FORMAT_IEEE_P1363' && !isEcdsa) {
    throw new InvalidArgumentError(
      `signature format IEEE_P1363 applies to ECDSA only, not ${mechanism}`,
    );
  }
  const isPss = mechanism.startsWith('MECHANISM_RSA_PSS_');
  const saltLength = options.saltLength ?? 0;
  if (saltLength !== 0 && !isPss) {
    throw new InvalidArgumentError(`salt length applies to RSA-PSS only, not ${mechanism}`);
  }
  const hash = spec.hash ?? null;
  if (spec.keyType === 'generic-secret') return { kind: 'hmac', hash: mustHave(hash) };
  if (isEcdsa) {
    const dsaEncoding = format === 'SIGNATURE_FORMAT_DER' ? 'der' : 'ieee-p1363';
    return { kind: 'asymmetric', hash, options: { dsaEncoding } };
  }
  if (spec.keyType === 'rsa') {
    if (!isPss) {
      return { kind: 'asymmetric', hash, options: { padding: crypto.constants.RSA_PKCS1_PADDING } };
    }
    const hashBytes = HASH_LENGTH_BYTES[mustHave(spec.hash)];
    const salt = saltLength === 0 ? hashBytes : saltLength;
    // EMSA-PSS needs emLen >= hLen + sLen + 2, emLen = ceil((modBits - 1) / 8).
    const maxSalt = Math.ceil((key.sizeBits - 1) / 8) - hashBytes - 2;
    if (!Number.isInteger(salt) || salt < 0 || salt > maxSalt) {
      throw new InvalidArgumentError(
        `RSA-PSS salt length must be 0 to ${maxSalt} bytes for this key and hash, not ${salt}`,
      );
    }
    return {
      kind: 'asymmetric',
      hash,
      options: { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: salt },
    };
  }
  return { kind: 'asymmetric', hash: null, options: {} };
}
