import type { KeyAttributes, KeyClass, KeyType } from '../model';
import {
  checkUnwrapAllowed,
  checkWrapAllowed,
  deriveEcdh,
  requireAttribute,
  unwrap,
  wrap,
  type Mechanism,
} from '../crypto';
import { BadRequestError } from '../errors';
import type { NodeContext } from './node-context';
import type { Session } from './sessions';
import { requireCryptoUser } from './user-service';
import { resolveKey } from './key-access';
import type { KeyService, KeyView } from './key-service';

/**
 * KeyTransfer moves key material across the HSM boundary the only ways
 * PKCS#11 allows: wrapped under another key (wrap, unwrap) or agreed by ECDH
 * (derive). Every rule on the way out is checked in checkWrapAllowed.
 */
export class KeyTransfer {
  constructor(
    private readonly ctx: NodeContext,
    private readonly keys: KeyService,
  ) {}

  wrap(
    session: Session,
    wrappingHandle: string,
    targetHandle: string,
    mechanism: Mechanism,
  ): Buffer {
    requireCryptoUser(session);
    const wrapping = resolveKey(this.ctx, session, wrappingHandle);
    const target = resolveKey(this.ctx, session, targetHandle);
    requireAttribute(wrapping.handle, wrapping.body, 'wrap');
    checkWrapAllowed(wrapping.body, target.body);
    const wrapped = wrap(wrapping.loaded(), mechanism, target.body);
    this.ctx.record({
      action: 'wrap-key',
      actor: session.username,
      outcome: 'ok',
      handle: targetHandle,
      detail: `wrapped by ${wrappingHandle}`,
    });
    return wrapped;
  }

  async unwrap(
    session: Session,
    unwrappingHandle: string,
    mechanism: Mechanism,
    wrapped: Buffer,
    keyType: KeyType,
    keyClass: KeyClass,
    template: Partial<KeyAttributes>,
    requestId: string,
  ): Promise<KeyView> {
    requireCryptoUser(session);
    const unwrapping = resolveKey(this.ctx, session, unwrappingHandle);
    requireAttribute(unwrapping.handle, unwrapping.body, 'unwrap');
    checkUnwrapAllowed({ ...unwrapping.body, handle: unwrapping.handle });
    return this.keys.create(session, requestId, 'unwrap', () => {
      const material = unwrap(unwrapping.loaded(), mechanism, wrapped, keyType, keyClass);
      return { ...material, template };
    });
  }

  async derive(
    session: Session,
    baseHandle: string,
    peerPublicKey: Buffer,
    keyType: KeyType,
    sizeBits: number,
    template: Partial<KeyAttributes>,
    requestId: string,
  ): Promise<KeyView> {
    requireCryptoUser(session);
    const base = resolveKey(this.ctx, session, baseHandle);
    requireAttribute(base.handle, base.body, 'derive');
    if (keyType !== 'aes' && keyType !== 'generic-secret') {
      throw new BadRequestError('a derived key must be AES or a generic secret');
    }
    return this.keys.create(session, requestId, 'derive', () => ({
      keyType,
      keyClass: 'secret',
      sizeBits,
      material: deriveEcdh(base.loaded(), peerPublicKey, sizeBits),
      template,
    }));
  }
}
