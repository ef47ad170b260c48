import { createPublicKey, diffieHellman } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { aeadOpen, aeadSeal } from '../masking/aead';
import { MASKING_KEY_BYTES, assertMaskingKey } from '../masking/masking-key';
import { generateP256KeyPair } from './certificate-authority';
import { AttestationError } from './errors';
import { signAsIdentity, verifyIdentitySignature } from './identity-signature';
import type { JoinGrantValue, JoinRequestValue } from './join-messages';
import {
  deriveWrappingKey,
  grantPayload,
  parseEcdhPublicKey,
  requestPayload,
  spkiDer,
  wrapAad,
} from './join-messages';
import type { IdentityKey } from './node-identity';
import { verifyIdentityChain } from './node-identity';

/**
 * Attested join: how a new node gets the cluster's masking key while the
 * orchestrator, which carries every message, learns nothing.
 *
 * 1. The joiner makes a fresh ECDH key and signs it, with its node id, the
 *    cluster id and the time, under its identity key (createJoinRequest).
 * 2. An active node checks the joiner's chain against the manufacturer CA,
 *    the signature and the age; then it makes its own ephemeral ECDH key,
 *    derives a wrapping key from the shared secret and wraps the masking key
 *    under it, and signs the grant with its identity key (grantJoin).
 * 3. The joiner checks the granter's chain and signature, derives the same
 *    wrapping key and unwraps (completeJoin).
 *
 * A man in the middle that swaps the ECDH key breaks the request signature;
 * a grant replayed from an earlier join was made for another ECDH key, which
 * the grant signature covers.
 */

const q = (s: string): string => JSON.stringify(s);

/** DEFAULT_JOIN_REQUEST_MAX_AGE_MS is how old (or how far ahead) a join request may be. */
export const DEFAULT_JOIN_REQUEST_MAX_AGE_MS = 5 * 60_000;

export interface CreateJoinRequestOptions {
  nodeId: string;
  clusterId: string;
  /** The joiner's identity key. */
  identity: IdentityKey;
  /** The joiner's identity chain: its certificate, then the manufacturer CA's. */
  chainPem: string;
  nowMs: number;
}

/**
 * createJoinRequest makes the joiner's half of a join. ecdhPrivateKey must be
 * kept (in memory only) until the grant comes back, and used for one join.
 */
export function createJoinRequest(options: CreateJoinRequestOptions): {
  request: JoinRequestValue;
  ecdhPrivateKey: KeyObject;
} {
  const ecdh = generateP256KeyPair();
  const unsigned = {
    nodeId: options.nodeId,
    clusterId: options.clusterId,
    identityChainPem: options.chainPem,
    ecdhPublicKey: spkiDer(ecdh.publicKey),
    issuedAtMs: options.nowMs,
  };
  const signature = signAsIdentity(options.identity, requestPayload(unsigned));
  return { request: { ...unsigned, signature }, ecdhPrivateKey: ecdh.privateKey };
}

function isJoinRequestShape(r: JoinRequestValue): boolean {
  return (
    r !== null &&
    typeof r === 'object' &&
    typeof r.nodeId === 'string' &&
    r.nodeId.length > 0 &&
    typeof r.clusterId === 'string' &&
    typeof r.identityChainPem === 'string' &&
    Buffer.isBuffer(r.ecdhPublicKey) &&
    Number.isSafeInteger(r.issuedAtMs) &&
    Buffer.isBuffer(r.signature)
  );
}

export interface GrantJoinOptions {
  request: JoinRequestValue;
  /** The granter's cluster: a request for any other is refused. */
  clusterId: string;
  manufacturerCaCertPem: string;
  granter: { nodeId: string; identity: IdentityKey; chainPem: string };
  maskingKey: Buffer;
  domainId: string;
  nowMs: number;
  /** @default DEFAULT_JOIN_REQUEST_MAX_AGE_MS */
  maxAgeMs?: number;
}

/**
 * grantJoin is the active node's half of a join: it checks the request and
 * wraps the masking key for the joiner's ECDH key. It throws
 * AttestationError for a request from another cluster, with a chain the
 * manufacturer CA did not issue for that node id, with a bad signature, or
 * older (or further ahead) than maxAgeMs.
 */
