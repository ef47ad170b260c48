import { isIP } from 'node:net';
import type { Extension, JsonGeneralName } from '@peculiar/x509';
import type { CertificateAndKey } from './certificate-authority';
import { createSelfSignedCa, generateP256KeyPair, issueCertificate } from './certificate-authority';
import { x509 } from './x509-provider';

/**
 * TLS certificates for gRPC links come from the lab CA, made on a lab's first
 * start. It is a different CA from the manufacturer CA: TLS says which
 * process is at the other end of a link, the manufacturer CA says that a
 * node is a genuine HSM. Neither is accepted in place of the other.
 */

/** DEFAULT_LAB_CA_VALID_DAYS is how long a lab CA lasts by default. */
export const DEFAULT_LAB_CA_VALID_DAYS = 3650;
/** DEFAULT_TLS_VALID_DAYS is how long a TLS certificate lasts by default. */
export const DEFAULT_TLS_VALID_DAYS = 825;

export interface LabCaOptions {
  /** @default 'hsmlab lab CA' */
  commonName?: string;
  /** @default DEFAULT_LAB_CA_VALID_DAYS */
  validDays?: number;
  nowMs?: number;
}

/** createLabCa makes a new lab CA for TLS (P-256, self-signed). */
export function createLabCa(options: LabCaOptions = {}): Promise<CertificateAndKey> {
  return createSelfSignedCa({
    subject: [{ CN: [options.commonName ?? 'hsmlab lab CA'] }, { O: ['hsmlab'] }],
    validDays: options.validDays ?? DEFAULT_LAB_CA_VALID_DAYS,
    nowMs: options.nowMs,
  });
}

export interface TlsCertificateOptions {
  caCertPem: string;
  caKeyPem: string;
  commonName: string;
  /** Host names the certificate is valid for. @default [] */
  dnsNames?: readonly string[];
  /** IPv4 or IPv6 addresses the certificate is valid for. @default [] */
  ipAddresses?: readonly string[];
  /** Usable by a server. @default true */
  serverAuth?: boolean;
  /** Usable by a client (mutual TLS). @default false */
  clientAuth?: boolean;
  /** @default DEFAULT_TLS_VALID_DAYS */
  validDays?: number;
  nowMs?: number;
}

/**
 * issueTlsCertificate makes a P-256 key and a certificate for it under the
 * lab CA. keyPem is PKCS#8 PEM, as grpc-js takes it.
 */
export async function issueTlsCertificate(
  options: TlsCertificateOptions,
): Promise<CertificateAndKey> {
  const serverAuth = options.serverAuth ?? true;
  const clientAuth = options.clientAuth ?? false;
  if (!serverAuth && !clientAuth) {
    throw new TypeError('issueTlsCertificate needs serverAuth, clientAuth or both');
  }
  const names: JsonGeneralName[] = [];
  for (const dns of options.dnsNames ?? []) names.push({ type: 'dns', value: dns });
  for (const ip of options.ipAddresses ?? []) {
    if (isIP(ip) === 0)
      throw new TypeError(`ipAddresses: ${JSON.stringify(ip)} is not an IP address`);
    names.push({ type: 'ip', value: ip });
  }

  const usages: string[] = [];
  if (serverAuth) usages.push(x509.ExtendedKeyUsage.serverAuth);
  if (clientAuth) usages.push(x509.ExtendedKeyUsage.clientAuth);
  const extensions: Extension[] = [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension(usages, false),
  ];
  // Hostname checks read only the SAN when one is present, so it lists
  // every name; without names, the common name is what a client checks.
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names, false));

  const { privateKey, publicKey } = generateP256KeyPair();
  const certPem = await issueCertificate({
    ca: { certPem: options.caCertPem, keyPem: options.caKeyPem },
    subject: [{ CN: [options.commonName] }, { O: ['hsmlab'] }],
    publicKey,
    extensions,
    validDays: options.validDays ?? DEFAULT_TLS_VALID_DAYS,
    nowMs: options.nowMs,
  });
  return { certPem, keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}
