import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeNewFile } from '../pki/pki-file';

/** LabUser is a user name and password. */
export interface LabUser {
  readonly username: string;
  readonly password: string;
}

/**
 * CredentialsFile is `credentials.json` of the compose lab: the crypto
 * officer (the built-in `admin`) and the crypto user the example client
 * signs as, with the cluster they belong to.
 */
export interface CredentialsFile {
  readonly cryptoOfficer: LabUser;
  readonly cryptoUser: LabUser;
}

/** OFFICER_USERNAME is the built-in crypto officer of every HSM. */
export const OFFICER_USERNAME = 'admin';

function isLabUser(value: unknown): value is LabUser {
  const user = value as Partial<LabUser> | null;
  return (
    typeof user === 'object' &&
    user !== null &&
    typeof user.username === 'string' &&
    typeof user.password === 'string' &&
    user.username !== '' &&
    user.password.length >= 8
  );
}

/** readCredentialsFile reads and checks credentials.json. */
export async function readCredentialsFile(path: string): Promise<CredentialsFile> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<CredentialsFile>;
  if (!isLabUser(parsed.cryptoOfficer) || !isLabUser(parsed.cryptoUser)) {
    throw new Error(`${path} does not hold cryptoOfficer and cryptoUser with passwords`);
  }
  return { cryptoOfficer: parsed.cryptoOfficer, cryptoUser: parsed.cryptoUser };
}

function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * loadOrCreateCredentials returns the lab's credentials, making them (random
 * passwords, file mode 0600) the first time. They are written before they
 * are used, so a run that stops halfway is finished by the next one with the
 * same passwords.
 */
export async function loadOrCreateCredentials(
  path: string,
  cryptoUsername: string,
): Promise<{ credentials: CredentialsFile; created: boolean }> {
  const fresh: CredentialsFile = {
    cryptoOfficer: { username: OFFICER_USERNAME, password: newPassword() },
    cryptoUser: { username: cryptoUsername, password: newPassword() },
  };
  const created = await writeNewFile(path, `${JSON.stringify(fresh, null, 2)}\n`, {
    mode: 0o600,
    owner: undefined,
  });
  return { credentials: await readCredentialsFile(path), created };
}
