import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checkResult, type CheckResult } from './check-result';

/** MIN_CANARY_BYTES keeps a canary long enough that a chance match is out of the question. */
const MIN_CANARY_BYTES = 16;

/**
 * canaryPatterns renders a secret the ways it could leak into a file: raw,
 * hex (both cases), and base64 (standard and URL-safe) at each of the three
 * alignments it can have inside a longer base64 text.
 */
export function canaryPatterns(canary: Buffer): { encoding: string; bytes: Buffer }[] {
  if (canary.length < MIN_CANARY_BYTES) {
    throw new RangeError(
      `a canary must have at least ${MIN_CANARY_BYTES} bytes, got ${canary.length}`,
    );
  }
  const patterns = [
    { encoding: 'raw', bytes: canary },
    { encoding: 'hex', bytes: Buffer.from(canary.toString('hex'), 'latin1') },
    { encoding: 'HEX', bytes: Buffer.from(canary.toString('hex').toUpperCase(), 'latin1') },
  ];
  for (let shift = 0; shift < 3; shift++) {
    // Whole 3-byte groups starting at `shift` encode to the same characters
    // wherever the canary sits, once the surrounding text aligns them.
    const groups = canary.subarray(shift, shift + Math.floor((canary.length - shift) / 3) * 3);
    patterns.push({
      encoding: `base64+${shift}`,
      bytes: Buffer.from(groups.toString('base64'), 'latin1'),
    });
    patterns.push({
      encoding: `base64url+${shift}`,
      bytes: Buffer.from(groups.toString('base64url'), 'latin1'),
    });
  }
  return patterns;
}

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [path];
  if (!info.isDirectory()) return [];
  const entries = await readdir(path);
  return (await Promise.all(entries.map((entry) => filesUnder(join(path, entry))))).flat();
}

/**
 * checkNoCanaryLeak: none of the canary secrets appears, in any encoding, in
 * any file under `paths` (the orchestrator's data dir and its log). It proves
 * the orchestrator never stored or logged key material it carried masked.
 */
export async function checkNoCanaryLeak(
  paths: readonly string[],
  canaries: readonly Buffer[],
): Promise<CheckResult> {
  const patterns = canaries.flatMap((canary, i) =>
    canaryPatterns(canary).map((p) => ({ ...p, canary: i })),
  );
  const files = (await Promise.all(paths.map(filesUnder))).flat();
  const violations: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    for (const pattern of patterns) {
      if (bytes.includes(pattern.bytes)) {
        violations.push(`canary ${pattern.canary} found (${pattern.encoding}) in ${file}`);
      }
    }
  }
  const notes = files.length === 0 ? ['no orchestrator file to scan'] : [];
  return checkResult(
    'no plaintext canary bytes on the orchestrator side',
    files.length * canaries.length,
    violations,
    { notes, ok: violations.length === 0 && files.length > 0 && canaries.length > 0 },
  );
}
