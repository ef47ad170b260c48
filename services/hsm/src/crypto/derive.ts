import * as crypto from 'node:crypto';
import { requireAttribute } from './attribute-policy';
import { CURVES, curveFromOpenssl, namedCurveOf } from './curves';
import { InvalidArgumentError } from './errors';
import { type LoadedKey, mustHave } from './loaded-key';
import { checkMechanism } from './mechanisms';

/**
 * deriveEcdh runs ECDH between privateKey (an EC private key with
 * derive=true) and peerPublic, given as SPKI DER or as an uncompressed
 * point (0x04 || X || Y) on the private key's curve, and returns the first
 * sizeBits of the shared secret (the X coordinate, as SP 800-56A's Z; no
 * KDF). sizeBits is a whole number of bytes from 8 up to the field size.
 * A peer key on another curve, off the curve, or not decodable is
 * InvalidArgumentError.
 */
export function deriveEcdh(privateKey: LoadedKey, peerPublic: Buffer, sizeBits: number): Buffer {
  checkMechanism(privateKey, 'MECHANISM_ECDH', 'derive');
  requireAttribute(privateKey, 'derive');
  const curve = CURVES[mustHave(privateKey.curve)];
  const maxBits = curve.fieldBytes * 8;
  if (!Number.isInteger(sizeBits) || sizeBits < 8 || sizeBits > maxBits || sizeBits % 8 !== 0) {
    throw new InvalidArgumentError(
      `derived key size must be 8 to ${maxBits} bits in whole bytes for ${curve.name}, not ${sizeBits}`,
    );
  }
  const peer = parsePeer(peerPublic, curve.name);
  let shared: Buffer;
  try {
    shared = crypto.diffieHellman({ privateKey: mustHave(privateKey.privateKey), publicKey: peer });
  } catch (err) {
    throw new InvalidArgumentError('ECDH failed: the peer public key is not usable', {
      cause: err,
    });
  }
  const out = Buffer.from(shared.subarray(0, sizeBits / 8));
  shared.fill(0);
  return out;
}

function parsePeer(peerPublic: Buffer, curveName: keyof typeof CURVES): crypto.KeyObject {
  const curve = CURVES[curveName];
  const pointBytes = 1 + 2 * curve.fieldBytes;
  let der: Buffer;
  if (peerPublic.length === pointBytes && peerPublic[0] === 0x04) {
    der = Buffer.concat([curve.spkiPrefix, peerPublic]);
  } else if (peerPublic.length > 0 && peerPublic[0] === 0x30) {
    der = peerPublic;
  } else {
    throw new InvalidArgumentError(
      `peer public key must be SPKI DER or an uncompressed ${curve.name} point of ${pointBytes} bytes`,
    );
  }
  let peer: crypto.KeyObject;
  try {
    peer = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch (err) {
    // OpenSSL refuses points that are not on the curve here.
    throw new InvalidArgumentError('peer public key is malformed or not on its curve', {
      cause: err,
    });
  }
  if (peer.asymmetricKeyType !== 'ec') {
    throw new InvalidArgumentError(
      `peer public key is ${peer.asymmetricKeyType ?? 'unknown'}, not EC`,
    );
  }
  const peerCurve = curveFromOpenssl(peer.asymmetricKeyDetails?.namedCurve);
  if (peerCurve !== curve.name) {
    throw new InvalidArgumentError(
      `peer public key is on ${peerCurve ?? peer.asymmetricKeyDetails?.namedCurve ?? 'an unnamed curve'}, ` +
        `not ${curve.name}`,
    );
  }
  if (namedCurveOf(peer) === undefined) {
    throw new InvalidArgumentError(
      'peer public key must name its curve; explicit curve parameters are refused',
    );
  }
  return peer;
}
