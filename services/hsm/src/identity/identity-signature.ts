import { sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { IdentityKey } from './node-identity';
import { identityPrivateKey } from './node-identity';

/**
 * signAsIdentity signs payload with a node's identity key: ECDSA P-256 over
 * SHA-256, DER-encoded. Every payload an identity key signs is canonical
 * JSON with its own purpose field (join request, join grant, backup
 * manifest), so a signature made for one can never pass as another.
 */
export function signAsIdentity(identity: IdentityKey, payload: Buffer): Buffer {
  return sign('sha256', payload, { key: identityPrivateKey(identity), dsaEncoding: 'der' });
}

/** verifyIdentitySignature checks a signature made by signAsIdentity. */
export function verifyIdentitySignature(
  publicKey: KeyObject,
  payload: Buffer,
  signature: Buffer,
): boolean {
  if (!Buffer.isBuffer(signature) || signature.length === 0) return false;
  try {
    return verify('sha256', payload, { key: publicKey, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}
