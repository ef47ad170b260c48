import { X509Certificate, createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import { createLabCa } from '@hsmlab/hsm';
import type { FileOwner } from './file-owner';
import { PKI_FILE_NAMES } from './pki-layout';
import { readIfExists, writeNewFile } from './pki-file';

/** LabCa is the lab's TLS CA: certificate and key, PEM. */
export interface LabCa {
  readonly certPem: string;
  readonly keyPem: string;
}

/** checkLabCa throws unless certPem is a CA certificate and keyPem its key. */
function checkLabCa(ca: LabCa, dir: string): void {
  const cert = new X509Certificate(ca.certPem);
  if (!cert.ca) throw new Error(`${dir}/${PKI_FILE_NAMES.caCert} is not a CA certificate`);
  if (!cert.checkPrivateKey(createPrivateKey(ca.keyPem))) {
    throw new Error(`${dir}/${PKI_FILE_NAMES.caKey} is not the key of ${PKI_FILE_NAMES.caCert}`);
  }
}

/**
 * loadOrCreateLabCa returns the lab CA kept in dir, making it on the first
 * run. Half a CA (a certificate without its key, or the reverse) is an error,
 * not something to replace: every certificate of the lab hangs off it.
 */
export async function loadOrCreateLabCa(
  dir: string,
  owner: FileOwner | undefined,
): Promise<{ ca: LabCa; created: boolean }> {
  const certPath = join(dir, PKI_FILE_NAMES.caCert);
  const keyPath = join(dir, PKI_FILE_NAMES.caKey);
  let certPem = await readIfExists(certPath);
  let keyPem = await readIfExists(keyPath);
  let created = false;
  if (certPem === undefined && keyPem === undefined) {
    const made = await createLabCa({ commonName: 'hsmlab compose lab CA' });
    // Key first: a certificate on disk always has its key beside it.
    const wroteKey = await writeNewFile(keyPath, made.keyPem, { mode: 0o600, owner });
    const wroteCert =
      wroteKey && (await writeNewFile(certPath, made.certPem, { mode: 0o644, owner }));
    created = wroteKey && wroteCert;
    certPem = await readIfExists(certPath);
    keyPem = await readIfExists(keyPath);
  }
  if (certPem === undefined || keyPem === undefined) {
    throw new Error(
      `${dir} holds only part of the lab CA (${certPem === undefined ? 'no certificate' : 'no key'}); ` +
        'remove the lab volumes to start over',
    );
  }
  const ca = { certPem, keyPem };
  checkLabCa(ca, dir);
  return { ca, created };
}
