import { createHash, createPublicKey, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../model/codec';
import { isP256Key } from './certificate-authority';
import { AttestationError } from './errors';

/**
 * The attested join's two messages and the exact bytes each party signs,
 * authenticates or derives keys from. Every encoding is canonical JSON with
 * its own purpose field, so no byte string means two things.
 */

const REQUEST_PURPOSE = 'hsmlab-join-request-v1';
const GRANT_PURPOSE = 'hsmlab-join-grant-v1';
const WRAP_PURPOSE = 'hsmlab-join-wrap-v1';
const KDF_PURPOSE = 'hsmlab-join-kdf-v1';
const KDF_INFO = 'hsmlab join v1';

/** JoinRequestValue is an appliance.v1.JoinRequest. */
export interface JoinRequestValue {
  nodeId: string;
  clusterId: string;
  /** The joiner's identity certificate, then the manufacturer CA's. */
  identityChainPem: string;
  /** SPKI DER of the joiner's fresh P-256 ECDH key. */
  ecdhPublicKey: Buffer;
  issuedAtMs: number;
  /** ECDSA (DER) by the identity key over fields 1-5. */
  signature: Buffer;
}

/** JoinGrantValue is an appliance.v1.JoinGrant. */
export interface JoinGrantValue {
  grantingNodeId: string;
  joiningNodeId: string;
  clusterId: string;
  domainId: string;
  /** SPKI DER of the granter's ephemeral P-256 ECDH key. */
  ecdhPublicKey: Buffer;
  /** iv || ciphertext || tag of the masking key. */
  wrappedMaskingKey: Buffer;
  grantingChainPem: string;
  /** ECDSA (DER) by the granter's identity key over fields 1-7 and the joiner's ECDH key. */
  signature: Buffer;
}

export function spkiDer(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

export function parseEcdhPublicKey(der: Buffer, whose: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (err) {
    throw new AttestationError('malformed', `${whose} ECDH key does not parse`, undefined, {
      cause: err,
    });
  }
  if (!isP256Key(key)) throw new AttestationError('malformed', `${whose} ECDH key is not P-256`);
  return key;
}

export function requestPayload(r: Omit<JoinRequestValue, 'signature'>): Buffer {
  return Buffer.from(
    canonicalJson({
      purpose: REQUEST_PURPOSE,
      nodeId: r.nodeId,
      clusterId: r.clusterId,
      identityChainPem: r.identityChainPem,
      ecdhPublicKey: r.ecdhPublicKey,
      issuedAtMs: r.issuedAtMs,
    }),
    'utf8',
  );
}

/** The grant signature also covers the joiner's ECDH key, which the grant does not carry. */
export function grantPayload(
  g: Omit<JoinGrantValue, 'signature'>,
  joinerEcdhPublicKey: Buffer,
): Buffer {
  return Buffer.from(
    canonicalJson({
      purpose: GRANT_PURPOSE,
      grantingNodeId: g.grantingNodeId,
      joiningNodeId: g.joiningNodeId,
      clusterId: g.clusterId,
      domainId: g.domainId,
      ecdhPublicKey: g.ecdhPublicKey,
      wrappedMaskingKey: g.wrappedMaskingKey,
      grantingChainPem: g.grantingChainPem,
      joinerEcdhPublicKey,
    }),
    'utf8',
  );
}

/** wrapAad binds grant fields 2-5 to the wrapped masking key. */
export function wrapAad(
  g: Pick<JoinGrantValue, 'joiningNodeId' | 'clusterId' | 'domainId' | 'ecdhPublicKey'>,
): Buffer {
  return Buffer.from(
    canonicalJson({
      purpose: WRAP_PURPOSE,
      joiningNodeId: g.joiningNodeId,
      clusterId: g.clusterId,
      domainId: g.domainId,
      ecdhPublicKey: g.ecdhPublicKey,
    }),
    'utf8',
  );
}

/**
 * deriveWrappingKey turns the ECDH shared secret into the AES-256 key that
 * wraps the masking key. The salt binds both node ids, the cluster, the
 * domain and both ECDH public keys (Node caps HKDF info at 1024 bytes, so the
 * variable-length binding goes in the salt, as a hash).
 */
export function deriveWrappingKey(
  sharedSecret: Buffer,
  binding: {
    grantingNodeId: string;
    joiningNodeId: string;
    clusterId: string;
    domainId: string;
    joinerEcdhPublicKey: Buffer;
    granterEcdhPublicKey: Buffer;
  },
): Buffer {
  const salt = createHash('sha256')
    .update(canonicalJson({ purpose: KDF_PURPOSE, ...binding }))
    .digest();
  return Buffer.from(hkdfSync('sha256', sharedSecret, salt, KDF_INFO, 32));
}
