import type { HsmCluster, KeyHandle } from '@hsmlab/client';

/** SigningKey is the private key to sign with and the public key (SPKI DER) to verify with. */
export interface SigningKey {
  readonly privateKey: KeyHandle;
  readonly publicKeyDer: Buffer;
}

/**
 * findOrCreateSigningKey reuses the P-256 key labelled `label` that an
 * earlier run made, or makes one. The create carries a request id derived
 * from the label, so a retried or repeated create never makes a second key.
 */
export async function findOrCreateSigningKey(
  cluster: HsmCluster,
  label: string,
): Promise<{ key: SigningKey; created: boolean }> {
  const found = await cluster.keys.findKeys({
    keyType: 'ec',
    keyClass: 'private',
    attributes: { label },
    ownedOnly: true,
  });
  const existing = found.find((k) => k.publicKeyDer !== undefined);
  if (existing?.publicKeyDer !== undefined) {
    return { key: { privateKey: existing, publicKeyDer: existing.publicKeyDer }, created: false };
  }
  const pair = await cluster.keys.generateKeyPair(
    {
      keyType: 'ec',
      curve: 'P-256',
      privateAttributes: { label, sign: true, token: true },
      publicAttributes: { label: `${label}-public`, verify: true, token: true },
    },
    { clientRequestId: `compose-example-${label}` },
  );
  const publicKeyDer = pair.privateKey.publicKeyDer ?? pair.publicKey.publicKeyDer;
  if (publicKeyDer === undefined)
    throw new Error('the new key pair came back without its public key');
  return { key: { privateKey: pair.privateKey, publicKeyDer }, created: true };
}
