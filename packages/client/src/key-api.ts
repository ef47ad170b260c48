import { randomUUID } from 'node:crypto';
import type { hsmV1 } from '@hsmlab/proto';
import type { CallOptions, ClusterCore, WriteResult } from './cluster-core';
import { HsmError } from './errors';
import {
  attributesToWire,
  handleOf,
  keyFromWire,
  type KeyAttributes,
  type KeyHandle,
  type KeyPair,
  type KeyRef,
} from './key-handle';
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
import { CURVES, KEY_CLASSES, KEY_FORMATS, KEY_TYPES, MECHANISMS, type Mechanism } from './wire-enums';

const KEY = 'OBJECT_TYPE_KEY';

/**
 * KeyApi manages keys: every create, change and delete is replicated before
 * it returns (see ClusterCore.write); reads go to any node, and a key missing
 * on one node is looked for on the others.
 */
export class KeyApi {
  constructor(private readonly core: ClusterCore) {}

  async generateSymmetricKey(
    params: GenerateSymmetricKeyParams,
    call: CreateOptions = {},
  ): Promise<KeyHandle> {
    const request: hsmV1.GenerateSymmetricKeyRequest = {
      keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
      sizeBits: params.sizeBits,
      attributes: attributesToWire(params.attributes),
      clientRequestId: call.clientRequestId ?? randomUUID(),
    };
    const result = await this.core.write(
      { operation: 'generateSymmetricKey' },
      'GenerateSymmetricKey',
      request,
      (r) => [keyObject(r.key)],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  async generateKeyPair(params: GenerateKeyPairParams, call: CreateOptions = {}): Promise<KeyPair> {
    const request: hsmV1.GenerateKeyPairRequest = {
      keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
      modulusBits: params.modulusBits ?? 0,
      publicExponent: params.publicExponent ?? 0,
      curve:
        params.curve === undefined ? 'CURVE_UNSPECIFIED' : CURVES.toWire(params.curve, 'curve'),
      publicAttributes: attributesToWire(params.publicAttributes),
      privateAttributes: attributesToWire(params.privateAttributes),
      clientRequestId: call.clientRequestId ?? randomUUID(),
    };
    const result = await this.core.write(
      { operation: 'generateKeyPair' },
      'GenerateKeyPair',
      request,
      (r) => [keyObject(r.publicKey), keyObject(r.privateKey)],
      call,
    );
    const [publicKey, privateKey] = await Promise.all([
      this.settledKey(result, result.value.publicKey),
      this.settledKey(result, result.value.privateKey),
    ]);
    return { publicKey, privateKey };
  }

  async importKey(params: ImportKeyParams, call: CreateOptions = {}): Promise<KeyHandle> {
    const request: hsmV1.ImportKeyRequest = {
      format: KEY_FORMATS.toWire(params.format, 'format'),
      material:
        typeof params.material === 'string' ? Buffer.from(params.material) : params.material,
      keyType:
        params.keyType === undefined
          ? 'KEY_TYPE_UNSPECIFIED'
          : KEY_TYPES.toWire(params.keyType, 'keyType'),
      attributes: attributesToWire(params.attributes),
      clientRequestId: call.clientRequestId ?? randomUUID(),
    };
    const result = await this.core.write(
      { operation: 'importKey' },
      'ImportKey',
      request,
      (r) => [keyObject(r.key)],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  /** wrapKey returns `key` wrapped under `wrappingKey`; nothing changes on the cluster. */
  async wrapKey(
    wrappingKey: KeyRef,
    key: KeyRef,
    mechanism: Mechanism,
    call?: CallOptions,
  ): Promise<Buffer> {
    const request = {
      wrappingKey: handleOf(wrappingKey),
      key: handleOf(key),
      mechanism: MECHANISMS.toWire(mechanism, 'mechanism'),
    };
    const { value } = await this.core.read(
      { operation: 'wrapKey', handle: request.wrappingKey },
      'WrapKey',
      request,
      call,
    );
    return value.wrapped;
  }

  async unwrapKey(params: UnwrapKeyParams, call: CreateOptions = {}): Promise<KeyHandle> {
    const request: hsmV1.UnwrapKeyRequest = {
      unwrappingKey: handleOf(params.unwrappingKey),
      mechanism: MECHANISMS.toWire(params.mechanism, 'mechanism'),
      wrapped: params.wrapped,
      keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
      keyClass: KEY_CLASSES.toWire(params.keyClass, 'keyClass'),
      attributes: attributesToWire(params.attributes),
      clientRequestId: call.clientRequestId ?? randomUUID(),
    };
    const target = { operation: 'unwrapKey', handle: request.unwrappingKey };
    const result = await this.core.write(
      target,
      'UnwrapKey',
      request,
      (r) => [keyObject(r.key)],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  async deriveKey(params: DeriveKeyParams, call: CreateOptions = {}): Promise<KeyHandle> {
    const request: hsmV1.DeriveKeyRequest = {
      baseKey: handleOf(params.baseKey),
      mechanism: 'MECHANISM_ECDH',
      peerPublicKey: params.peerPublicKey,
      keyType: KEY_TYPES.toWire(params.keyType, 'keyType'),
      sizeBits: params.sizeBits,
      attributes: attributesToWire(params.attributes),
      clientRequestId: call.clientRequestId ?? randomUUID(),
    };
    const target = { operation: 'deriveKey', handle: request.baseKey };
    const result = await this.core.write(
      target,
      'DeriveKey',
      request,
      (r) => [keyObject(r.key)],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  /** deleteKey deletes the key on every reachable node (a tombstone, replicated like any write). */
  async deleteKey(key: KeyRef, call?: CallOptions): Promise<void> {
    const handle = handleOf(key);
    await this.core.write(
      { operation: 'deleteKey', handle },
      'DeleteKey',
      { handle },
      () => [{ handle, type: KEY }],
      call,
    );
  }

  async findKeys(filter: FindKeysFilter = {}, call?: CallOptions): Promise<KeyHandle[]> {
    const request: hsmV1.FindKeysRequest = {
      attributes: attributesToWire(filter.attributes),
      keyType:
        filter.keyType === undefined
          ? 'KEY_TYPE_UNSPECIFIED'
          : KEY_TYPES.toWire(filter.keyType, 'keyType'),
      keyClass:
        filter.keyClass === undefined
          ? 'KEY_CLASS_UNSPECIFIED'
          : KEY_CLASSES.toWire(filter.keyClass, 'keyClass'),
      ownedOnly: filter.ownedOnly ?? false,
    };
    const { value, node } = await this.core.read(
      { operation: 'findKeys' },
      'FindKeys',
      request,
      call,
    );
    return value.keys.map((info) => keyFromWire(info, node.nodeId));
  }

  async getKey(key: KeyRef, call?: CallOptions): Promise<KeyHandle> {
    const handle = handleOf(key);
    const { value, node } = await this.core.read(
      { operation: 'getKey', handle },
      'GetKey',
      { handle },
      call,
    );
    return keyFromWire(value.key, node.nodeId);
  }

  async setAttributes(
    key: KeyRef,
    attributes: KeyAttributes,
    call?: CallOptions,
  ): Promise<KeyHandle> {
    const handle = handleOf(key);
    const request = { handle, attributes: attributesToWire(attributes) };
    const result = await this.core.write(
      { operation: 'setAttributes', handle },
      'SetAttributes',
      request,
      () => [{ handle, type: KEY }],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  async shareKey(key: KeyRef, username: string, call?: CallOptions): Promise<KeyHandle> {
    return this.share('ShareKey', key, username, call);
  }

  async unshareKey(key: KeyRef, username: string, call?: CallOptions): Promise<KeyHandle> {
    return this.share('UnshareKey', key, username, call);
  }

  private async share(
    method: 'ShareKey' | 'UnshareKey',
    key: KeyRef,
    username: string,
    call?: CallOptions,
  ): Promise<KeyHandle> {
    const handle = handleOf(key);
    const operation = method === 'ShareKey' ? 'shareKey' : 'unshareKey';
    const result = await this.core.write(
      { operation, handle },
      method,
      { handle, username },
      () => [{ handle, type: KEY }],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  /**
   * settledKey is the key a write leaves on the cluster: the node's reply,
   * unless replication found a newer version of the handle elsewhere (a
   * retried create that also landed there); then that version is read back
   * from the node that holds it, so the caller never sees a losing key.
   */
  private async settledKey(
    result: WriteResult<unknown>,
    info: hsmV1.KeyInfo__Output | null,
  ): Promise<KeyHandle> {
    const replica = result.replicas.find((r) => r.handle === info?.handle);
    if (replica === undefined || !replica.superseded) return keyFromWire(info, result.node.nodeId);
    const spec = { ...result.spec, operation: 'getKey', handle: replica.handle };
    const reply = await this.core.runner.runOn(replica.winner, spec, (node, c) =>
      node.unary('GetKey', { handle: replica.handle }, c),
    );
    return keyFromWire(reply.key, replica.winner.nodeId);
  }
}

function keyObject(info: hsmV1.KeyInfo__Output | null): ReplicatedObject {
  if (!info?.handle) throw new HsmError('a node answered a create without the key it made');
  return { handle: info.handle, type: KEY };
}
