import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as HsmPackage from '@hsmlab/hsm';
import type { LabLayout } from './lab-layout';

/** The manufacturer CA's file names in its directory, as @hsmlab/hsm writes them. */
const MANUFACTURER_CA_CERT_FILE = 'manufacturer-ca.crt';
const MANUFACTURER_CA_KEY_FILE = 'manufacturer-ca.key';

/**
 * hsmIdentity loads the node's certificate tools on first use: their X.509
 * stack costs about half a second of start-up that every other command
 * would otherwise pay.
 */
function hsmIdentity(): Promise<typeof HsmPackage> {
  return import('@hsmlab/hsm');
}

/** LOOPBACK_NAMES are what every lab certificate is valid for: the lab listens on loopback only. */
const LOOPBACK_IPS = ['127.0.0.1', '::1'];
const LOOPBACK_DNS = ['localhost'];

/** newPassword makes a random password for a lab user (24 random bytes, base64url). */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * ensureLabSecrets makes, on a lab's first start, what its processes need
 * and keeps them on later starts: the appliance password, the emulated
 * manufacturer CA (key mode 0600, handed to HSM node processes only, never
 * to the orchestrator or clients) and, unless the lab is plaintext, the lab
 * CA for TLS.
 */
export async function ensureLabSecrets(layout: LabLayout, tls: boolean): Promise<void> {
  await mkdir(layout.dir, { recursive: true, mode: 0o700 });
  if (!existsSync(layout.appliancePasswordFile)) {
    await mkdir(dirname(layout.appliancePasswordFile), { recursive: true, mode: 0o700 });
    await writeFile(layout.appliancePasswordFile, newPassword(), { mode: 0o600, flag: 'wx' });
  }
  const {
    createLabCa,
    MANUFACTURER_CA_CERT_FILE: certFile,
    writeManufacturerCa,
  } = await hsmIdentity();
  if (certFile !== MANUFACTURER_CA_CERT_FILE) {
    throw new Error(
      `@hsmlab/hsm names the manufacturer CA ${certFile}; the CLI expects ${MANUFACTURER_CA_CERT_FILE}`,
    );
  }
  if (!existsSync(join(layout.manufacturerCaDir, MANUFACTURER_CA_CERT_FILE))) {
    await writeManufacturerCa(layout.manufacturerCaDir);
  }
  if (tls && !existsSync(join(layout.dir, layout.tlsCaCertPath))) {
    await mkdir(layout.tlsDir, { recursive: true, mode: 0o700 });
    const ca = await createLabCa({ commonName: 'hsmlab process-mode lab CA' });
    await writeFile(layout.tlsCaKeyFile, ca.keyPem, { mode: 0o600, flag: 'wx' });
    await writeFile(join(layout.dir, layout.tlsCaCertPath), ca.certPem, { mode: 0o644 });
  }
}

/** manufacturerCaFiles are the CA's certificate and key paths, for HSM node flags. */
export function manufacturerCaFiles(layout: LabLayout): { certPath: string; keyPath: string } {
  return {
    certPath: join(layout.manufacturerCaDir, MANUFACTURER_CA_CERT_FILE),
    keyPath: join(layout.manufacturerCaDir, MANUFACTURER_CA_KEY_FILE),
  };
}

/**
 * ensureTlsCertificate issues (once) a certificate under the lab CA for one
 * process, valid for loopback, usable as server and as client (the
 * orchestrator is a client of every node). It returns the file paths.
 */
export async function ensureTlsCertificate(
  layout: LabLayout,
  name: string,
): Promise<{ certFile: string; keyFile: string; caFile: string }> {
  const certFile = layout.tlsCertFile(name);
  const keyFile = layout.tlsKeyFile(name);
  const caFile = join(layout.dir, layout.tlsCaCertPath);
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    const { issueTlsCertificate } = await hsmIdentity();
    const issued = await issueTlsCertificate({
      caCertPem: await readFile(caFile, 'utf8'),
      caKeyPem: await readFile(layout.tlsCaKeyFile, 'utf8'),
      commonName: `hsmlab ${name}`,
      dnsNames: LOOPBACK_DNS,
      ipAddresses: LOOPBACK_IPS,
      serverAuth: true,
      clientAuth: true,
    });
    await writeFile(keyFile, issued.keyPem, { mode: 0o600 });
    await chmod(keyFile, 0o600);
    await writeFile(certFile, issued.certPem, { mode: 0o644 });
  }
  return { certFile, keyFile, caFile };
}
