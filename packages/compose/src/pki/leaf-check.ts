import { X509Certificate, createPrivateKey } from 'node:crypto';

/** SERVER_AUTH_OID and CLIENT_AUTH_OID are the extended key usages of TLS servers and clients. */
const SERVER_AUTH_OID = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';

/** LeafRequirements are what a TLS certificate of the lab must satisfy to be kept. */
export interface LeafRequirements {
  readonly caCertPem: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  readonly serverAuth: boolean;
  readonly clientAuth: boolean;
  /** The certificate must stay valid at least this long from nowMs. */
  readonly minRemainingMs: number;
  readonly nowMs: number;
}

/**
 * leafProblem says why an existing certificate and key cannot be kept (not
 * issued by the lab CA, key mismatch, a missing name or usage, about to
 * expire), or undefined when they are fine.
 */
export function leafProblem(
  certPem: string,
  keyPem: string,
  needs: LeafRequirements,
): string | undefined {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certPem);
  } catch {
    return 'the certificate cannot be parsed';
  }
  const ca = new X509Certificate(needs.caCertPem);
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return 'not issued by the lab CA';
  try {
    if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return 'the key does not match';
  } catch {
    return 'the key cannot be parsed';
  }
  if (Date.parse(cert.validTo) - needs.nowMs < needs.minRemainingMs) return 'it expires soon';
  if (Date.parse(cert.validFrom) > needs.nowMs) return 'it is not valid yet';
  for (const name of needs.dnsNames) {
    if (cert.checkHost(name, { wildcards: false }) === undefined) return `it does not name ${name}`;
  }
  for (const ip of needs.ipAddresses) {
    if (cert.checkIP(ip) === undefined) return `it does not name ${ip}`;
  }
  const usages = cert.keyUsage ?? [];
  if (needs.serverAuth && !usages.includes(SERVER_AUTH_OID)) return 'it lacks serverAuth';
  if (needs.clientAuth && !usages.includes(CLIENT_AUTH_OID)) return 'it lacks clientAuth';
  return undefined;
}
