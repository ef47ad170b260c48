import { join } from 'node:path';
import {
  MANUFACTURER_CA_CERT_FILE,
  MANUFACTURER_CA_KEY_FILE,
  loadManufacturerCa,
  writeManufacturerCa,
} from '@hsmlab/hsm';
import { applyOwner, type FileOwner } from './file-owner';
import { readIfExists } from './pki-file';

/**
 * ensureManufacturerCa makes the emulated manufacturer CA in dir on the first
 * run and checks it on later runs. Its key is what makes a node a genuine HSM,
 * so it is never replaced: half a CA is an error.
 */
export async function ensureManufacturerCa(
  dir: string,
  owner: FileOwner | undefined,
): Promise<'created' | 'kept'> {
  const certPath = join(dir, MANUFACTURER_CA_CERT_FILE);
  const keyPath = join(dir, MANUFACTURER_CA_KEY_FILE);
  const cert = await readIfExists(certPath);
  const key = await readIfExists(keyPath);
  if (cert !== undefined && key !== undefined) {
    await loadManufacturerCa(certPath, keyPath);
    return 'kept';
  }
  if (cert !== undefined || key !== undefined) {
    throw new Error(
      `${dir} holds only part of the manufacturer CA; remove the lab volumes to start over`,
    );
  }
  await writeManufacturerCa(dir);
  await applyOwner(keyPath, owner);
  await applyOwner(certPath, owner);
  return 'created';
}
