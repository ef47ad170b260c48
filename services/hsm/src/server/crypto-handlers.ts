import type { HsmHandlers } from '@hsmlab/proto';
import type { NodeServices } from '../service/node-services';
import {
  runCrypto,
  type CryptoOp,
  type CryptoReplies,
  type CryptoRequests,
} from './crypto-dispatch';
import { unary } from './unary';

const METHODS = {
  Sign: 'sign',
  Verify: 'verify',
  Encrypt: 'encrypt',
  Decrypt: 'decrypt',
  Digest: 'digest',
  GenerateRandom: 'random',
} as const satisfies Record<string, CryptoOp>;

type CryptoMethods = keyof typeof METHODS;

/** cryptoHandlers serves each crypto operation as a unary RPC. */
export function cryptoHandlers(s: NodeServices): Pick<HsmHandlers, CryptoMethods> {
  const out: Record<string, unknown> = {};
  for (const [method, op] of Object.entries(METHODS)) {
    out[method] = unary<CryptoRequests[typeof op], CryptoReplies[typeof op]>(
      s.ctx,
      method,
      true,
      (req, session) => runCrypto(s, session!, op, req),
    );
  }
  return out as unknown as Pick<HsmHandlers, CryptoMethods>;
}
