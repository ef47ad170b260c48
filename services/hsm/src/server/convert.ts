import { BOOLEAN_KEY_ATTRIBUTES, type hsmV1 } from '@hsmlab/proto';
import type {
  CurveName,
  KeyAttributes,
  KeyClass,
  KeyType,
  Role,
  UserBody,
  Version,
} from '../model';
import { checkValue } from '../crypto';
import { BadRequestError } from '../errors';
import type { KeyView } from '../service/key-service';

/**
 * Conversions between wire messages (generated types, enum names as strings)
 * and the node's model. Unknown or unset enum values become a BadRequestError
 * that names the field.
 */

const KEY_TYPES: Record<string, KeyType> = {
  KEY_TYPE_AES: 'aes',
  KEY_TYPE_GENERIC_SECRET: 'generic-secret',
  KEY_TYPE_RSA: 'rsa',
  KEY_TYPE_EC: 'ec',
  KEY_TYPE_ED25519: 'ed25519',
};
const KEY_CLASSES: Record<string, KeyClass> = {
  KEY_CLASS_SECRET: 'secret',
  KEY_CLASS_PUBLIC: 'public',
  KEY_CLASS_PRIVATE: 'private',
};
const CURVES: Record<string, CurveName> = {
  CURVE_P256: 'P-256',
  CURVE_P384: 'P-384',
  CURVE_SECP256K1: 'secp256k1',
};
const ROLES: Record<string, Role> = {
  ROLE_CRYPTO_OFFICER: 'crypto-officer',
  ROLE_CRYPTO_USER: 'crypto-user',
  ROLE_APPLIANCE: 'appliance',
};

function invert<T extends string>(map: Record<string, T>): Record<T, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<T, string>;
}
const KEY_TYPE_NAMES = invert(KEY_TYPES);
const KEY_CLASS_NAMES = invert(KEY_CLASSES);
const CURVE_NAMES = invert(CURVES);
const ROLE_NAMES = invert(ROLES);

export function keyTypeFrom(value: unknown, field: string): KeyType {
  const t = KEY_TYPES[String(value)];
  if (!t) throw new BadRequestError(`${field}: ${String(value)} is not a key type`);
  return t;
}
export function optionalKeyType(value: unknown): KeyType | undefined {
  return value === 'KEY_TYPE_UNSPECIFIED' || value === 0 || value === undefined
    ? undefined
    : keyTypeFrom(value, 'key_type');
}
export function keyClassFrom(value: unknown, field: string): KeyClass {
  const c = KEY_CLASSES[String(value)];
  if (!c) throw new BadRequestError(`${field}: ${String(value)} is not a key class`);
  return c;
}
export function optionalKeyClass(value: unknown): KeyClass | undefined {
  return value === 'KEY_CLASS_UNSPECIFIED' || value === 0 || value === undefined
    ? undefined
    : keyClassFrom(value, 'key_class');
}
export function curveFrom(value: unknown): CurveName {
  const c = CURVES[String(value)];
  if (!c) throw new BadRequestError(`curve: ${String(value)} is not a supported curve`);
  return c;
}
export function roleFrom(value: unknown): Role {
  const r = ROLES[String(value)];
  if (!r) throw new BadRequestError(`role: ${String(value)} is not a role`);
  return r;
}
export function roleName(role: Role): hsmV1.Role {
  return ROLE_NAMES[role] as hsmV1.Role;
}

/** MAX_LABEL_LENGTH and MAX_ID_BYTES bound the free-form attributes. */
export const MAX_LABEL_LENGTH = 256;
export const MAX_ID_BYTES = 128;

/** templateFrom reads a KeyAttributes message; only fields that are set count. */
export function templateFrom(
  attrs: hsmV1.KeyAttributes__Output | null | undefined,
): Partial<KeyAttributes> {
  const out: Partial<KeyAttributes> = {};
  if (!attrs) return out;
  const a = attrs as unknown as Record<string, unknown>;
  if (a._label === 'label') {
    const label = String(a.label);
    if (label.length > MAX_LABEL_LENGTH)
      throw new BadRequestError(`label is longer than ${MAX_LABEL_LENGTH}`);
    out.label = label;
  }
  if (a._id === 'id') {
    const id = a.id as Buffer;
    if (id.length > MAX_ID_BYTES)
      throw new BadRequestError(`id is longer than ${MAX_ID_BYTES} bytes`);
    out.id = id.toString('hex');
  }
  for (const field of BOOLEAN_KEY_ATTRIBUTES) {
    if (a[`_${field}`] === field) out[field] = Boolean(a[field]);
  }
  return out;
}

export function attributesTo(attrs: KeyAttributes): hsmV1.KeyAttributes {
  const out: hsmV1.KeyAttributes = { label: attrs.label, id: Buffer.from(attrs.id, 'hex') };
  for (const field of BOOLEAN_KEY_ATTRIBUTES) {
    (out as Record<string, unknown>)[field] = attrs[field];
  }
  return out;
}

export function versionTo(v: Version | undefined): hsmV1.Version | null {
  return v ? { wallMs: v.wallMs, logical: v.logical, nodeId: v.nodeId } : null;
}

export function keyInfo(view: KeyView): hsmV1.KeyInfo {
  const b = view.body;
  return {
    handle: view.handle,
    keyType: KEY_TYPE_NAMES[b.keyType] as hsmV1.KeyType,
    keyClass: KEY_CLASS_NAMES[b.keyClass] as hsmV1.KeyClass,
    sizeBits: b.sizeBits,
    curve: (b.curve ? CURVE_NAMES[b.curve] : 'CURVE_UNSPECIFIED') as hsmV1.Curve,
    owner: b.owner,
    sharedWith: b.sharedWith,
    attributes: attributesTo(b.attributes),
    publicKeyDer: b.publicKeyDer ?? Buffer.alloc(0),
    version: versionTo(view.version),
    checkValue: b.keyClass === 'secret' ? checkValue(b.keyType, b.material) : Buffer.alloc(0),
  };
}

export function userInfo(user: UserBody, version: Version | undefined): hsmV1.UserInfo {
  return {
    username: user.username,
    role: roleName(user.role),
    locked: user.locked,
    failedLogins: user.failedLogins,
    activated: user.activated,
    version: versionTo(version),
  };
}
