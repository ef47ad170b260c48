import { isIP } from 'node:net';
import { join } from 'node:path';
import { issueTlsCertificate } from '@hsmlab/hsm';
import type { FileOwner } from './file-owner';
import type { LabCa } from './lab-ca';
import { leafProblem } from './leaf-check';
import { PKI_FILE_NAMES } from './pki-layout';
import { readIfExists, replaceFile } from './pki-file';

/** LEAF_MIN_REMAINING_MS: a certificate with less than 30 days left is issued again. */
export const LEAF_MIN_REMAINING_MS = 30 * 86_400_000;

/** LeafSpec is one party's TLS certificate: who it is and what it is used for. */
export interface LeafSpec {
  readonly dir: string;
  readonly commonName: string;
  /** Host names and IP addresses the certificate names (servers). */
  readonly names: readonly string[];
  readonly serverAuth: boolean;
  readonly clientAuth: boolean;
}

/** LeafOutcome says what ensureLeafCertificate did. */
export type LeafOutcome =
  | { readonly action: 'kept' }
  | { readonly action: 'issued' }
  | { readonly action: 'reissued'; readonly reason: string };

/**
 * ensureLeafCertificate writes the lab CA certificate, a certificate and a
 * key into spec.dir. A certificate already there is kept while it is issued
 * by this CA, matches its key, names every name and has 30 days left;
 * otherwise a new one is issued (and the reason is returned).
 */
export async function ensureLeafCertificate(
  spec: LeafSpec,
  ca: LabCa,
  owner: FileOwner | undefined,
  nowMs = Date.now(),
): Promise<LeafOutcome> {
  const caPath = join(spec.dir, PKI_FILE_NAMES.caCert);
  const certPath = join(spec.dir, PKI_FILE_NAMES.cert);
  const keyPath = join(spec.dir, PKI_FILE_NAMES.key);
  if ((await readIfExists(caPath)) !== ca.certPem) {
    await replaceFile(caPath, ca.certPem, { mode: 0o644, owner });
  }

  const dnsNames = spec.names.filter((name) => isIP(name) === 0);
  const ipAddresses = spec.names.filter((name) => isIP(name) !== 0);
  const certPem = await readIfExists(certPath);
  const keyPem = await readIfExists(keyPath);
  let reason: string | undefined;
  if (certPem !== undefined && keyPem !== undefined) {
    reason = leafProblem(certPem, keyPem, {
      caCertPem: ca.certPem,
      dnsNames,
      ipAddresses,
      serverAuth: spec.serverAuth,
      clientAuth: spec.clientAuth,
      minRemainingMs: LEAF_MIN_REMAINING_MS,
      nowMs,
    });
    if (reason === undefined) return { action: 'kept' };
  } else if (certPem !== undefined || keyPem !== undefined) {
    reason = certPem === undefined ? 'the certificate is missing' : 'the key is missing';
  }

  const issued = await issueTlsCertificate({
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    commonName: spec.commonName,
    dnsNames,
    ipAddresses,
    serverAuth: spec.serverAuth,
    clientAuth: spec.clientAuth,
    nowMs,
  });
  await replaceFile(keyPath, issued.keyPem, { mode: 0o600, owner });
  await replaceFile(certPath, issued.certPem, { mode: 0o644, owner });
  return reason === undefined ? { action: 'issued' } : { action: 'reissued', reason };
}
