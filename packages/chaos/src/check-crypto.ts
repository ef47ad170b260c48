import { createPublicKey, verify } from 'node:crypto';
import type { hsmV1 } from '@hsmlab/proto';
import { maybeDeletedHandles } from './check-keys';
import { checkResult, type CheckResult } from './check-result';
import type { ClusterNode } from './cluster-node';
import type { History, Op } from './history';
import type { ProbeCredentials } from './node-probe';
import type {
  CreateOutput,
  EncryptInput,
  EncryptOutput,
  SignInput,
  SignOutput,
} from './workload-types';

/** DEFAULT_CIPHERTEXT_SAMPLE bounds how many ciphertexts are decrypted on every node. */
const DEFAULT_CIPHERTEXT_SAMPLE = 40;

/**
 * checkSignatures: every acknowledged signature verifies with the key's
 * public half, in this process with node:crypto, never asking an HSM.
 */
export function checkSignatures(history: History): CheckResult {
  const publicKeys = new Map<string, Buffer>();
  for (const op of history.ops('create')) {
    const output = op.output as CreateOutput | undefined;
    if (op.outcome === 'ok' && output?.publicKeyDerHex) {
      publicKeys.set(output.handle, Buffer.from(output.publicKeyDerHex, 'hex'));
    }
  }
  const violations: string[] = [];
  let checked = 0;
  for (const op of history.ops('sign')) {
    if (op.outcome !== 'ok') continue;
    const input = op.input as SignInput;
    const der = publicKeys.get(input.handle);
    if (!der) {
      violations.push(
        `signature by ${input.handle} has no acknowledged public key to check it with`,
      );
      continue;
    }
    checked += 1;
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    const signature = Buffer.from((op.output as SignOutput).signatureHex, 'hex');
    if (!verify('sha256', Buffer.from(input.messageHex, 'hex'), key, signature)) {
      violations.push(
        `signature by ${input.handle} at ${new Date(op.endMs!).toISOString()} does not verify`,
      );
    }
  }
  return checkResult('every signature verifies with the public key', checked, violations);
}

/** spread picks up to n items evenly from a list (first and last included). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from(
    { length: n },
    (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]!,
  );
}

/**
 * checkCiphertexts: acknowledged ciphertexts (an even sample) decrypt to the
 * same plaintext on every node, each node asked directly. Run it after the
 * cluster converged. Keys whose delete may have landed are skipped.
 */
export async function checkCiphertexts(
  history: History,
  nodes: readonly ClusterNode[],
  user: ProbeCredentials,
  sample = DEFAULT_CIPHERTEXT_SAMPLE,
): Promise<CheckResult> {
  const maybeDeleted = maybeDeletedHandles(history);
  const candidates = history
    .ops('encrypt')
    .filter((op) => op.outcome === 'ok' && !maybeDeleted.has((op.input as EncryptInput).handle));
  const chosen = spread(candidates, sample);
  const violations: string[] = [];
  await Promise.all(
    chosen.map(async (op: Op) => {
      const input = op.input as EncryptInput;
      const output = op.output as EncryptOutput;
      for (const node of nodes) {
        try {
          const reply = await node.probe(user).call<hsmV1.DecryptResponse__Output>(
            'Decrypt',
            {
              key: input.handle,
              mechanism: 'MECHANISM_AES_GCM',
              ciphertext: Buffer.from(output.ciphertextHex, 'hex'),
              iv: Buffer.from(output.ivHex, 'hex'),
              tag: Buffer.from(output.tagHex, 'hex'),
            },
            5000,
          );
          if (reply.plaintext.toString('hex') !== input.plaintextHex) {
            violations.push(`${node.id} decrypts a ciphertext of ${input.handle} to other bytes`);
          }
        } catch (err) {
          violations.push(
            `${node.id} cannot decrypt a ciphertext of ${input.handle}: ${(err as Error).message}`,
          );
        }
      }
    }),
  );
  return checkResult(
    'every ciphertext decrypts identically on every node',
    chosen.length * nodes.length,
    violations,
  );
}
