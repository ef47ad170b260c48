import type { HsmHandlers, hsmV1 } from '@hsmlab/proto';
import { BadRequestError } from '../errors';
import type { NodeServices } from '../service/node-services';
import {
  curveFrom,
  keyClassFrom,
  keyInfo,
  keyTypeFrom,
  optionalKeyClass,
  optionalKeyType,
  templateFrom,
  versionTo,
} from './convert';
import { mechanismFrom } from './mechanisms';
import { unary } from './unary';

/** MAX_CLIENT_REQUEST_ID is the longest client request id a create may carry. */
const MAX_CLIENT_REQUEST_ID = 128;

function requestId(id: string): string {
  if (id.length > MAX_CLIENT_REQUEST_ID) {
    throw new BadRequestError(
      `client_request_id is longer than ${MAX_CLIENT_REQUEST_ID} characters`,
    );
  }
  return id;
}

const FORMATS: Record<string, 'raw' | 'pem' | 'der'> = {
  KEY_FORMAT_RAW: 'raw',
  KEY_FORMAT_PEM: 'pem',
  KEY_FORMAT_DER: 'der',
};

type KeyMethods =
  | 'GenerateSymmetricKey'
  | 'GenerateKeyPair'
  | 'ImportKey'
  | 'WrapKey'
  | 'UnwrapKey'
  | 'DeriveKey'
  | 'DeleteKey'
  | 'FindKeys'
  | 'GetKey'
  | 'SetAttributes'
  | 'ShareKey'
  | 'UnshareKey';

/** keyHandlers implements the key-management RPCs of hsm.v1.Hsm. */
export function keyHandlers(s: NodeServices): Pick<HsmHandlers, KeyMethods> {
  const { ctx } = s;
  return {
    GenerateSymmetricKey: unary<hsmV1.GenerateSymmetricKeyRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'GenerateSymmetricKey',
      true,
      async (req, session) => {
        const keyType = keyTypeFrom(req.keyType, 'key_type');
        if (keyType !== 'aes' && keyType !== 'generic-secret') {
          throw new BadRequestError('key_type must be AES or GENERIC_SECRET for a symmetric key');
        }
        const view = await s.keys.generateSecret(
          session!,
          keyType,
          req.sizeBits,
          templateFrom(req.attributes),
          requestId(req.clientRequestId),
        );
        return { key: keyInfo(view) };
      },
    ),

    GenerateKeyPair: unary<hsmV1.GenerateKeyPairRequest__Output, hsmV1.KeyPairResponse>(
      ctx,
      'GenerateKeyPair',
      true,
      async (req, session) => {
        const keyType = keyTypeFrom(req.keyType, 'key_type');
        let spec;
        if (keyType === 'rsa') {
          spec = {
            keyType,
            modulusBits: req.modulusBits,
            publicExponent: req.publicExponent === 0 ? 65537 : req.publicExponent,
          } as const;
        } else if (keyType === 'ec') {
          spec = { keyType, curve: curveFrom(req.curve) } as const;
        } else if (keyType === 'ed25519') {
          spec = { keyType } as const;
        } else {
          throw new BadRequestError('key_type must be RSA, EC or ED25519 for a key pair');
        }
        const [pub, priv] = await s.keys.generateKeyPair(
          session!,
          spec,
          templateFrom(req.publicAttributes),
          templateFrom(req.privateAttributes),
          requestId(req.clientRequestId),
        );
        return { publicKey: keyInfo(pub), privateKey: keyInfo(priv) };
      },
    ),

    ImportKey: unary<hsmV1.ImportKeyRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'ImportKey',
      true,
      async (req, session) => {
        const format = FORMATS[String(req.format)];
        if (!format) throw new BadRequestError('format must be RAW, PEM or DER');
        const view = await s.keys.importKey(
          session!,
          format,
          req.material,
          optionalKeyType(req.keyType),
          templateFrom(req.attributes),
          requestId(req.clientRequestId),
        );
        return { key: keyInfo(view) };
      },
    ),

    WrapKey: unary<hsmV1.WrapKeyRequest__Output, hsmV1.WrapKeyResponse>(
      ctx,
      'WrapKey',
      true,
      (req, session) => ({
        wrapped: s.transfer.wrap(session!, req.wrappingKey, req.key, mechanismFrom(req.mechanism)),
      }),
    ),

    UnwrapKey: unary<hsmV1.UnwrapKeyRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'UnwrapKey',
      true,
      async (req, session) => {
        const view = await s.transfer.unwrap(
          session!,
          req.unwrappingKey,
          mechanismFrom(req.mechanism),
          req.wrapped,
          keyTypeFrom(req.keyType, 'key_type'),
          keyClassFrom(req.keyClass, 'key_class'),
          templateFrom(req.attributes),
          requestId(req.clientRequestId),
        );
        return { key: keyInfo(view) };
      },
    ),

    DeriveKey: unary<hsmV1.DeriveKeyRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'DeriveKey',
      true,
      async (req, session) => {
        if (req.mechanism !== 'MECHANISM_ECDH') throw new BadRequestError('mechanism must be ECDH');
        const view = await s.transfer.derive(
          session!,
          req.baseKey,
          req.peerPublicKey,
          keyTypeFrom(req.keyType, 'key_type'),
          req.sizeBits,
          templateFrom(req.attributes),
          requestId(req.clientRequestId),
        );
        return { key: keyInfo(view) };
      },
    ),

    DeleteKey: unary<hsmV1.DeleteKeyRequest__Output, hsmV1.DeleteKeyResponse>(
      ctx,
      'DeleteKey',
      true,
      async (req, session) => {
        const tombstone = await s.keys.delete(session!, req.handle);
        return { version: versionTo(tombstone?.version) };
      },
    ),

    FindKeys: unary<hsmV1.FindKeysRequest__Output, hsmV1.FindKeysResponse>(
      ctx,
      'FindKeys',
      true,
      (req, session) => ({
        keys: s.keys
          .find(session!, {
            attributes: templateFrom(req.attributes),
            keyType: optionalKeyType(req.keyType),
            keyClass: optionalKeyClass(req.keyClass),
            ownedOnly: req.ownedOnly,
          })
          .map(keyInfo),
      }),
    ),

    GetKey: unary<hsmV1.GetKeyRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'GetKey',
      true,
      (req, session) => ({
        key: keyInfo(s.keys.get(session!, req.handle)),
      }),
    ),

    SetAttributes: unary<hsmV1.SetAttributesRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'SetAttributes',
      true,
      async (req, session) => ({
        key: keyInfo(
          await s.keys.setAttributes(session!, req.handle, templateFrom(req.attributes)),
        ),
      }),
    ),

    ShareKey: unary<hsmV1.ShareKeyRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'ShareKey',
      true,
      async (req, session) => ({
        key: keyInfo(await s.keys.share(session!, req.handle, req.username, true)),
      }),
    ),

    UnshareKey: unary<hsmV1.ShareKeyRequest__Output, hsmV1.KeyResponse>(
      ctx,
      'UnshareKey',
      true,
      async (req, session) => ({
        key: keyInfo(await s.keys.share(session!, req.handle, req.username, false)),
      }),
    ),
  };
}
