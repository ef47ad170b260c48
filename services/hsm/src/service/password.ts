import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { PasswordVerifier } from '../model';
import { BadRequestError } from '../errors';

/** SCRYPT_COST is the scrypt work factor for new verifiers (N, r, p). */
const SCRYPT_COST = { n: 16_384, r: 8, p: 1 } as const;
const HASH_BYTES = 32;

/** PASSWORD_RULES: 8 to 128 characters, as CloudHSM asks for. */
export function checkPasswordRules(password: string): void {
  if (typeof password !== 'string' || password.length < 8 || password.length > 128) {
    throw new BadRequestError('password must be 8 to 128 characters');
  }
}

function scryptAsync(password: string, salt: Buffer, v: { n: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password,
      salt,
      HASH_BYTES,
      { N: v.n, r: v.r, p: v.p, maxmem: 64 * 1024 * 1024 },
      (e, k) => (e ? reject(e) : resolve(k)),
    );
  });
}

/** makeVerifier derives a scrypt verifier; the password itself is not kept. */
export async function makeVerifier(password: string): Promise<PasswordVerifier> {
  checkPasswordRules(password);
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, SCRYPT_COST);
  return { salt, hash, ...SCRYPT_COST };
}

/** checkPassword compares in constant time. */
export async function checkPassword(password: string, v: PasswordVerifier): Promise<boolean> {
  if (typeof password !== 'string' || password.length === 0 || password.length > 1024) return false;
  const hash = await scryptAsync(password, v.salt, v);
  return hash.length === v.hash.length && timingSafeEqual(hash, v.hash);
}
