/**
 * Wycheproof conformance through the SDK (issue 6): the vectors in
 * shared/vectors/wycheproof go over gRPC, via @hsmlab/client, to ONE real
 * HSM node process. Each key is imported once with keys.importKey, and the
 * vectors of a file run concurrently in batches.
 *
 * Verdicts: a `valid` vector must be accepted (verify answers true; decrypt
 * returns the expected plaintext), an `invalid` one rejected (verify answers
 * false, or the SDK throws InvalidArgumentError), an `acceptable` one may go
 * either way. Any other error fails the vector.
 *
 * Skipped, counted by reason: AES-GCM vectors whose IV or tag the node does
 * not take (IV 1 to 128 bytes, tag 12 to 16), HMAC vectors with a truncated
 * tag, and RSA-PSS vectors with other parameters than SHA-256/MGF1/salt > 0.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HsmCluster,
  InvalidArgumentError,
  type KeyHandle,
  type Mechanism,
  type SignOptions,
} from '../../packages/client/src';
import { HSM_MAIN, NodeProcess, requireBuilt } from '../helpers/node-process';

const VECTORS_DIR = path.resolve(__dirname, '../../../shared/vectors/wycheproof');
const BATCH = 64;
const OFFICER_PASSWORD = 'officer-pass-1';
const USER = { username: 'wycheproof', password: 'wycheproof-pass-1' };

interface VectorTest {
  tcId: number;
  comment: string;
  flags: string[];
  result: 'valid' | 'invalid' | 'acceptable';
  [field: string]: unknown;
}
interface VectorGroup {
  tests: VectorTest[];
  [field: string]: unknown;
}
interface VectorFile {
  numberOfTests: number;
  testGroups: VectorGroup[];
}

/** Outcome of one vector: accepted, rejected (false or InvalidArgumentError), or skipped. */
type Outcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; threw: boolean }
  | { kind: 'wrong-output' }
  | { kind: 'error'; error: unknown }
  | { kind: 'skipped'; reason: string };

type Handler = (group: VectorGroup, test: VectorTest) => Promise<Outcome>;

const hex = (value: unknown): Buffer => Buffer.from(String(value ?? ''), 'hex');

let node: NodeProcess | undefined;
let sdk: HsmCluster;

/** Imported keys, one per distinct material, shared by concurrent vectors. */
const keyCache = new Map<string, Promise<KeyHandle>>();

