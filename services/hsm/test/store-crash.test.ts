import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyBody, PolicyBody } from '../src/model/objects';
import { ObjectStore } from '../src/store';
import { quietLogger, tempDir } from './store-helpers';

const HSM_DIR = resolve(__dirname, '..');
const REPO_ROOT = resolve(HSM_DIR, '..', '..');
const CHILD = join(__dirname, 'fixtures', 'store-crash-child.cjs');
const ROUNDS = 5;

/**
 * compileStore builds src/store (and the model it uses) to plain JS in
 * outDir, so that a child `node` process can run the real store code.
 */
function compileStore(outDir: string): string {
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(
    process.execPath,
    [
      tsc,
      '--outDir',
      outDir,
      '--rootDir',
      join(HSM_DIR, 'src'),
      '--module',
      'node16',
      '--moduleResolution',
      'node16',
      '--target',
      'es2022',
      '--types',
      'node',
      '--strict',
      '--skipLibCheck',
      '--declaration',
      'false',
      '--incremental',
      'false',
      '--composite',
      'false',
      join(HSM_DIR, 'src', 'store', 'index.ts'),
    ],
    { cwd: HSM_DIR, stdio: 'pipe' },
  );
  return join(outDir, 'store', 'index.js');
}

interface Round {
  acked: Map<string, number>;
  stderr: string;
}

/** runAndKill starts the child, lets it commit, and SIGKILLs it at a random moment. */
function runAndKill(storeModule: string, dataDir: string, prefix: string): Promise<Round> {
  return new Promise((resolveRound, reject) => {
    const child = spawn(process.execPath, [CHILD, storeModule, dataDir, prefix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<string, number>();
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    child.stdout.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, handle, i] = line.split(' ');
        if (word === 'ack') acked.set(handle!, Number(i));
      }
      // Once commits flow, kill at a random moment within the next ~300 ms.
      if (acked.size > 0 && killTimer === undefined) {
        killTimer = setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 300));
      }
    });
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}: ${stderr}`));
      else resolveRound({ acked, stderr });
    });
  });
}

describe('store crash', () => {
  let outDir: string;
  let storeModule: string;
  let dataDir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'hsmlab-store-build-'));
    storeModule = compileStore(outDir);
    ({ dir: dataDir, cleanup } = await tempDir());
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
    await cleanup();
  });

  it('keeps every acknowledged commit when SIGKILLed at random moments', async () => {
    const allAcked = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const prefix = `r${round}`;
      const { acked, stderr } = await runAndKill(storeModule, dataDir, prefix);
      expect(acked.size, `round ${round} acknowledged nothing: ${stderr}`).toBeGreaterThan(0);
      for (const [handle, i] of acked) allAcked.set(handle, i);

      const store = await ObjectStore.open({ dataDir, logger: quietLogger() });
      expect(store.recovery.needsResync).toBe(false);
      for (const [handle, i] of allAcked) {
        const obj = store.get(handle);
        expect(obj, `acknowledged ${handle} is missing`).toBeDefined();
        expect(obj!.version.wallMs).toBe(i);
        const material = createHash('sha256').update(handle).digest();
        expect((obj!.body as KeyBody).material.equals(material)).toBe(true);
      }
      // Commits are journaled in call order, each with its counter in the same frame.
      const maxAcked = Math.max(...acked.values());
      const counter = store.get(`${prefix}-counter`);
      expect((counter?.body as PolicyBody).value as number).toBeGreaterThanOrEqual(maxAcked);
      for (let i = 1; i <= ((counter?.body as PolicyBody).value as number); i++) {
        expect(store.get(`${prefix}-${i}`), `${prefix}-${i} is under the counter`).toBeDefined();
      }
      await store.close();
    }
  });
});