export function grantJoin(options: GrantJoinOptions): JoinGrantValue {
  const { request, granter } = options;
  assertMaskingKey(options.maskingKey);
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_JOIN_REQUEST_MAX_AGE_MS;

  if (!isJoinRequestShape(request)) throw new AttestationError('malformed', 'join request');
  if (request.clusterId !== options.clusterId) {
    throw new AttestationError(
      'wrong cluster',
      `request is for ${q(request.clusterId)}, this node is in ${q(options.clusterId)}`,
      request.nodeId,
    );
  }
  const joinerIdentityKey = verifyIdentityChain(
    request.identityChainPem,
    options.manufacturerCaCertPem,
    request.nodeId,
    options.nowMs,
  );
  if (!verifyIdentitySignature(joinerIdentityKey, requestPayload(request), request.signature)) {
    throw new AttestationError('bad signature', 'join request', request.nodeId);
  }
  if (Math.abs(options.nowMs - request.issuedAtMs) > maxAgeMs) {
    throw new AttestationError(
      'stale request',
      `issued ${options.nowMs - request.issuedAtMs} ms ago, limit ${maxAgeMs} ms`,
      request.nodeId,
    );
  }
  const joinerEcdhKey = parseEcdhPublicKey(request.ecdhPublicKey, "the joiner's");

  const ephemeral = generateP256KeyPair();
  const granterEcdhPublicKey = spkiDer(ephemeral.publicKey);
  const sharedSecret = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: joinerEcdhKey,
  });
  const wrappingKey = deriveWrappingKey(sharedSecret, {
    grantingNodeId: granter.nodeId,
    joiningNodeId: request.nodeId,
    clusterId: request.clusterId,
    domainId: options.domainId,
    joinerEcdhPublicKey: request.ecdhPublicKey,
    granterEcdhPublicKey,
  });
  sharedSecret.fill(0);

  const bound = {
    joiningNodeId: request.nodeId,
    clusterId: request.clusterId,
    domainId: options.domainId,
    ecdhPublicKey: granterEcdhPublicKey,
  };
  const wrappedMaskingKey = aeadSeal(wrappingKey, options.maskingKey, wrapAad(bound));
  wrappingKey.fill(0);
  const unsigned: Omit<JoinGrantValue, 'signature'> = {
    grantingNodeId: granter.nodeId,
    ...bound,
    wrappedMaskingKey,
    grantingChainPem: granter.chainPem,
  };
  const signature = signAsIdentity(granter.identity, grantPayload(unsigned, request.ecdhPublicKey));
  return { ...unsigned, signature };
}

function isJoinGrantShape(g: JoinGrantValue): boolean {
  return (
    g !== null &&
    typeof g === 'object' &&
    typeof g.grantingNodeId === 'string' &&
    g.grantingNodeId.length > 0 &&
    typeof g.joiningNodeId === 'string' &&
    typeof g.clusterId === 'string' &&
    typeof g.domainId === 'string' &&
    g.domainId.length > 0 &&
    Buffer.isBuffer(g.ecdhPublicKey) &&
    Buffer.isBuffer(g.wrappedMaskingKey) &&
    typeof g.grantingChainPem === 'string' &&
    Buffer.isBuffer(g.signature)
  );
}

export interface CompleteJoinOptions {
  grant: JoinGrantValue;
  /** The ECDH private key createJoinRequest returned for this join. */
  ecdhPrivateKey: KeyObject;
  /** Who this node is and which cluster it is joining. */
  expected: { nodeId: string; clusterId: string };
  manufacturerCaCertPem: string;
  /** The default is now. */
  nowMs?: number;
}

/**
 * completeJoin is the joiner's last step: it checks the grant and returns the
 * masking key and its domain. It throws AttestationError for a grant made for
 * another node or cluster, from a node the manufacturer CA did not certify,
 * with a bad signature (any altered field, or a grant for another request),
 * or whose wrapped key does not open.
 */
export function completeJoin(options: CompleteJoinOptions): {
  maskingKey: Buffer;
  domainId: string;
} {
  const { grant, expected } = options;
  if (!isJoinGrantShape(grant)) throw new AttestationError('malformed', 'join grant');
  if (grant.joiningNodeId !== expected.nodeId) {
    throw new AttestationError(
      'wrong node',
      `grant is for ${q(grant.joiningNodeId)}, this node is ${q(expected.nodeId)}`,
      grant.grantingNodeId,
    );
  }
  if (grant.clusterId !== expected.clusterId) {
    throw new AttestationError(
      'wrong cluster',
      `grant is for ${q(grant.clusterId)}, joining ${q(expected.clusterId)}`,
      grant.grantingNodeId,
    );
  }
  const granterIdentityKey = verifyIdentityChain(
    grant.grantingChainPem,
    options.manufacturerCaCertPem,
    grant.grantingNodeId,
    options.nowMs ?? Date.now(),
  );
  const joinerEcdhPublicKey = spkiDer(createPublicKey(options.ecdhPrivateKey));
  if (
    !verifyIdentitySignature(
      granterIdentityKey,
      grantPayload(grant, joinerEcdhPublicKey),
      grant.signature,
    )
  ) {
    throw new AttestationError('bad signature', 'join grant', grant.grantingNodeId);
  }
  const granterEcdhKey = parseEcdhPublicKey(grant.ecdhPublicKey, "the granter's");

  const sharedSecret = diffieHellman({
    privateKey: options.ecdhPrivateKey,
    publicKey: granterEcdhKey,
  });
  const wrappingKey = deriveWrappingKey(sharedSecret, {
    grantingNodeId: grant.grantingNodeId,
    joiningNodeId: grant.joiningNodeId,
    clusterId: grant.clusterId,
    domainId: grant.domainId,
    joinerEcdhPublicKey,
    granterEcdhPublicKey: grant.ecdhPublicKey,
  });
  sharedSecret.fill(0);
  const maskingKey = aeadOpen(wrappingKey, grant.wrappedMaskingKey, wrapAad(grant));
  wrappingKey.fill(0);
  if (maskingKey === undefined) {
    throw new AttestationError('altered or forged', 'wrapped masking key', grant.grantingNodeId);
  }
  if (maskingKey.length !== MASKING_KEY_BYTES) {
    throw new AttestationError('malformed', 'unwrapped masking key has the wrong size');
  }
  return { maskingKey, domainId: grant.domainId };
}
