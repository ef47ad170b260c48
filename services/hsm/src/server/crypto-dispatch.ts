import type { hsmV1 } from '@hsmlab/proto';
import type { NodeServices } from '../service/node-services';
import type { MaybePromise } from '../service/crypto-service';
import type { Session } from '../service/sessions';
import { BadRequestError } from '../errors';
import { digestAlgorithmFrom, mechanismFrom, signatureFormatFrom } from './mechanisms';

/** CryptoOp names the crypto operations of the unary API and the stream alike. */
export type CryptoOp = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'digest' | 'random';

export interface CryptoReplies {
  sign: hsmV1.SignResponse;
  verify: hsmV1.VerifyResponse;
  encrypt: hsmV1.EncryptResponse;
  decrypt: hsmV1.DecryptResponse;
  digest: hsmV1.DigestResponse;
  random: hsmV1.GenerateRandomResponse;
}

export interface CryptoRequests {
  sign: hsmV1.SignRequest__Output;
  verify: hsmV1.VerifyRequest__Output;
  encrypt: hsmV1.EncryptRequest__Output;
  decrypt: hsmV1.DecryptRequest__Output;
  digest: hsmV1.DigestRequest__Output;
  random: hsmV1.GenerateRandomRequest__Output;
}

/** then applies `map` to a value now, or when a promised value arrives. */
function then<T, U>(value: MaybePromise<T>, map: (value: T) => U): MaybePromise<U> {
  return value instanceof Promise ? value.then(map) : map(value);
}

/**
 * runCrypto runs one crypto operation for a session. The unary handlers and
 * the crypto stream both come here, so both get the same checks and errors.
 * Like CryptoService it answers synchronously unless the operation had to
 * wait for capacity; a refused request throws synchronously.
 */
export function runCrypto<K extends CryptoOp>(
  s: NodeServices,
  session: Session,
  op: K,
  req: CryptoRequests[K],
): MaybePromise<CryptoReplies[K]> {
  switch (op) {
    case 'sign': {
      const r = req as hsmV1.SignRequest__Output;
      const signature = s.crypto.sign(session, {
        key: r.key,
        mechanism: mechanismFrom(r.mechanism),
        data: r.data,
        format: signatureFormatFrom(r.format),
        saltLength: r.saltLength,
      });
      return then(signature, (value) => ({ signature: value }) as CryptoReplies[K]);
    }
    case 'verify': {
      const r = req as hsmV1.VerifyRequest__Output;
      const valid = s.crypto.verify(session, {
        key: r.key,
        mechanism: mechanismFrom(r.mechanism),
        data: r.data,
        signature: r.signature,
        format: signatureFormatFrom(r.format),
        saltLength: r.saltLength,
      });
      return then(valid, (value) => ({ valid: value }) as CryptoReplies[K]);
    }
    case 'encrypt': {
      const r = req as hsmV1.EncryptRequest__Output;
      const out = s.crypto.encrypt(session, {
        key: r.key,
        mechanism: mechanismFrom(r.mechanism),
        plaintext: r.plaintext,
        iv: r.iv,
        aad: r.aad,
      });
      return out as MaybePromise<CryptoReplies[K]>;
    }
    case 'decrypt': {
      const r = req as hsmV1.DecryptRequest__Output;
      const plaintext = s.crypto.decrypt(session, {
        key: r.key,
        mechanism: mechanismFrom(r.mechanism),
        ciphertext: r.ciphertext,
        iv: r.iv,
        aad: r.aad,
        tag: r.tag,
      });
      return then(plaintext, (value) => ({ plaintext: value }) as CryptoReplies[K]);
    }
    case 'digest': {
      const r = req as hsmV1.DigestRequest__Output;
      return {
        digest: s.crypto.digest(session, digestAlgorithmFrom(r.algorithm), r.data),
      } as CryptoReplies[K];
    }
    case 'random': {
      const r = req as hsmV1.GenerateRandomRequest__Output;
      return { data: s.crypto.random(session, r.length) } as CryptoReplies[K];
    }
    default:
      throw new BadRequestError(`unknown crypto operation ${String(op)}`);
  }
}
