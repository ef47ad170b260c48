import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { CertificateAndKey } from './certificate-authority';
import {
  generateP256KeyPair,
  isP256Key,
  issueCertificate,
  splitCertificates,
} from './certificate-authority';
import { AttestationError } from './errors';
import { x509 } from './x509-provider';

/**
 * NODE_IDENTITY_OU marks a certificate as an HSM node identity. With the CN
 * (the node id), it is what verifyIdentityChain looks for besides the
 * manufacturer's signature.
 */
export const NODE_IDENTITY_OU = 'hsmlab node identity';

/** DEFAULT_NODE_IDENTITY_VALID_DAYS is about ten years, like a device certificate. */
export const DEFAULT_NODE_IDENTITY_VALID_DAYS = 3650;

const MAX_NODE_ID_CHARS = 128;

/** NodeIdentity is a node's identity certificate and key. */
export interface NodeIdentity {
  /** The identity certificate alone. */
  certPem: string;
  /** The identity certificate, then the manufacturer CA's: what a node shows. */
  chainPem: string;
  /** The P-256 identity key, PKCS#8 DER. It never leaves the node. */
  keyPkcs8Der: Buffer;
}

/**
 * IdentityKey is a node identity's private key: a parsed KeyObject (what a
 * running node keeps) or anything holding its PKCS#8 DER (a NodeIdentity).
 */
export type IdentityKey = KeyObject | { readonly keyPkcs8Der: Buffer };

export interface IssueNodeIdentityOptions {
  nodeId: string;
  manufacturerCa: CertificateAndKey;
  /** @default DEFAULT_NODE_IDENTITY_VALID_DAYS */
  validDays?: number;
  /** The issue time; the default is now. */
  nowMs?: number;
}

/**
 * issueNodeIdentity makes a fresh P-256 identity key for nodeId and has the
 * manufacturer CA certify it. Only a holder of the manufacturer key (an HSM
 * node, or the lab set-up on its behalf) can call it.
 */
export async function issueNodeIdentity(options: IssueNodeIdentityOptions): Promise<NodeIdentity> {
  const { nodeId } = options;
  if (nodeId.length === 0 || nodeId.length > MAX_NODE_ID_CHARS || /[\p{Cc}]/u.test(nodeId)) {
    throw new TypeError(`nodeId must be 1 to ${MAX_NODE_ID_CHARS} printable characters`);
  }
  const { privateKey, publicKey } = generateP256KeyPair();
  const certPem = await issueCertificate({
    ca: options.manufacturerCa,
    subject: [{ CN: [nodeId] }, { OU: [NODE_IDENTITY_OU] }, { O: ['hsmlab'] }],
    publicKey,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
    validDays: options.validDays ?? DEFAULT_NODE_IDENTITY_VALID_DAYS,
    nowMs: options.nowMs,
  });
  return {
    certPem,
    chainPem: certPem + options.manufacturerCa.certPem,
    keyPkcs8Der: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** identityPrivateKey returns identity as a KeyObject, parsing it if needed. */
export function identityPrivateKey(identity: IdentityKey): KeyObject {
  if ('keyPkcs8Der' in identity) {
    return createPrivateKey({ key: identity.keyPkcs8Der, format: 'der', type: 'pkcs8' });
  }
  return identity;
}

function parseCertificate(pem: string): {
  cert: X509Certificate;
  parsed: InstanceType<typeof x509.X509Certificate>;
} {
  return { cert: new X509Certificate(pem), parsed: new x509.X509Certificate(pem) };
}

/**
 * verifyIdentityChain checks a node's identity chain (leaf first) against the
 * manufacturer CA certificate this node trusts, and returns the leaf's
 * public key. The CA is always the local copy: any CA certificate in the
 * chain itself is ignored, so showing a look-alike CA gains nothing.
 *
 * It throws AttestationError when the leaf is not signed by the manufacturer
 * CA, is outside its validity (or the CA is), is not a node identity (a CA
 * certificate, no node identity mark, a key other than P-256), or names
 * another node than expectedNodeId.
 */
export function verifyIdentityChain(
  chainPem: string,
  manufacturerCaCertPem: string,
  expectedNodeId?: string,
  nowMs: number = Date.now(),
): KeyObject {
  const ca = parseCertificate(manufacturerCaCertPem);
  const [leafPem] = splitCertificates(typeof chainPem === 'string' ? chainPem : '');
  if (leafPem === undefined) throw new AttestationError('malformed chain', 'no certificate');
  let leaf: ReturnType<typeof parseCertificate>;
  try {
    leaf = parseCertificate(leafPem);
  } catch (err) {
    throw new AttestationError('malformed chain', 'the leaf does not parse', undefined, {
      cause: err,
    });
  }
  const claimedNodeId = leaf.parsed.subjectName.getField('CN')[0];

  // Authenticity first: the dates and names of an unauthenticated
  // certificate mean nothing.
  if (!leaf.cert.checkIssued(ca.cert) || !leaf.cert.verify(ca.cert.publicKey)) {
    throw new AttestationError('not issued by the manufacturer CA', undefined, claimedNodeId);
  }
  for (const [what, c] of [
    ['identity certificate', leaf.parsed],
    ['manufacturer CA certificate', ca.parsed],
  ] as const) {
    if (nowMs < c.notBefore.getTime()) {
      throw new AttestationError(
        'not yet valid',
        `${what} starts ${c.notBefore.toISOString()}`,
        claimedNodeId,
      );
    }
    if (nowMs > c.notAfter.getTime()) {
      throw new AttestationError(
        'expired',
        `${what} ended ${c.notAfter.toISOString()}`,
        claimedNodeId,
      );
    }
  }
  const names = leaf.parsed.subjectName;
  if (
    leaf.cert.ca ||
    names.getField('CN').length !== 1 ||
    !names.getField('OU').includes(NODE_IDENTITY_OU) ||
    !isP256Key(leaf.cert.publicKey)
  ) {
    throw new AttestationError('not a node identity', undefined, claimedNodeId);
  }
  if (expectedNodeId !== undefined && claimedNodeId !== expectedNodeId) {
    throw new AttestationError(
      'node id mismatch',
      `expected ${JSON.stringify(expectedNodeId)}, got ${JSON.stringify(claimedNodeId)}`,
      claimedNodeId,
    );
  }
  return leaf.cert.publicKey;
}
