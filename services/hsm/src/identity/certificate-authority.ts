import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  webcrypto,
} from 'node:crypto';
import type { KeyObject, webcrypto as WebCrypto } from 'node:crypto';
import type { Extension, JsonName } from '@peculiar/x509';
import { x509 } from './x509-provider';

/**
 * This file holds what the manufacturer CA, the lab CA and node identities
 * share: P-256 keys, a self-signed CA, and issuing a certificate under a CA.
 * Every certificate is ECDSA P-256 with SHA-256.
 */

export const DAY_MS = 86_400_000;

/**
 * CLOCK_SKEW_ALLOWANCE_MS backdates every certificate's notBefore, so that a
 * node whose clock runs a little behind the issuer's accepts it at once.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60_000;

/** CertificateAndKey is a certificate and its private key, both PEM (the key PKCS#8). */
export interface CertificateAndKey {
  certPem: string;
  keyPem: string;
}

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' };

/** generateP256KeyPair makes an EC P-256 key pair, for signing or for ECDH. */
export function generateP256KeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

/** isP256Key is true for an EC key (public or private) on P-256. */
export function isP256Key(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

function toSigningKey(privateKey: KeyObject): Promise<WebCrypto.CryptoKey> {
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, ECDSA_P256, false, ['sign']);
}

function toVerifyKey(publicKey: KeyObject): Promise<WebCrypto.CryptoKey> {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return webcrypto.subtle.importKey('spki', der, ECDSA_P256, true, ['verify']);
}

/** A positive 127-bit serial number, hex, with no leading zero byte. */
function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
}

function validity(nowMs: number, validDays: number): { notBefore: Date; notAfter: Date } {
  if (!(validDays > 0)) throw new RangeError('validDays must be positive');
  return {
    notBefore: new Date(nowMs - CLOCK_SKEW_ALLOWANCE_MS),
    notAfter: new Date(nowMs + validDays * DAY_MS),
  };
}

function toPem(cert: InstanceType<typeof x509.X509Certificate>): string {
  const pem = cert.toString('pem');
  return pem.endsWith('\n') ? pem : `${pem}\n`;
}

/** CaOptions describe a new self-signed CA. */
export interface CaOptions {
  subject: JsonName;
  validDays: number;
  /** The issue time; the default is now. */
  nowMs?: number;
}

/**
 * createSelfSignedCa makes a P-256 CA key and a self-signed certificate
 * that may sign end-entity certificates only (path length 0).
 */
export async function createSelfSignedCa(options: CaOptions): Promise<CertificateAndKey> {
  const { privateKey, publicKey } = generateP256KeyPair();
  const publicCryptoKey = await toVerifyKey(publicKey);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialHex(),
    subject: options.subject,
    issuer: options.subject,
    ...validity(options.nowMs ?? Date.now(), options.validDays),
    publicKey: publicCryptoKey,
    signingKey: await toSigningKey(privateKey),
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(publicCryptoKey),
    ],
  });
  return {
    certPem: toPem(cert),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** IssueOptions describe an end-entity certificate issued under a CA. */
export interface IssueOptions {
  ca: CertificateAndKey;
  subject: JsonName;
  /** The certified key: P-256. */
  publicKey: KeyObject;
  /** Extensions beyond basic constraints and the key identifiers. */
  extensions: Extension[];
  validDays: number;
  /** The issue time; the default is now. */
  nowMs?: number;
}

/** issueCertificate signs an end-entity (not CA) certificate with the CA's key. */
export async function issueCertificate(options: IssueOptions): Promise<string> {
  const caCert = new x509.X509Certificate(options.ca.certPem);
  const caKey = createPrivateKey(options.ca.keyPem);
  if (!keysMatch(caKey, options.ca.certPem)) {
    throw new TypeError('the CA key does not belong to the CA certificate');
  }
  const publicCryptoKey = await toVerifyKey(options.publicKey);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialHex(),
    subject: options.subject,
    issuer: caCert.subjectName,
    ...validity(options.nowMs ?? Date.now(), options.validDays),
    publicKey: publicCryptoKey,
    signingKey: await toSigningKey(caKey),
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      ...options.extensions,
      await x509.SubjectKeyIdentifierExtension.create(publicCryptoKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return toPem(cert);
}

/** keysMatch is true when privateKey is the key certified by certPem. */
export function keysMatch(privateKey: KeyObject, certPem: string): boolean {
  const fromKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const fromCert = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return fromKey.equals(fromCert);
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** splitCertificates returns each certificate of a PEM bundle, in order. */
export function splitCertificates(pem: string): string[] {
  return (pem.match(PEM_CERTIFICATE) ?? []).map((block) => `${block}\n`);
}
