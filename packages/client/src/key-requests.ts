import { randomUUID } from 'node:crypto';
import type { hsmV1 } from '@hsmlab/proto';
import { HsmError } from './errors';
import { attributesToWire, handleOf } from './key-handle';
import type {
  CreateOptions,
  DeriveKeyParams,
  FindKeysFilter,
  GenerateKeyPairParams,
  GenerateSymmetricKeyParams,
  ImportKeyParams,
  UnwrapKeyParams,
} from './key-params';
import type { ReplicatedObject } from './replicator';
import {
  CURVES,
  KEY_CLASSES,
  KEY_FORMATS,
  KEY_TYPES,
  MECHANISMS,
  type WireEnum,
} from './wire-enums';

// The functions here turn the SDK's key parameters into protocol requests.
// Every create gets its client request id here, once: the call runner sends
// the same request object on every attempt, so retries reuse the id.

function requestId(call: CreateOptions): string {
  return call.clientRequestId ?? randomUUID();
}

function optional<F extends string, W extends string>(
  wire: WireEnum<F, W>,
  value: F | undefined,
  unspecified: W,
  argument: string,
): W {
  return value === undefined ? unspecified : wire.toWire(value, argument);
}

export function generateSymmetricKeyRequest(
  params: GenerateSymmetricKeyParams,
  call: CreateOptions,
): hsmV1.GenerateSymmetricKeyRequest {
  return {
    keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
    sizeBits: params.sizeBits,
    attributes: attributesToWire(params.attributes),
    clientRequestId: requestId(call),
  };
}

export function generateKeyPairRequest(
  params: GenerateKeyPairParams,
  call: CreateOptions,
): hsmV1.GenerateKeyPairRequest {
  return {
    keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
    modulusBits: params.modulusBits ?? 0,
    publicExponent: params.publicExponent ?? 0,
    curve: optional(CURVES, params.curve, 'CURVE_UNSPECIFIED', 'curve'),
    publicAttributes: attributesToWire(params.publicAttributes),
    privateAttributes: attributesToWire(params.privateAttributes),
    clientRequestId: requestId(call),
  };
}

export function importKeyRequest(
  params: ImportKeyParams,
  call: CreateOptions,
): hsmV1.ImportKeyRequest {
  return {
    format: KEY_FORMATS.toWire(params.format, 'format'),
    material: typeof params.material === 'string' ? Buffer.from(params.material) : params.material,
    keyType: optional(KEY_TYPES, params.keyType, 'KEY_TYPE_UNSPECIFIED', 'keyType'),
    attributes: attributesToWire(params.attributes),
    clientRequestId: requestId(call),
  };
}

export function unwrapKeyRequest(
  params: UnwrapKeyParams,
  call: CreateOptions,
): hsmV1.UnwrapKeyRequest {
  return {
    unwrappingKey: handleOf(params.unwrappingKey),
    mechanism: MECHANISMS.toWire(params.mechanism, 'mechanism'),
    wrapped: params.wrapped,
    keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
    keyClass: KEY_CLASSES.toWire(params.keyClass, 'keyClass'),
    attributes: attributesToWire(params.attributes),
    clientRequestId: requestId(call),
  };
}

export function deriveKeyRequest(
  params: DeriveKeyParams,
  call: CreateOptions,
): hsmV1.DeriveKeyRequest {
  return {
    baseKey: handleOf(params.baseKey),
    mechanism: 'MECHANISM_ECDH',
    peerPublicKey: params.peerPublicKey,
    keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
    sizeBits: params.sizeBits,
    attributes: attributesToWire(params.attributes),
    clientRequestId: requestId(call),
  };
}

export function findKeysRequest(filter: FindKeysFilter): hsmV1.FindKeysRequest {
  return {
    attributes: attributesToWire(filter.attributes),
    keyType: optional(KEY_TYPES, filter.keyType, 'KEY_TYPE_UNSPECIFIED', 'keyType'),
    keyClass: optional(KEY_CLASSES, filter.keyClass, 'KEY_CLASS_UNSPECIFIED', 'keyClass'),
    ownedOnly: filter.ownedOnly ?? false,
  };
}

/** keyObject names the key object a create made, for replication. */
export function keyObject(info: hsmV1.KeyInfo__Output | null): ReplicatedObject {
  if (!info?.handle) throw new HsmError('a node answered a create without the key it made');
  return { handle: info.handle, type: 'OBJECT_TYPE_KEY' };
}

/** keyHandleObject names an existing key object, for replicating a change to it. */
export function keyHandleObject(handle: string): ReplicatedObject {
  return { handle, type: 'OBJECT_TYPE_KEY' };
}
