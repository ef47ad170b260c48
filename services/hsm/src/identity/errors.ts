/**
 * AttestationReason says why an identity, a join message or a backup
 * manifest was refused.
 */
export type AttestationReason =
  /** The PEM holds no certificate, or one that does not parse. */
  | 'malformed chain'
  /** The leaf was not signed by the manufacturer CA (self-signed, other CA). */
  | 'not issued by the manufacturer CA'
  /** The leaf or the CA certificate is past its notAfter. */
  | 'expired'
  /** The leaf's notBefore is still ahead. */
  | 'not yet valid'
  /** The leaf is a CA, lacks the node identity marks, or has a non-P-256 key. */
  | 'not a node identity'
  /** The leaf names another node than the one expected. */
  | 'node id mismatch'
  /** The signature does not verify under the leaf's key. */
  | 'bad signature'
  /** A join request older than allowed, or from too far in the future. */
  | 'stale request'
  /** A join message for another cluster. */
  | 'wrong cluster'
  /** A join grant made for another node. */
  | 'wrong node'
  /** A field is missing or of the wrong form (an ECDH key that is not P-256). */
  | 'malformed'
  /** A wrapped key does not open: altered bytes, or the wrong key. */
  | 'altered or forged';

/**
 * AttestationError is thrown when a node identity, a join request or grant,
 * or a backup manifest cannot be trusted. nodeId is the node the refused
 * item claims to come from, when known.
 */
export class AttestationError extends Error {
  override readonly name = 'AttestationError';

  constructor(
    readonly reason: AttestationReason,
    detail?: string,
    readonly nodeId?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${reason}: ${detail}` : reason, options);
  }
}

/** findAttestationError returns the first AttestationError in err's cause chain. */
export function findAttestationError(err: unknown): AttestationError | undefined {
  let e = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 16; depth += 1) {
    if (e instanceof AttestationError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** isAttestationError is true when err or an error in its cause chain is one. */
export function isAttestationError(err: unknown): boolean {
  return findAttestationError(err) !== undefined;
}
