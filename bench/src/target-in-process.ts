import * as crypto from 'node:crypto';
import { promisify } from 'node:util';
import { MESSAGE, plaintextOf, type CryptoCase, type Prepared, type Target } from './crypto-cases';

const signAsync = promisify(crypto.sign);
const generateKeyAsync = promisify(crypto.generateKey);
const generateKeyPairAsync = promisify(crypto.generateKeyPair);

/** InProcessKeys are node:crypto KeyObjects made once and reused by every call. */
interface InProcessKeys {
  ec: crypto.KeyObject;
  ed25519: crypto.KeyObject;
  rsa: crypto.KeyObject;
  aes: crypto.KeyObject;
  hmac: crypto.KeyObject;
}

function makeKeys(): InProcessKeys {
  return {
    ec: crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
    ed25519: crypto.generateKeyPairSync('ed25519').privateKey,
    rsa: crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
    aes: crypto.createSecretKey(crypto.randomBytes(32)),
    hmac: crypto.createSecretKey(crypto.randomBytes(32)),
  };
}

function gcmEncrypt(key: crypto.KeyObject, plaintext: Buffer): Buffer {
  const cipher = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  const out = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  cipher.getAuthTag();
  return out;
}

/**
 * InProcessSyncTarget is node:crypto on this thread with cached KeyObjects:
 * one core's limit, the figure the design brief quotes.
 */
export class InProcessSyncTarget implements Target {
  readonly id = 'inproc';
  readonly label = 'node:crypto in-process (1 core, sync)';
  private readonly keys = makeKeys();

  async prepare(c: CryptoCase): Promise<Prepared> {
    const k = this.keys;
    const fn = ((): (() => unknown) => {
      switch (c) {
        case 'ecdsa-p256-sign':
          return () => crypto.sign('sha256', MESSAGE, k.ec);
        case 'ed25519-sign':
          return () => crypto.sign(null, MESSAGE, k.ed25519);
        case 'rsa2048-sign':
          return () => crypto.sign('sha256', MESSAGE, k.rsa);
        case 'aes-gcm-32':
        case 'aes-gcm-4k': {
          const plaintext = plaintextOf(c);
          return () => gcmEncrypt(k.aes, plaintext);
        }
        case 'hmac-sha256':
          return () => crypto.createHmac('sha256', k.hmac).update(MESSAGE).digest();
        case 'aes256-keygen':
          return () => crypto.generateKeySync('aes', { length: 256 });
        case 'ec-p256-keygen':
          return () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
      }
    })();
    return { kind: 'sync', fn };
  }

  pids(): number[] {
    return [];
  }

  async close(): Promise<void> {}
}

/**
 * InProcessPoolTarget is node:crypto's callback forms, which run on libuv's
 * thread pool: what one process gets from both cores. Only signing and key
 * generation have such forms.
 */
export class InProcessPoolTarget implements Target {
  readonly id = 'inproc-pool';
  readonly label = 'node:crypto in-process (thread pool, async)';
  private readonly keys = makeKeys();

  async prepare(c: CryptoCase): Promise<Prepared> {
    const k = this.keys;
    const op = ((): (() => Promise<unknown>) | undefined => {
      switch (c) {
        case 'ecdsa-p256-sign':
          return () => signAsync('sha256', MESSAGE, k.ec);
        case 'ed25519-sign':
          return () => signAsync(null, MESSAGE, k.ed25519);
        case 'rsa2048-sign':
          return () => signAsync('sha256', MESSAGE, k.rsa);
        case 'aes256-keygen':
          return () => generateKeyAsync('aes', { length: 256 });
        case 'ec-p256-keygen':
          return () => generateKeyPairAsync('ec', { namedCurve: 'P-256' });
        default:
          return undefined;
      }
    })();
    if (op === undefined) return { kind: 'unsupported', reason: 'no async form in node:crypto' };
    return { kind: 'async', makeOp: () => op };
  }

  pids(): number[] {
    return [];
  }

  async close(): Promise<void> {}
}
