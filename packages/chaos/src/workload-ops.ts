import type { HsmCluster } from '@hsmlab/client';
import {
  PUBLIC_SUFFIX,
  type CreateInput,
  type CreateOutput,
  type EncryptInput,
  type EncryptOutput,
  type KeyInput,
  type ReadOutput,
  type SignInput,
  type SignOutput,
} from './workload-types';

/**
 * The workload's operations, one SDK call each, from a recorded input to a
 * recorded output. Inputs and outputs are plain JSON (hex for bytes) so a
 * History can be printed, saved and checked later.
 */

/** createKey makes the key a create describes: an imported canary, an AES key or an EC pair. */
export async function createKey(sdk: HsmCluster, input: CreateInput): Promise<CreateOutput> {
  const call = { clientRequestId: input.clientRequestId };
  const aesAttributes = { label: input.label, encrypt: true, decrypt: true };
  if (input.canaryHex !== undefined) {
    const material = Buffer.from(input.canaryHex, 'hex');
    const key = await sdk.keys.importKey(
      { format: 'raw', material, keyType: 'aes', attributes: aesAttributes },
      call,
    );
    return { handle: key.handle };
  }
  if (input.keyKind === 'aes') {
    const key = await sdk.keys.generateSymmetricKey(
      { keyType: 'aes', sizeBits: 256, attributes: aesAttributes },
      call,
    );
    return { handle: key.handle };
  }
  const pair = await sdk.keys.generateKeyPair(
    {
      keyType: 'ec',
      curve: 'P-256',
      privateAttributes: { label: input.label, sign: true },
      publicAttributes: { label: `${input.label}${PUBLIC_SUFFIX}`, verify: true },
    },
    call,
  );
  return {
    handle: pair.privateKey.handle,
    publicHandle: pair.publicKey.handle,
    publicKeyDerHex: pair.publicKey.publicKeyDer?.toString('hex'),
  };
}

/** signMessage signs with ECDSA-SHA256 (DER signature). */
export async function signMessage(sdk: HsmCluster, input: SignInput): Promise<SignOutput> {
  const message = Buffer.from(input.messageHex, 'hex');
  const signature = await sdk.crypto.sign(input.handle, 'ecdsa-sha256', message);
  return { signatureHex: signature.toString('hex') };
}

/** encryptPlaintext encrypts with AES-GCM (the node picks the IV). */
export async function encryptPlaintext(
  sdk: HsmCluster,
  input: EncryptInput,
): Promise<EncryptOutput> {
  const plaintext = Buffer.from(input.plaintextHex, 'hex');
  const out = await sdk.crypto.encrypt(input.handle, 'aes-gcm', plaintext);
  return {
    ciphertextHex: out.ciphertext.toString('hex'),
    ivHex: out.iv.toString('hex'),
    tagHex: out.tag.toString('hex'),
  };
}

/** readLabel reads a key's attributes and returns its label. */
export async function readLabel(sdk: HsmCluster, input: KeyInput): Promise<ReadOutput> {
  const info = await sdk.keys.getKey(input.handle);
  return { label: info.attributes.label ?? '' };
}

/** deleteKey deletes a key. */
export function deleteKey(sdk: HsmCluster, input: KeyInput): Promise<void> {
  return sdk.keys.deleteKey(input.handle);
}
