import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Logger } from '@hsmlab/common';
import type { KeyAttributes, KeyBody, StoredObject } from '../src/model/objects';
import type { Version } from '../src/model/version';

/** tempDir makes a fresh directory and a cleanup for it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'hsmlab-store-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** LogLine is one captured log line. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** captureLogger is a real pino logger whose lines land in an array. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'debug' },
    {
      write(text: string) {
        lines.push(JSON.parse(text) as LogLine);
      },
    },
  );
  return { logger, lines };
}

export function quietLogger(): Logger {
  return pino({ level: 'silent' });
}

export function version(wallMs: number, logical = 0, nodeId = 'node-a'): Version {
  return { wallMs, logical, nodeId };
}

const ATTRIBUTES: KeyAttributes = {
  label: 'test',
  id: '01',
  token: true,
  extractable: false,
  sensitive: true,
  sign: false,
  verify: false,
  encrypt: true,
  decrypt: true,
  wrap: false,
  unwrap: false,
  derive: false,
  trusted: false,
  wrapWithTrusted: false,
};

/** keyObject is an AES key object with the given (or random) material. */
export function keyObject(
  handle: string,
  v: Version = version(1),
  material: Buffer = randomBytes(32),
): StoredObject {
  const body: KeyBody = {
    keyType: 'aes',
    keyClass: 'secret',
    sizeBits: material.length * 8,
    owner: 'alice',
    sharedWith: [],
    attributes: ATTRIBUTES,
    material,
    createdAtMs: 1_700_000_000_000,
  };
  return { handle, kind: 'key', version: v, tombstone: false, body };
}

/** policyObject is a small non-key object. */
export function policyObject(handle: string, v: Version = version(1), value: unknown = 1) {
  const obj: StoredObject = {
    handle,
    kind: 'policy',
    version: v,
    tombstone: false,
    body: { name: handle, value },
  };
  return obj;
}

/** tombstone is a deleted object's version. */
export function tombstone(handle: string, v: Version): StoredObject {
  return { handle, kind: 'key', version: v, tombstone: true, body: null };
}

/** readAllFiles returns every file's bytes under dir, by name. */
export async function readAllFiles(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const name of await readdir(dir)) out.set(name, await readFile(join(dir, name)));
  return out;
}

/** secretForms are the ways a secret could show up in a file: raw, hex and base64 variants. */
export function secretForms(secret: Buffer): Buffer[] {
  return [
    secret,
    Buffer.from(secret.toString('hex')),
    Buffer.from(secret.toString('hex').toUpperCase()),
    Buffer.from(secret.toString('base64')),
    Buffer.from(secret.toString('base64url')),
    // A middle slice catches a secret embedded at another base64 alignment.
    Buffer.from(secret.subarray(3, 27).toString('base64')),
  ];
}
