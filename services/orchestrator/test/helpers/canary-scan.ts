import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Needle is one encoding of a canary to look for. */
export interface Needle {
  label: string;
  bytes: Buffer;
}

/**
 * needlesFor lists the forms a canary could take in the orchestrator: raw
 * bytes, hex (both cases), and base64 / base64url at each of the three byte
 * alignments it could have inside a longer encoded string (the first and
 * last groups, which mix with neighbouring bytes, are left out).
 */
export function needlesFor(name: string, canary: Buffer): Needle[] {
  const needles: Needle[] = [
    { label: `${name} raw`, bytes: canary },
    { label: `${name} hex`, bytes: Buffer.from(canary.toString('hex')) },
    { label: `${name} HEX`, bytes: Buffer.from(canary.toString('hex').toUpperCase()) },
  ];
  for (const encoding of ['base64', 'base64url'] as const) {
    for (let shift = 0; shift < 3; shift += 1) {
      const text = Buffer.concat([Buffer.alloc(shift), canary])
        .toString(encoding)
        .replace(/=+$/, '');
      needles.push({
        label: `${name} ${encoding}+${shift}`,
        bytes: Buffer.from(text.slice(shift === 0 ? 0 : 4, text.length - 4)),
      });
    }
  }
  return needles;
}

/** findNeedles returns the labels of the needles that occur in haystack. */
export function findNeedles(haystack: Buffer, needles: readonly Needle[]): string[] {
  return needles.filter((n) => haystack.includes(n.bytes)).map((n) => n.label);
}

/** filesUnder lists every regular file below dir. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) out.push(...filesUnder(path));
    else if (st.isFile()) out.push(path);
  }
  return out;
}

/** scanFiles reads each file and reports, per file, the needles found. */
export function scanFiles(
  paths: readonly string[],
  needles: readonly Needle[],
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const path of paths) {
    const hits = findNeedles(readFileSync(path), needles);
    if (hits.length > 0) found.set(path, hits);
  }
  return found;
}

/**
 * scanProcessMemory reads every readable mapping of a live process through
 * /proc/<pid>/mem (1 MiB at a time, with overlap so no needle is split) and
 * reports the needles found and how many bytes it could read. This sees
 * Buffer contents, which a V8 heap snapshot does not include.
 */
export function scanProcessMemory(
  pid: number,
  needles: readonly Needle[],
): { found: string[]; bytesRead: number } {
  const maps = readFileSync(`/proc/${pid}/maps`, 'utf8').trim().split('\n');
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  const overlap = Math.max(...needles.map((n) => n.bytes.length));
  const chunk = Buffer.alloc(1 << 20);
  const found = new Set<string>();
  let bytesRead = 0;
  try {
    for (const line of maps) {
      const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+)/.exec(line);
      if (!m || !m[3]!.startsWith('r')) continue;
      const end = parseInt(m[2]!, 16);
      let tail = Buffer.alloc(0);
      for (let at = parseInt(m[1]!, 16); at < end; at += chunk.length) {
        let n: number;
        try {
          n = readSync(fd, chunk, 0, Math.min(chunk.length, end - at), at);
        } catch {
          tail = Buffer.alloc(0);
          continue;
        }
        bytesRead += n;
        const window = Buffer.concat([tail, chunk.subarray(0, n)]);
        for (const label of findNeedles(window, needles)) found.add(label);
        tail = Buffer.from(window.subarray(Math.max(0, window.length - overlap)));
      }
    }
  } finally {
    closeSync(fd);
  }
  return { found: [...found], bytesRead };
}
