import type { Op } from './load-loop';

/** CryptoCase is one row of the crypto table. */
export type CryptoCase =
  | 'ecdsa-p256-sign'
  | 'ed25519-sign'
  | 'rsa2048-sign'
  | 'aes-gcm-32'
  | 'aes-gcm-4k'
  | 'hmac-sha256'
  | 'aes256-keygen'
  | 'ec-p256-keygen';

export const CRYPTO_CASES: readonly { id: CryptoCase; label: string }[] = [
  { id: 'ecdsa-p256-sign', label: 'ECDSA P-256 sign (SHA-256)' },
  { id: 'ed25519-sign', label: 'Ed25519 sign' },
  { id: 'rsa2048-sign', label: 'RSA-2048 sign (PKCS#1 v1.5, SHA-256)' },
  { id: 'aes-gcm-32', label: 'AES-256-GCM encrypt, 32 B' },
  { id: 'aes-gcm-4k', label: 'AES-256-GCM encrypt, 4 KiB' },
  { id: 'hmac-sha256', label: 'HMAC-SHA256, 32 B' },
  { id: 'aes256-keygen', label: 'AES-256 key generation' },
  { id: 'ec-p256-keygen', label: 'EC P-256 key pair generation' },
];

/** MESSAGE is the data signed and MACed: 32 bytes, the size of a digest. */
export const MESSAGE = Buffer.alloc(32, 0x5a);
/** PLAINTEXT_4K is the large AES-GCM payload. */
export const PLAINTEXT_4K = Buffer.alloc(4096, 0xa5);

/** plaintextOf is the encrypt input of an AES-GCM case. */
export function plaintextOf(c: CryptoCase): Buffer {
  return c === 'aes-gcm-4k' ? PLAINTEXT_4K : MESSAGE;
}

/**
 * Prepared is how a target runs one case: an async call (measured with many
 * in flight), a synchronous function (measured on this thread alone), or not
 * at all, with the reason.
 */
export type Prepared =
  | { kind: 'async'; makeOp: (worker: number) => Op }
  | { kind: 'sync'; fn: () => unknown }
  | { kind: 'unsupported'; reason: string };

/** Target is one implementation the crypto table compares. */
export interface Target {
  readonly id: string;
  readonly label: string;
  prepare(c: CryptoCase): Promise<Prepared>;
  /** Processes besides this one that do the work (their CPU time is reported). */
  pids(): number[];
  close(): Promise<void>;
}
