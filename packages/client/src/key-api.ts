import type { hsmV1 } from '@hsmlab/proto';
import type { CallOptions, ClusterCore, WriteResult } from './cluster-core';
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
import {
  deriveKeyRequest,
  findKeysRequest,
  generateKeyPairRequest,
  generateSymmetricKeyRequest,
  importKeyRequest,
  keyHandleObject,
  keyObject,
  unwrapKeyRequest,
} from './key-requests';
import { MECHANISMS, type Mechanism } from './wire-enums';

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
    const request = generateSymmetricKeyRequest(params, call);
    const target = { operation: 'generateSymmetricKey' };
    const result = await this.core.write(
      target,
      'GenerateSymmetricKey',
      request,
      (r) => [keyObject(r.key)],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  async generateKeyPair(params: GenerateKeyPairParams, call: CreateOptions = {}): Promise<KeyPair> {
    const request = generateKeyPairRequest(params, call);
    const objects = (r: hsmV1.KeyPairResponse__Output) => [
      keyObject(r.publicKey),
      keyObject(r.privateKey),
    ];
    const result = await this.core.write(
      { operation: 'generateKeyPair' },
      'GenerateKeyPair',
      request,
      objects,
      call,
    );
    const [publicKey, privateKey] = await Promise.all([
      this.settledKey(result, result.value.publicKey),
      this.settledKey(result, result.value.privateKey),
    ]);
    return { publicKey, privateKey };
  }

  async importKey(params: ImportKeyParams, call: CreateOptions = {}): Promise<KeyHandle> {
    const request = importKeyRequest(params, call);
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
    const target = { operation: 'wrapKey', handle: request.wrappingKey };
    const { value } = await this.core.read(target, 'WrapKey', request, call);
    return value.wrapped;
  }

  async unwrapKey(params: UnwrapKeyParams, call: CreateOptions = {}): Promise<KeyHandle> {
    const request = unwrapKeyRequest(params, call);
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
    const request = deriveKeyRequest(params, call);
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
    const target = { operation: 'deleteKey', handle };
    await this.core.write(target, 'DeleteKey', { handle }, () => [keyHandleObject(handle)], call);
  }

  async findKeys(filter: FindKeysFilter = {}, call?: CallOptions): Promise<KeyHandle[]> {
    const { value, node } = await this.core.read(
      { operation: 'findKeys' },
      'FindKeys',
      findKeysRequest(filter),
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
    const target = { operation: 'setAttributes', handle };
    const result = await this.core.write(
      target,
      'SetAttributes',
      request,
      () => [keyHandleObject(handle)],
      call,
    );
    return this.settledKey(result, result.value.key);
  }

  /** shareKey lets another crypto user use the key (owner only). */
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
    const target = { operation: method === 'ShareKey' ? 'shareKey' : 'unshareKey', handle };
    const result = await this.core.write(
      target,
      method,
      { handle, username },
      () => [keyHandleObject(handle)],
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
