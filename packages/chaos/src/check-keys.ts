import { checkResult, type CheckResult } from './check-result';
import type { NodeSnapshot } from './cluster-snapshot';
import type { History, Op } from './history';
import {
  PUBLIC_SUFFIX,
  type CreateInput,
  type CreateOutput,
  type KeyInput,
  type ReadOutput,
} from './workload-types';

/** KeyCheckScope says which keys on the nodes belong to the run being checked. */
export interface KeyCheckScope {
  /** Labels of this run start with `${labelPrefix}-`. */
  labelPrefix: string;
  /**
   * isKnownLabel says a label belongs to someone (another run, the user's
   * own service); keys with other labels are "keys nobody created".
   * @default every label is known only if it belongs to this run
   */
  isKnownLabel?: (label: string) => boolean;
}

/**
 * maybeDeletedHandles lists the handles whose delete was acknowledged or might
 * have landed (unknown or still pending): only a failed delete certainly left
 * the key.
 */
export function maybeDeletedHandles(history: History): Set<string> {
  return new Set(
    history
      .ops('delete')
      .filter((op) => op.outcome !== 'fail')
      .map((op) => (op.input as KeyInput).handle),
  );
}

/**
 * checkNoKeyLost: every acknowledged create whose key was not (possibly)
 * deleted is held by every node, both halves of a pair included.
 */
export function checkNoKeyLost(history: History, nodes: readonly NodeSnapshot[]): CheckResult {
  const maybeDeleted = maybeDeletedHandles(history);
  const violations: string[] = [];
  let checked = 0;
  for (const op of history.ops('create')) {
    if (op.outcome !== 'ok') continue;
    const input = op.input as CreateInput;
    const output = op.output as CreateOutput;
    for (const handle of [output.handle, output.publicHandle]) {
      if (handle === undefined || maybeDeleted.has(handle)) continue;
      checked += 1;
      for (const node of nodes) {
        if (!node.keys.has(handle)) {
          violations.push(
            `${input.label} (${handle}), acknowledged at ${iso(op.endMs)}, is missing on ${node.nodeId}`,
          );
        }
      }
    }
  }
  return checkResult('no acknowledged key lost', checked, violations);
}

/**
 * checkNoPhantomKeys: every key of the run on any node comes from a create
 * that was invoked, each label names one key cluster-wide (a retried create
 * never makes two), and an acknowledged create's label names the handle it
 * returned.
 */
export function checkNoPhantomKeys(
  history: History,
  nodes: readonly NodeSnapshot[],
  scope: KeyCheckScope,
): CheckResult {
  const creates = new Map<string, Op>();
  for (const op of history.ops('create')) creates.set((op.input as CreateInput).label, op);
  const runPrefix = `${scope.labelPrefix}-`;
  const handlesByLabel = new Map<string, Set<string>>();
  const violations: string[] = [];
  for (const node of nodes) {
    for (const [handle, label] of node.keys) {
      if (!label.startsWith(runPrefix)) {
        if (!(scope.isKnownLabel?.(label) ?? false)) {
          violations.push(
            `${node.nodeId} holds ${handle} labelled "${label}", which no create made`,
          );
        }
        continue;
      }
      (handlesByLabel.get(label) ?? handlesByLabel.set(label, new Set()).get(label)!).add(handle);
    }
  }
  for (const [label, handles] of handlesByLabel) {
    const isPublic = label.endsWith(PUBLIC_SUFFIX);
    const op = creates.get(isPublic ? label.slice(0, -PUBLIC_SUFFIX.length) : label);
    if (!op) {
      violations.push(
        `label "${label}" (${[...handles].join(', ')}) belongs to no create of this run`,
      );
      continue;
    }
    if (handles.size > 1) {
      violations.push(
        `label "${label}" names ${handles.size} keys (${[...handles].join(', ')}): one create made several`,
      );
    }
    if (op.outcome === 'fail') {
      violations.push(
        `label "${label}" names ${[...handles].join(', ')}, but its create failed as "nothing written" (${op.error?.name})`,
      );
    }
    if (op.outcome === 'ok') {
      const output = op.output as CreateOutput;
      const expected = isPublic ? output.publicHandle : output.handle;
      for (const handle of handles) {
        if (handle !== expected)
          violations.push(`label "${label}" names ${handle}, but its create returned ${expected}`);
      }
    }
  }
  return checkResult('no key that nobody created', handlesByLabel.size, violations);
}

/**
 * checkNoResurrection: a key whose delete was acknowledged is live on no node;
 * where a node lists the handle at all, it is a tombstone.
 */
export function checkNoResurrection(history: History, nodes: readonly NodeSnapshot[]): CheckResult {
  const violations: string[] = [];
  let checked = 0;
  for (const op of history.ops('delete')) {
    if (op.outcome !== 'ok') continue;
    const { handle } = op.input as KeyInput;
    checked += 1;
    for (const node of nodes) {
      if (node.keys.has(handle)) {
        violations.push(`${handle}, deleted at ${iso(op.endMs)}, is live again on ${node.nodeId}`);
      }
    }
  }
  return checkResult('no deleted key resurrected', checked, violations);
}

/** checkReads: every acknowledged read returned the label the key was made with. */
export function checkReads(history: History): CheckResult {
  const labels = new Map<string, string>();
  for (const op of history.ops('create')) {
    if (op.outcome === 'ok')
      labels.set((op.output as CreateOutput).handle, (op.input as CreateInput).label);
  }
  const violations: string[] = [];
  let checked = 0;
  for (const op of history.ops('read')) {
    if (op.outcome !== 'ok') continue;
    const { handle } = op.input as KeyInput;
    const expected = labels.get(handle);
    if (expected === undefined) continue;
    checked += 1;
    const seen = (op.output as ReadOutput).label;
    if (seen !== expected)
      violations.push(
        `read of ${handle} at ${iso(op.endMs)} saw label "${seen}", not "${expected}"`,
      );
  }
  return checkResult('every read sees the key as it was made', checked, violations);
}

function iso(ms: number | undefined): string {
  return ms === undefined ? '?' : new Date(ms).toISOString();
}
