import { join } from 'node:path';

/** PKI_FILE_NAMES are the file names used in every directory of the lab's PKI. */
export const PKI_FILE_NAMES = {
  caCert: 'ca.pem',
  caKey: 'ca-key.pem',
  cert: 'cert.pem',
  key: 'key.pem',
  appliancePassword: 'appliance-password',
  credentials: 'credentials.json',
} as const;

/**
 * PkiLayout is where the certs program keeps each party's files. In the
 * compose lab every directory is its own volume, so each container mounts
 * only its own: the lab CA's key stays in `ca/`, the manufacturer CA's key
 * in `manufacturer/` (mounted only into HSM containers).
 */
export interface PkiLayout {
  /** The lab CA certificate and key, and the master copy of the appliance password. */
  readonly caDir: string;
  /** The emulated manufacturer CA, certificate and key. */
  readonly manufacturerDir: string;
  readonly orchestratorDir: string;
  /** The client certificate, the CA certificate, and credentials.json (written by init). */
  readonly clientDir: string;
  /** hsmDir is the directory of one HSM's certificate, key and appliance password. */
  hsmDir(hsmId: string): string;
}

/** pkiLayout lays the PKI out under root. */
export function pkiLayout(root: string): PkiLayout {
  return {
    caDir: join(root, 'ca'),
    manufacturerDir: join(root, 'manufacturer'),
    orchestratorDir: join(root, 'orchestrator'),
    clientDir: join(root, 'client'),
    hsmDir: (hsmId) => join(root, hsmId),
  };
}
