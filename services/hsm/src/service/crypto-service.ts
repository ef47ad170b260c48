import { randomBytes } from 'node:crypto';
import {
  decrypt,
  digest,
  encrypt,
  requireAttribute,
  planSign,
  verify,
  type DigestAlgorithm,
  type Mechanism,
  type SignatureFormat,
} from '../crypto';
import type { KeyBody } from '../model';
import { BadRequestError, PermissionDeniedError } from '../errors';
import type { NodeContext } from './node-context';
import type { Session } from './sessions';
import { requireCryptoUser } from './user-service';
import { resolveKey } from './key-access';
import type { OperationClass } from './capacity-profile';

/** MAX_RANDOM_BYTES caps one GenerateRandom call. */
export const MAX_RANDOM_BYTES = 65_536;

export interface SignInput {
  key: string;
  mechanism: Mechanism;
  data: Buffer;
  format: SignatureFormat;
  saltLength: number;
}
export interface VerifyInput extends SignInput {
  signature: Buffer;
}
export interface EncryptInput {
  key: string;
  mechanism: Mechanism;
  plaintext: Buffer;
  iv: Buffer;
  aad: Buffer;
}
export interface DecryptInput {
  key: string;
  mechanism: Mechanism;
  ciphertext: Buffer;
  iv: Buffer;
  aad: Buffer;
  tag: Buffer;
}

function signClass(body: KeyBody): OperationClass {
  if (body.keyType === 'rsa') return 'rsa-sign';
  if (body.keyType === 'ec' || body.keyType === 'ed25519') return 'ec-sign';
  return 'symmetric';
}

function cipherClass(body: KeyBody): OperationClass {
  return body.keyType === 'rsa' ? 'rsa-sign' : 'symmetric';
}

/** MaybePromise is a value now, or later when the operation had to wait for capacity. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * CryptoService runs crypto operations with the caller's keys. It is the one
 * path for both the unary RPCs and the crypto stream: same checks, same
 * limits, same errors. Keys are used in their cached parsed form.
 *
 * NB: the operations return their result directly when the capacity profile
 * lets them run at once (always, without a profile), and a promise only when
 * they must wait for a slot. A check that fails throws synchronously. This
 * keeps promise and microtask overhead off the crypto stream's hot path.
 */
export class CryptoService {
  constructor(private readonly ctx: NodeContext) {}

  sign(session: Session, input: SignInput): MaybePromise<Buffer> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'sign');
    const loaded = key.loaded();
    const plan = planSign(loaded, input.mechanism, {
      format: input.format,
      saltLength: input.saltLength,
    });
    return this.whenAllowed(signClass(key.body), () =>
      this.ctx.signPool.sign(loaded, plan, input.data),
    );
  }

  verify(session: Session, input: VerifyInput): MaybePromise<boolean> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'verify');
    const options = { format: input.format, saltLength: input.saltLength };
    return this.whenAllowed(signClass(key.body), () =>
      verify(key.loaded(), input.mechanism, input.data, input.signature, options),
    );
  }

  encrypt(
    session: Session,
    input: EncryptInput,
  ): MaybePromise<{ ciphertext: Buffer; iv: Buffer; tag: Buffer }> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'encrypt');
    const options = { iv: input.iv, aad: input.aad };
    return this.whenAllowed(cipherClass(key.body), () =>
      encrypt(key.loaded(), input.mechanism, input.plaintext, options),
    );
  }

  decrypt(session: Session, input: DecryptInput): MaybePromise<Buffer> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'decrypt');
    const options = { iv: input.iv, aad: input.aad, tag: input.tag };
    return this.whenAllowed(cipherClass(key.body), () =>
      decrypt(key.loaded(), input.mechanism, input.ciphertext, options),
    );
  }

  digest(session: Session, algorithm: DigestAlgorithm, data: Buffer): Buffer {
    if (session.role === 'appliance')
      throw new PermissionDeniedError('the appliance user cannot run crypto');
    return digest(algorithm, data);
  }

  random(session: Session, length: number): Buffer {
    if (session.role === 'appliance')
      throw new PermissionDeniedError('the appliance user cannot run crypto');
    if (!Number.isInteger(length) || length < 1 || length > MAX_RANDOM_BYTES) {
      throw new BadRequestError(`length must be 1 to ${MAX_RANDOM_BYTES} bytes`);
    }
    return randomBytes(length);
  }

  /** whenAllowed runs `operation` now, or after the wait the capacity profile asks for. */
  private whenAllowed<T>(op: OperationClass, operation: () => MaybePromise<T>): MaybePromise<T> {
    const waitMs = this.ctx.limiter.reserve(op);
    if (waitMs < 1) return operation();
    return new Promise<void>((resolve) => setTimeout(resolve, waitMs)).then(operation);
  }
}
