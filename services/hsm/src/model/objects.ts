import type { Version } from './version';

/** ObjectKind is what an object is. Keys, users and policies replicate alike. */
export type ObjectKind = 'key' | 'user' | 'policy';

export type KeyType = 'aes' | 'generic-secret' | 'rsa' | 'ec' | 'ed25519';
export type KeyClass = 'secret' | 'public' | 'private';
export type CurveName = 'P-256' | 'P-384' | 'secp256k1';
export type Role = 'crypto-officer' | 'crypto-user' | 'appliance';

/** KeyAttributes are PKCS#11-style attributes; every field is always set. */
export interface KeyAttributes {
  label: string;
  /** Hex of the CKA_ID bytes. */
  id: string;
  token: boolean;
  extractable: boolean;
  sensitive: boolean;
  sign: boolean;
  verify: boolean;
  encrypt: boolean;
  decrypt: boolean;
  wrap: boolean;
  unwrap: boolean;
  derive: boolean;
  trusted: boolean;
  wrapWithTrusted: boolean;
}

/**
 * KeyBody is a key object's content. material is the key itself: raw bytes
 * for secret keys, PKCS#8 DER for private keys, SPKI DER for public keys.
 * It is encrypted at rest by the store and sealed by masking in transit; it
 * never leaves the node otherwise (but through an explicit, allowed wrap).
 */
export interface KeyBody {
  keyType: KeyType;
  keyClass: KeyClass;
  sizeBits: number;
  curve?: CurveName;
  owner: string;
  sharedWith: string[];
  attributes: KeyAttributes;
  material: Buffer;
  /** SPKI DER, for public and private keys. */
  publicKeyDer?: Buffer;
  /** The create's client request id, when it had one. */
  clientRequestId?: string;
  createdAtMs: number;
}

/** PasswordVerifier is scrypt output; the password itself is never kept. */
export interface PasswordVerifier {
  salt: Buffer;
  hash: Buffer;
  /** scrypt cost parameters. */
  n: number;
  r: number;
  p: number;
}

export interface UserBody {
  username: string;
  role: Role;
  /** Absent while an officer is not yet activated. */
  verifier?: PasswordVerifier;
  activated: boolean;
  locked: boolean;
  failedLogins: number;
}

/** PolicyBody is a cluster policy: a name and a JSON value. */
export interface PolicyBody {
  name: string;
  value: unknown;
}

export type ObjectBody = KeyBody | UserBody | PolicyBody;

/**
 * StoredObject is one version of one object as a node holds it.
 * Invariant: body is null exactly when tombstone is true.
 */
export interface StoredObject {
  readonly handle: string;
  readonly kind: ObjectKind;
  readonly version: Version;
  readonly tombstone: boolean;
  readonly body: ObjectBody | null;
}

export interface KeyObject extends StoredObject {
  readonly kind: 'key';
  readonly body: KeyBody | null;
}

/** userHandle is the handle of the user object for a user name. */
export function userHandle(username: string): string {
  return `user:${username}`;
}

/** policyHandle is the handle of the policy object for a policy name. */
export function policyHandle(name: string): string {
  return `policy:${name}`;
}
