import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkResult, type CheckResult } from './check-result';

/** AUDIT_LOG_FILE is the node's append-only audit log inside its data dir. */
export const AUDIT_LOG_FILE = 'audit.log';

/** AuditSource is one node's audit log to check. */
export interface AuditSource {
  nodeId: string;
  dataDir: string;
}

/**
 * checkAuditSequences: each node's audit log numbers its lines 1, 2, 3, …
 * with no gap, no repeat and no unreadable line, across every restart and
 * crash of the run. A last line without its newline is a write in progress
 * (or torn by a kill, which the node cuts at start) and is not counted.
 */
export async function checkAuditSequences(sources: readonly AuditSource[]): Promise<CheckResult> {
  const violations: string[] = [];
  let checked = 0;
  for (const source of sources) {
    let text: string;
    try {
      text = await readFile(join(source.dataDir, AUDIT_LOG_FILE), 'utf8');
    } catch (err) {
      violations.push(`${source.nodeId}: cannot read its audit log: ${(err as Error).message}`);
      continue;
    }
    const whole = text.slice(0, text.lastIndexOf('\n') + 1);
    let expected = 1;
    for (const [index, line] of whole.split('\n').entries()) {
      if (line === '') continue;
      let seq: unknown;
      try {
        seq = (JSON.parse(line) as { seq?: unknown }).seq;
      } catch {
        violations.push(`${source.nodeId}: audit line ${index + 1} is not JSON`);
        break;
      }
      if (seq !== expected) {
        violations.push(
          `${source.nodeId}: audit line ${index + 1} has seq ${String(seq)}, expected ${expected}`,
        );
        break;
      }
      expected += 1;
      checked += 1;
    }
  }
  return checkResult('audit sequence numbers without gaps', checked, violations);
}
