import type { HsmCluster, KeyHandle } from '@hsmlab/client';
import { MESSAGE, plaintextOf, type CryptoCase, type Prepared, type Target } from './crypto-cases';
import type { HsmProcess } from './hsm-process';
import type { Lab } from './lab';

/** REPLICATION_SETTLE_MS lets a new key reach every node before it is used. */
const REPLICATION_SETTLE_MS = 300;

/** SdkTarget is hsmlab through the SDK to some of a lab's nodes. */
export class SdkTarget implements Target {
  private keys: Partial<Record<'ec' | 'ed25519' | 'rsa' | 'aes' | 'hmac', KeyHandle>> = {};

  private constructor(
    readonly id: string,
    readonly label: string,
    readonly sdk: HsmCluster,
    private readonly nodes: readonly HsmProcess[],
  ) {}

  static async open(lab: Lab, nodes: readonly HsmProcess[], id: string): Promise<SdkTarget> {
    const sdk = await lab.connect(nodes);
    const count = nodes.length;
    return new SdkTarget(id, `hsmlab SDK → ${count} node${count === 1 ? '' : 's'}`, sdk, nodes);
  }

  async prepare(c: CryptoCase): Promise<Prepared> {
    const sdk = this.sdk;
    const op = await (async (): Promise<() => Promise<unknown>> => {
      switch (c) {
        case 'ecdsa-p256-sign': {
          const key = await this.key('ec');
          return () => sdk.crypto.sign(key, 'ecdsa-sha256', MESSAGE);
        }
        case 'ed25519-sign': {
          const key = await this.key('ed25519');
          return () => sdk.crypto.sign(key, 'ed25519', MESSAGE);
        }
        case 'rsa2048-sign': {
          const key = await this.key('rsa');
          return () => sdk.crypto.sign(key, 'rsa-pkcs1-sha256', MESSAGE);
        }
        case 'aes-gcm-32':
        case 'aes-gcm-4k': {
          const key = await this.key('aes');
          const plaintext = plaintextOf(c);
          return () => sdk.crypto.encrypt(key, 'aes-gcm', plaintext);
        }
        case 'hmac-sha256': {
          const key = await this.key('hmac');
          return () => sdk.crypto.sign(key, 'hmac-sha256', MESSAGE);
        }
        case 'aes256-keygen':
          return () => sdk.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
        case 'ec-p256-keygen':
          return () => sdk.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256' });
      }
    })();
    return { kind: 'async', makeOp: () => op };
  }

  pids(): number[] {
    return this.nodes.map((node) => node.pid);
  }

  async close(): Promise<void> {
    await this.sdk.close();
  }

  private async key(kind: 'ec' | 'ed25519' | 'rsa' | 'aes' | 'hmac'): Promise<KeyHandle> {
    const cached = this.keys[kind];
    if (cached) return cached;
    const key = await (async () => {
      switch (kind) {
        case 'ec':
          return (await this.sdk.keys.generateKeyPair({ keyType: 'ec', curve: 'P-256' }))
            .privateKey;
        case 'ed25519':
          return (await this.sdk.keys.generateKeyPair({ keyType: 'ed25519' })).privateKey;
        case 'rsa':
          return (await this.sdk.keys.generateKeyPair({ keyType: 'rsa', modulusBits: 2048 }))
            .privateKey;
        case 'aes':
          return this.sdk.keys.generateSymmetricKey({ keyType: 'aes', sizeBits: 256 });
        case 'hmac':
          return this.sdk.keys.generateSymmetricKey({ keyType: 'generic-secret', sizeBits: 256 });
      }
    })();
    this.keys[kind] = key;
    await new Promise((resolve) => setTimeout(resolve, REPLICATION_SETTLE_MS));
    return key;
  }
}