function publicKey(der: Buffer): Promise<KeyHandle> {
  const id = `spki:${der.toString('hex')}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    key = sdk.keys.importKey({ format: 'der', material: der, attributes: { verify: true } });
    keyCache.set(id, key);
  }
  return key;
}

function rawKey(keyType: 'aes' | 'generic-secret', material: Buffer): Promise<KeyHandle> {
  const id = `${keyType}:${material.toString('hex')}`;
  let key = keyCache.get(id);
  if (key === undefined) {
    const attributes = keyType === 'aes' ? { decrypt: true } : { verify: true };
    key = sdk.keys.importKey({ format: 'raw', material, keyType, attributes });
    keyCache.set(id, key);
  }
  return key;
}

/** rejection turns a thrown error into a rejection (InvalidArgumentError) or an error. */
function rejection(error: unknown): Outcome {
  return error instanceof InvalidArgumentError
    ? { kind: 'rejected', threw: true }
    : { kind: 'error', error };
}

async function verifyOutcome(op: () => Promise<boolean>): Promise<Outcome> {
  try {
    return (await op()) ? { kind: 'accepted' } : { kind: 'rejected', threw: false };
  } catch (error) {
    return rejection(error);
  }
}

async function decryptOutcome(op: () => Promise<Buffer>, expected: Buffer): Promise<Outcome> {
  try {
    return (await op()).equals(expected) ? { kind: 'accepted' } : { kind: 'wrong-output' };
  } catch (error) {
    return rejection(error);
  }
}

// ------------------------------------------------------------- handlers --

function signature(mechanism: Mechanism, options: SignOptions = {}): Handler {
  return async (group, test) => {
    const key = await publicKey(hex(group.publicKeyDer));
    return verifyOutcome(() =>
      sdk.crypto.verify(key, mechanism, hex(test.msg), hex(test.sig), options),
    );
  };
}

const rsaPss: Handler = async (group, test) => {
  if (group.mgf !== 'MGF1' || group.mgfSha !== group.sha || group.sha !== 'SHA-256') {
    return { kind: 'skipped', reason: 'PSS parameters other than SHA-256/MGF1-SHA-256' };
  }
  const saltLength = Number(group.sLen);
  if (saltLength === 0) return { kind: 'skipped', reason: 'PSS salt length 0' };
  const key = await publicKey(hex(group.publicKeyDer));
  return verifyOutcome(() =>
    sdk.crypto.verify(key, 'rsa-pss-sha256', hex(test.msg), hex(test.sig), { saltLength }),
  );
};

const aesGcm: Handler = async (_group, test) => {
  const iv = hex(test.iv);
  const tag = hex(test.tag);
  // The node decrypts with IVs of 1 to 128 bytes and tags of 12 to 16 (docs/limits.md).
  if (iv.length < 1 || iv.length > 128)
    return { kind: 'skipped', reason: 'GCM IV not 1-128 bytes' };
  if (tag.length < 12) return { kind: 'skipped', reason: 'GCM tag under 12 bytes' };
  const key = await rawKey('aes', hex(test.key));
  return decryptOutcome(
    () =>
      sdk.crypto.decrypt(key, 'aes-gcm', { ciphertext: hex(test.ct), iv, aad: hex(test.aad), tag }),
    hex(test.msg),
  );
};

const aesCbc: Handler = async (_group, test) => {
  const key = await rawKey('aes', hex(test.key));
  return decryptOutcome(
    () => sdk.crypto.decrypt(key, 'aes-cbc-pad', { ciphertext: hex(test.ct), iv: hex(test.iv) }),
    hex(test.msg),
  );
};

const hmacSha256: Handler = async (_group, test) => {
  const tag = hex(test.tag);
  if (tag.length < 32) return { kind: 'skipped', reason: 'truncated HMAC tag' };
  const key = await rawKey('generic-secret', hex(test.key));
  return verifyOutcome(() => sdk.crypto.verify(key, 'hmac-sha256', hex(test.msg), tag));
};

// ----------------------------------------------------------------- runner --

interface Tally {
  total: number;
  run: number;
  /** Rejections by InvalidArgumentError rather than a false verify. */
  threw: number;
  skipped: Map<string, number>;
  failures: string[];
}

function judge(test: VectorTest, outcome: Outcome, tally: Tally): void {
  const where = `tcId ${test.tcId} [${test.result}] (${test.flags.join(',')}) ${test.comment}`;
  if (outcome.kind === 'skipped') {
    tally.skipped.set(outcome.reason, (tally.skipped.get(outcome.reason) ?? 0) + 1);
    return;
  }
  tally.run += 1;
  if (outcome.kind === 'error') {
    tally.failures.push(`${where}: unexpected error ${String(outcome.error)}`);
  } else if (outcome.kind === 'wrong-output') {
    tally.failures.push(`${where}: accepted with a wrong output`);
  } else if (outcome.kind === 'accepted' && test.result === 'invalid') {
    tally.failures.push(`${where}: invalid vector accepted`);
  } else if (outcome.kind === 'rejected') {
    if (outcome.threw) tally.threw += 1;
    if (test.result === 'valid') tally.failures.push(`${where}: valid vector rejected`);
  }
}

async function runFile(file: string, handler: Handler): Promise<Tally> {
  const data = JSON.parse(fs.readFileSync(path.join(VECTORS_DIR, file), 'utf8')) as VectorFile;
  const jobs = data.testGroups.flatMap((group) => group.tests.map((test) => ({ group, test })));
  const tally: Tally = { total: jobs.length, run: 0, threw: 0, skipped: new Map(), failures: [] };
  const started = Date.now();
  for (let i = 0; i < jobs.length; i += BATCH) {
    const batch = jobs.slice(i, i + BATCH);
    const outcomes = await Promise.all(
      batch.map(({ group, test }) =>
        handler(group, test).catch((error: unknown): Outcome => ({ kind: 'error', error })),
      ),
    );
    batch.forEach(({ test }, j) => judge(test, outcomes[j]!, tally));
  }
  const skipped = [...tally.skipped].map(([reason, n]) => `${reason}: ${n}`).join(', ');
  console.log(
    `wycheproof-sdk ${file}: ${tally.total} vectors, ${tally.run} run ` +
      `(${tally.threw} rejected by InvalidArgumentError), skipped {${skipped}}, ` +
      `${Date.now() - started} ms`,
  );
  expect(tally.total).toBe(data.numberOfTests);
  return tally;
}

function checkFile(file: string, handler: Handler): void {
  it(`conforms on ${file}`, async () => {
    const tally = await runFile(file, handler);
    expect(tally.failures.slice(0, 20)).toEqual([]);
    expect(tally.run).toBeGreaterThan(0);
    const skipped = [...tally.skipped.values()].reduce((a, b) => a + b, 0);
    expect(tally.run + skipped).toBe(tally.total);
  });
}

const haveVectors = fs.existsSync(VECTORS_DIR);
if (!haveVectors) {
  console.warn(`Wycheproof vectors not found at ${VECTORS_DIR}: SDK conformance skipped`);
}

// In CI missing vectors are a failure, not a reason to skip.
const runSuite = haveVectors || process.env.CI === 'true';

describe.skipIf(!runSuite)('SDK against a real node - Wycheproof', () => {
  beforeAll(async () => {
    requireBuilt(HSM_MAIN);
    node = new NodeProcess({ nodeId: 'wycheproof-1', az: 'a' });
    const address = await node.start();
    const setup = await HsmCluster.connect({ nodes: [address], insecure: true, env: {} });
    await setup.users.activateOfficer(OFFICER_PASSWORD);
    await setup.close();
    const officer = await HsmCluster.connect({
      nodes: [address],
      insecure: true,
      env: {},
      credentials: { username: 'admin', password: OFFICER_PASSWORD },
    });
    await officer.users.createUser(USER.username, 'crypto-user', USER.password);
    await officer.close();
    sdk = await HsmCluster.connect({
      nodes: [address],
      insecure: true,
      env: {},
      credentials: USER,
      minReplicas: 1,
    });
  });

  afterAll(async () => {
    await sdk?.close();
    await node?.stop();
  });

  const p1363: SignOptions = { format: 'ieee-p1363' };
  checkFile('ecdsa_secp256r1_sha256_test.json', signature('ecdsa-sha256'));
  checkFile('ecdsa_secp256r1_sha256_p1363_test.json', signature('ecdsa-sha256', p1363));
  checkFile('ecdsa_secp384r1_sha384_test.json', signature('ecdsa-sha384'));
  checkFile('ecdsa_secp384r1_sha384_p1363_test.json', signature('ecdsa-sha384', p1363));
  checkFile('ecdsa_secp256k1_sha256_test.json', signature('ecdsa-sha256'));
  checkFile('rsa_signature_2048_sha256_test.json', signature('rsa-pkcs1-sha256'));
  checkFile('rsa_pss_2048_sha256_mgf1_32_test.json', rsaPss);
  checkFile('ed25519_test.json', signature('ed25519'));
  checkFile('hmac_sha256_test.json', hmacSha256);
  checkFile('aes_gcm_test.json', aesGcm);
  checkFile('aes_cbc_pkcs5_test.json', aesCbc);
});
