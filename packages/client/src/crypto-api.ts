import type { CallOptions, ClusterCore } from './cluster-core';
import { HsmError } from './errors';
import { handleOf, type KeyRef } from './key-handle';
import {
  DIGEST_ALGORITHMS,
  MECHANISMS,
  SIGNATURE_FORMATS,
  type DigestAlgorithm,
  type Mechanism,
  type SignatureFormat,
} from './wire-enums';

/** Bytes is what crypto calls accept as data: bytes, or a string sent as UTF-8. */
export type Bytes = Uint8Array | string;

export interface SignOptions extends CallOptions {
  /** ECDSA signature encoding. @default 'der' */
  format?: SignatureFormat;
  /** RSA-PSS salt length in bytes. @default the hash length */
  saltLength?: number;
}

export interface EncryptOptions extends CallOptions {
  /** CBC and CTR: 16 bytes, or absent to let the node choose. GCM: must be absent. */
  iv?: Uint8Array;
  /** GCM additional data; OAEP label. */
  aad?: Bytes;
}

/** Ciphertext is what encrypt returns: keep all three for decrypt. */
export interface Ciphertext {
  readonly ciphertext: Buffer;
  /** The IV used (GCM: the node's fresh 12-byte IV). */
  readonly iv: Buffer;
  /** GCM tag (16 bytes); empty for other mechanisms. */
  readonly tag: Buffer;
}

export interface DecryptInput {
  ciphertext: Uint8Array;
  iv?: Uint8Array;
  aad?: Bytes;
  tag?: Uint8Array;
}

function bytes(value: Bytes | undefined): Buffer {
  if (value === undefined) return Buffer.alloc(0);
  return typeof value === 'string'
    ? Buffer.from(value, 'utf8')
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/**
 * CryptoApi runs crypto on the cluster's hot path: every call is a message on
 * the long-lived crypto stream of the least-loaded node, and is retried on
 * another node when that node fails, is slow, is busy or lacks the key yet.
 */
export class CryptoApi {
  constructor(private readonly core: ClusterCore) {}

  async sign(
    key: KeyRef,
    mechanism: Mechanism,
    data: Bytes,
    options: SignOptions = {},
  ): Promise<Buffer> {
    const handle = handleOf(key);
    const result = await this.core.crypto(
      { operation: 'sign', handle },
      {
        sign: {
          key: handle,
          mechanism: MECHANISMS.toWire(mechanism, 'mechanism'),
          data: bytes(data),
          format: SIGNATURE_FORMATS.toWire(options.format ?? 'der', 'format'),
          saltLength: options.saltLength ?? 0,
        },
      },
      options,
    );
    return expect(result.sign, 'sign').signature;
  }

  async verify(
    key: KeyRef,
    mechanism: Mechanism,
    data: Bytes,
    signature: Uint8Array,
    options: SignOptions = {},
  ): Promise<boolean> {
    const handle = handleOf(key);
    const result = await this.core.crypto(
      { operation: 'verify', handle },
      {
        verify: {
          key: handle,
          mechanism: MECHANISMS.toWire(mechanism, 'mechanism'),
          data: bytes(data),
          signature: bytes(signature),
          format: SIGNATURE_FORMATS.toWire(options.format ?? 'der', 'format'),
          saltLength: options.saltLength ?? 0,
        },
      },
      options,
    );
    return expect(result.verify, 'verify').valid;
  }

  async encrypt(
    key: KeyRef,
    mechanism: Mechanism,
    plaintext: Bytes,
    options: EncryptOptions = {},
  ): Promise<Ciphertext> {
    const handle = handleOf(key);
    const result = await this.core.crypto(
      { operation: 'encrypt', handle },
      {
        encrypt: {
          key: handle,
          mechanism: MECHANISMS.toWire(mechanism, 'mechanism'),
          plaintext: bytes(plaintext),
          iv: bytes(options.iv),
          aad: bytes(options.aad),
        },
      },
      options,
    );
    const reply = expect(result.encrypt, 'encrypt');
    return { ciphertext: reply.ciphertext, iv: reply.iv, tag: reply.tag };
  }

  async decrypt(
    key: KeyRef,
    mechanism: Mechanism,
    input: DecryptInput,
    options: CallOptions = {},
  ): Promise<Buffer> {
    const handle = handleOf(key);
    const result = await this.core.crypto(
      { operation: 'decrypt', handle },
      {
        decrypt: {
          key: handle,
          mechanism: MECHANISMS.toWire(mechanism, 'mechanism'),
          ciphertext: bytes(input.ciphertext),
          iv: bytes(input.iv),
          aad: bytes(input.aad),
          tag: bytes(input.tag),
        },
      },
      options,
    );
    return expect(result.decrypt, 'decrypt').plaintext;
  }

  async digest(
    algorithm: DigestAlgorithm,
    data: Bytes,
    options: CallOptions = {},
  ): Promise<Buffer> {
    const result = await this.core.crypto(
      { operation: 'digest' },
      {
        digest: { algorithm: DIGEST_ALGORITHMS.toWire(algorithm, 'algorithm'), data: bytes(data) },
      },
      options,
    );
    return expect(result.digest, 'digest').digest;
  }

  /** generateRandom returns `length` random bytes (1 to 65536) from a node's generator. */
  async generateRandom(length: number, options: CallOptions = {}): Promise<Buffer> {
    const result = await this.core.crypto(
      { operation: 'generateRandom' },
      { random: { length } },
      options,
    );
    return expect(result.random, 'generateRandom').data;
  }
}

function expect<T>(value: T | null | undefined, operation: string): T {
  if (value === null || value === undefined) {
    throw new HsmError(`${operation}: the node answered OK without a ${operation} result`);
  }
  return value;
}
