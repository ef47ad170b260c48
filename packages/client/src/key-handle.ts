import { BOOLEAN_KEY_ATTRIBUTES, type hsmV1 } from '@hsmlab/proto';
import { HsmError } from './errors';
import {
  CURVES,
  KEY_CLASSES,
  KEY_TYPES,
  type Curve,
  type KeyClass,
  type KeyType,
} from './wire-enums';

/**
 * ObjectVersion orders two versions of one object: the higher
 * (wallMs, logical, nodeId) wins on every node.
 */
export interface ObjectVersion {
  readonly wallMs: number;
  readonly logical: number;
  readonly nodeId: string;
}

/**
 * KeyAttributes are PKCS#11-style attributes. In a template an unset field
 * takes the node's default for the key class; on a KeyHandle every field is set.
 */
export interface KeyAttributes {
  label?: string;
  /** CKA_ID bytes. */
  id?: Buffer;
  token?: boolean;
  extractable?: boolean;
  sensitive?: boolean;
  sign?: boolean;
  verify?: boolean;
  encrypt?: boolean;
  decrypt?: boolean;
  wrap?: boolean;
  unwrap?: boolean;
  derive?: boolean;
  trusted?: boolean;
  wrapWithTrusted?: boolean;
}

/**
 * KeyHandle is a key the cluster holds: its handle (the same on every node)
 * and what the node reported about it. It carries no key material; pass it
 * (or its `handle`) to crypto calls.
 */
export interface KeyHandle {
  readonly handle: string;
  readonly keyType: KeyType;
  readonly keyClass: KeyClass;
  readonly sizeBits: number;
  /** Set for EC keys. */
  readonly curve: Curve | undefined;
  readonly owner: string;
  readonly sharedWith: readonly string[];
  readonly attributes: Readonly<KeyAttributes>;
  /** SPKI DER of the public key, for public and private keys. */
  readonly publicKeyDer: Buffer | undefined;
  /** Key check value (3 bytes) of a secret key. */
  readonly checkValue: Buffer | undefined;
  readonly version: ObjectVersion | undefined;
}

/** KeyPair is the two halves made by generateKeyPair. */
export interface KeyPair {
  readonly publicKey: KeyHandle;
  readonly privateKey: KeyHandle;
}

/** KeyRef is how calls name a key: a KeyHandle, or its handle string. */
export type KeyRef = KeyHandle | string;

/** handleOf reads the handle string out of a KeyRef. */
export function handleOf(key: KeyRef): string {
  return typeof key === 'string' ? key : key.handle;
}

/** versionFromWire converts a protocol Version. */
export function versionFromWire(
  version: hsmV1.Version__Output | null | undefined,
): ObjectVersion | undefined {
  if (!version) return undefined;
  return { wallMs: Number(version.wallMs), logical: version.logical, nodeId: version.nodeId };
}

/** compareVersions orders versions the way every node does: -1, 0 or 1. */
export function compareVersions(a: ObjectVersion, b: ObjectVersion): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.logical !== b.logical) return a.logical < b.logical ? -1 : 1;
  if (a.nodeId === b.nodeId) return 0;
  return a.nodeId < b.nodeId ? -1 : 1;
}

const ATTRIBUTE_NAMES = [
  'label',
  'id',
  ...BOOLEAN_KEY_ATTRIBUTES,
] as const satisfies readonly (keyof KeyAttributes)[];

/** attributesToWire copies only the fields the caller set, so unset ones keep node defaults. */
export function attributesToWire(attributes: KeyAttributes | undefined): hsmV1.KeyAttributes {
  const wire: Record<string, unknown> = {};
  if (attributes === undefined) return wire;
  for (const name of ATTRIBUTE_NAMES) {
    if (attributes[name] !== undefined) wire[name] = attributes[name];
  }
  return wire as hsmV1.KeyAttributes;
}

function attributesFromWire(wire: hsmV1.KeyAttributes__Output | null): KeyAttributes {
  const attributes: Record<string, unknown> = {};
  if (wire === null) return attributes;
  for (const name of ATTRIBUTE_NAMES) {
    if (wire[name] !== undefined) attributes[name] = wire[name];
  }
  return Object.freeze(attributes) as KeyAttributes;
}

/** keyFromWire turns a node's KeyInfo into a KeyHandle. */
export function keyFromWire(
  info: hsmV1.KeyInfo__Output | null | undefined,
  nodeId: string,
): KeyHandle {
  if (!info || !info.handle) {
    throw new HsmError(`node ${nodeId} answered without the key it made`, { nodeId });
  }
  const keyType = KEY_TYPES.fromWire(info.keyType);
  const keyClass = KEY_CLASSES.fromWire(info.keyClass);
  if (keyType === undefined || keyClass === undefined) {
    throw new HsmError(
      `node ${nodeId} described key ${info.handle} with unknown type ${info.keyType}/${info.keyClass}`,
      { nodeId },
    );
  }
  return Object.freeze({
    handle: info.handle,
    keyType,
    keyClass,
    sizeBits: info.sizeBits,
    curve: CURVES.fromWire(info.curve),
    owner: info.owner,
    sharedWith: Object.freeze([...info.sharedWith]),
    attributes: attributesFromWire(info.attributes),
    publicKeyDer: info.publicKeyDer.length > 0 ? info.publicKeyDer : undefined,
    checkValue: info.checkValue.length > 0 ? info.checkValue : undefined,
    version: versionFromWire(info.version),
  });
}
