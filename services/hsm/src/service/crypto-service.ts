import { randomBytes } from 'node:crypto';
import {
  decrypt,
  digest,
  encrypt,
  requireAttribute,
  sign,
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

/**
 * CryptoService runs crypto operations with the caller's keys. It is the one
 * path for both the unary RPCs and the crypto stream: same checks, same
 * limits, same errors. Keys are used in their cached parsed form.
 */
export class CryptoService {
  constructor(private readonly ctx: NodeContext) {}

  async sign(session: Session, input: SignInput): Promise<Buffer> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'sign');
    await this.ctx.limiter.acquire(signClass(key.body));
    return sign(key.loaded(), input.mechanism, input.data, {
      format: input.format,
      saltLength: input.saltLength,
    });
  }

  async verify(session: Session, input: VerifyInput): Promise<boolean> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'verify');
    await this.ctx.limiter.acquire(signClass(key.body));
    return verify(key.loaded(), input.mechanism, input.data, input.signature, {
      format: input.format,
      saltLength: input.saltLength,
    });
  }

  async encrypt(
    session: Session,
    input: EncryptInput,
  ): Promise<{ ciphertext: Buffer; iv: Buffer; tag: Buffer }> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'encrypt');
    await this.ctx.limiter.acquire(cipherClass(key.body));
    return encrypt(key.loaded(), input.mechanism, input.plaintext, {
      iv: input.iv,
      aad: input.aad,
    });
  }

  async decrypt(session: Session, input: DecryptInput): Promise<Buffer> {
    requireCryptoUser(session);
    const key = resolveKey(this.ctx, session, input.key);
    requireAttribute(key.handle, key.body, 'decrypt');
    await this.ctx.limiter.acquire(cipherClass(key.body));
    return decrypt(key.loaded(), input.mechanism, input.ciphertext, {
      iv: input.iv,
      aad: input.aad,
      tag: input.tag,
    });
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
}
