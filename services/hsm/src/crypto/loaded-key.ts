import * as crypto from 'node:crypto';
import type { CurveName, KeyAttributes, KeyBody, KeyClass, KeyType } from '../model/objects';
import { FailedPreconditionError } from './errors';
import { describeAsymmetric } from './key-import';
import { checkSecretSize } from './key-material';

/**
 * LoadedKey is a key body parsed once into node:crypto KeyObjects, the form
 * every crypto operation takes. Parsing PEM/DER on each call costs an order
 * of magnitude (ECDSA P-256 signing falls from ~35k/s to ~2.5k/s), so a node
 * loads a key when it reads the object and keeps the LoadedKey in memory.
 *
 * Invariant: a LoadedKey is immutable and belongs to one version of one key
 * object; when the object changes (attributes included) load it again.
 * Invariant: secretKey is set exactly for keyClass 'secret', privateKey
 * exactly for 'private', and publicKey for 'public' and 'private'.
 */
export interface LoadedKey {
  /** The object handle, used only in error messages; absent for unnamed keys. */
  readonly handle?: string;
  readonly body: KeyBody;
  readonly keyType: KeyType;
  readonly keyClass: KeyClass;
  readonly sizeBits: number;
  readonly curve?: CurveName;
  readonly attributes: KeyAttributes;
  readonly secretKey?: crypto.KeyObject;
  readonly privateKey?: crypto.KeyObject;
  /** The public key, or for a private key its public half (used to verify). */
  readonly publicKey?: crypto.KeyObject;
}

/**
 * loadKey parses body once. A body whose material does not parse or does
 * not match its declared type, size or curve is a corrupt stored object:
 * FailedPreconditionError.
 */
export function loadKey(body: KeyBody, handle?: string): LoadedKey {
  const common = {
    ...(handle === undefined ? {} : { handle }),
    body,
    keyType: body.keyType,
    keyClass: body.keyClass,
    sizeBits: body.sizeBits,
    ...(body.curve === undefined ? {} : { curve: body.curve }),
    attributes: body.attributes,
  };
  try {
    switch (body.keyClass) {
      case 'secret': {
        if (body.keyType !== 'aes' && body.keyType !== 'generic-secret') {
          throw new Error(`a secret key cannot have type ${body.keyType}`);
        }
        checkSecretSize(body.keyType, body.material.length * 8);
        if (body.sizeBits !== body.material.length * 8) throw new Error('size does not match');
        return Object.freeze({ ...common, secretKey: crypto.createSecretKey(body.material) });
      }
      case 'private': {
        const privateKey = crypto.createPrivateKey({
          key: body.material,
          format: 'der',
          type: 'pkcs8',
        });
        checkDescription(body, privateKey);
        return Object.freeze({
          ...common,
          privateKey,
          publicKey: crypto.createPublicKey(privateKey),
        });
      }
      case 'public': {
        const publicKey = crypto.createPublicKey({
          key: body.material,
          format: 'der',
          type: 'spki',
        });
        checkDescription(body, publicKey);
        return Object.freeze({ ...common, publicKey });
      }
      default:
        throw new Error(`unknown key class ${String(body.keyClass)}`);
    }
  } catch (err) {
    const name = handle === undefined ? 'stored key' : `stored key ${handle}`;
    throw new FailedPreconditionError(`${name} cannot be loaded: its material is corrupt`, {
      keyHandle: handle,
      cause: err,
    });
  }
}

function checkDescription(body: KeyBody, key: crypto.KeyObject): void {
  const described = describeAsymmetric(key);
  if (
    described.keyType !== body.keyType ||
    described.sizeBits !== body.sizeBits ||
    described.curve !== body.curve
  ) {
    throw new Error('material does not match the declared type, size or curve');
  }
}

/** mustHave asserts a key object the LoadedKey invariants promise; a miss is a bug. */
export function mustHave<T>(value: T | null | undefined): T {
  if (value === undefined || value === null) {
    throw new Error('crypto engine invariant broken: a key object is missing for its class');
  }
  return value;
}
