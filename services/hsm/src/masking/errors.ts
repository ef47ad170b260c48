/**
 * MaskErrorReason says why a masked object was refused.
 *
 * - 'wrong domain': the object was sealed for another masking domain.
 * - 'malformed': a field is missing or out of range (no version, an unknown
 *   type, sealed bytes too short to hold an IV and a tag).
 * - 'altered or forged': authentication failed; some bit of the sealed bytes
 *   or of a bound field differs from what the sealing node wrote, or the
 *   blob was sealed under another masking key.
 * - 'handle/version mismatch with content': the blob authenticates, but the
 *   object inside disagrees with the outer fields.
 */
export type MaskErrorReason =
  'wrong domain' | 'malformed' | 'altered or forged' | 'handle/version mismatch with content';

/**
 * MaskError is thrown when a masked object cannot be opened. It never
 * carries plaintext; handle is the outer handle as received, for logs.
 */
export class MaskError extends Error {
  override readonly name = 'MaskError';

  constructor(
    readonly reason: MaskErrorReason,
    readonly handle: string,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(`${reason} (handle ${JSON.stringify(handle)}${detail ? `: ${detail}` : ''})`, options);
  }
}

/** isMaskError is true when err, or any error in its cause chain, is a MaskError. */
export function isMaskError(err: unknown): boolean {
  return findMaskError(err) !== undefined;
}

/** findMaskError returns the first MaskError in err's cause chain, if any. */
export function findMaskError(err: unknown): MaskError | undefined {
  let e = err;
  for (let depth = 0; e !== undefined && e !== null && depth < 16; depth += 1) {
    if (e instanceof MaskError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
