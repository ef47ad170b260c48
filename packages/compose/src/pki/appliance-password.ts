import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { FileOwner } from './file-owner';
import { PKI_FILE_NAMES } from './pki-layout';
import { readIfExists, replaceFile, writeNewFile } from './pki-file';

/** APPLIANCE_PASSWORD_BYTES is the entropy of a generated appliance password. */
const APPLIANCE_PASSWORD_BYTES = 24;

/**
 * ensureAppliancePassword makes the appliance user's password once, in
 * masterDir, and copies it into every directory of copyDirs (the
 * orchestrator's and each HSM's); a copy that differs from the master is
 * brought back in line. It says whether the master was made now.
 */
export async function ensureAppliancePassword(
  masterDir: string,
  copyDirs: readonly string[],
  owner: FileOwner | undefined,
): Promise<boolean> {
  const masterPath = join(masterDir, PKI_FILE_NAMES.appliancePassword);
  const created = await writeNewFile(
    masterPath,
    `${randomBytes(APPLIANCE_PASSWORD_BYTES).toString('base64url')}\n`,
    { mode: 0o600, owner: undefined },
  );
  const password = await readIfExists(masterPath);
  if (password === undefined || password.trim().length < 8) {
    throw new Error(`${masterPath} does not hold a usable password`);
  }
  for (const dir of copyDirs) {
    const copyPath = join(dir, PKI_FILE_NAMES.appliancePassword);
    if ((await readIfExists(copyPath)) !== password) {
      await replaceFile(copyPath, password, { mode: 0o600, owner });
    }
  }
  return created;
}
