import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CertificateAndKey } from './certificate-authority';
import { createSelfSignedCa, keysMatch } from './certificate-authority';

/**
 * The manufacturer CA stands in for an HSM vendor's device CA. It issues
 * every node's identity certificate. Its private key is held only by HSM
 * nodes (never by the orchestrator, the SDK or the CLI): that is what lets a
 * node prove it is genuine, and what backups of the masking key are wrapped
 * to.
 */

export const MANUFACTURER_CA_CERT_FILE = 'manufacturer-ca.crt';
export const MANUFACTURER_CA_KEY_FILE = 'manufacturer-ca.key';

/** DEFAULT_MANUFACTURER_CA_VALID_DAYS is about ten years, like a device CA. */
export const DEFAULT_MANUFACTURER_CA_VALID_DAYS = 3650;

export interface ManufacturerCaOptions {
  /** @default 'hsmlab emulated manufacturer CA' */
  commonName?: string;
  /** @default DEFAULT_MANUFACTURER_CA_VALID_DAYS */
  validDays?: number;
  /** The issue time; the default is now. */
  nowMs?: number;
}

/** ManufacturerCa is the CA certificate and, where held, its private key. */
export interface ManufacturerCa {
  certPem: string;
  /** Present only on HSM nodes. */
  keyPem?: string;
}

/** createManufacturerCa makes a new manufacturer CA (P-256, self-signed). */
export function createManufacturerCa(
  options: ManufacturerCaOptions = {},
): Promise<CertificateAndKey> {
  return createSelfSignedCa({
    subject: [{ CN: [options.commonName ?? 'hsmlab emulated manufacturer CA'] }, { O: ['hsmlab'] }],
    validDays: options.validDays ?? DEFAULT_MANUFACTURER_CA_VALID_DAYS,
    nowMs: options.nowMs,
  });
}

/**
 * writeManufacturerCa stores a manufacturer CA in dir (made if missing): the
 * certificate world-readable, the key readable by its owner only. It never
 * replaces an existing CA, since that would orphan every node identity
 * issued under it; an existing file makes it throw (EEXIST).
 */
export async function writeManufacturerCa(
  dir: string,
  ca?: CertificateAndKey,
): Promise<{ certPath: string; keyPath: string; ca: CertificateAndKey }> {
  const made = ca ?? (await createManufacturerCa());
  const certPath = join(dir, MANUFACTURER_CA_CERT_FILE);
  const keyPath = join(dir, MANUFACTURER_CA_KEY_FILE);
  await mkdir(dir, { recursive: true });
  await writeFile(keyPath, made.keyPem, { mode: 0o600, flag: 'wx' });
  await writeFile(certPath, made.certPem, { mode: 0o644, flag: 'wx' });
  return { certPath, keyPath, ca: made };
}

/**
 * loadManufacturerCa reads a manufacturer CA certificate and, when keyPath
 * is given, its key. It checks that the certificate is a CA and that the key
 * belongs to it, and throws an Error naming the file otherwise.
 */
export async function loadManufacturerCa(
  certPath: string,
  keyPath?: string,
): Promise<ManufacturerCa> {
  const certPem = await readFile(certPath, 'utf8');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch (err) {
    throw new Error(`${certPath} does not hold a certificate`, { cause: err });
  }
  if (!cert.ca) throw new Error(`${certPath} is not a CA certificate`);
  if (keyPath === undefined) return { certPem };

  const keyPem = await readFile(keyPath, 'utf8');
  let matches: boolean;
  try {
    matches = keysMatch(createPrivateKey(keyPem), certPem);
  } catch (err) {
    throw new Error(`${keyPath} does not hold a private key`, { cause: err });
  }
  if (!matches) throw new Error(`${keyPath} is not the key of the CA in ${certPath}`);
  return { certPem, keyPem };
}
