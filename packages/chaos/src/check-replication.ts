import { checkResult, type CheckResult } from './check-result';
import type { History } from './history';
import type { CreateInput, CreateOutput, KeyInput } from './workload-types';

/** REQUIRED_NODES and REQUIRED_AZS are the key availability rule at acknowledgement. */
const REQUIRED_NODES = 2;
const REQUIRED_AZS = 2;

/**
 * checkReplicatedAtAck: every acknowledged create was held by at least two
 * nodes in at least two AZs when it returned, as probed right after
 * (probeHolders). A node that did not answer the probe (paused, restarting)
 * might hold the key: it counts against neither side, and a create is a
 * violation only when the nodes that answered "absent" leave too few. Probes
 * that prove nothing either way are counted in the notes; a run where no
 * probe was conclusive fails, since it would prove nothing.
 *
 * `azCount` is the number of AZs in the cluster: with one AZ only the node
 * count applies.
 */
export function checkReplicatedAtAck(history: History, azCount: number): CheckResult {
  const azsNeeded = Math.min(REQUIRED_AZS, azCount);
  const violations: string[] = [];
  let conclusive = 0;
  let inconclusive = 0;
  let unprobed = 0;
  const deleteInvokedMs = new Map<string, number>();
  for (const op of history.ops('delete')) {
    const { handle } = op.input as KeyInput;
    deleteInvokedMs.set(handle, Math.min(op.invokeMs, deleteInvokedMs.get(handle) ?? Infinity));
  }
  for (const op of history.ops('create')) {
    if (op.outcome !== 'ok') continue;
    const output = op.output as CreateOutput;
    if (!output.holders) {
      unprobed += 1;
      continue;
    }
    // A delete sent before the probe answered may explain an "absent".
    if ((deleteInvokedMs.get(output.handle) ?? Infinity) < (output.probedAtMs ?? Infinity)) {
      inconclusive += 1;
      continue;
    }
    const present = output.holders.filter((h) => h.presence === 'present');
    const possible = output.holders.filter((h) => h.presence !== 'absent');
    const azs = (list: typeof present): number => new Set(list.map((h) => h.az)).size;
    if (present.length >= REQUIRED_NODES && azs(present) >= azsNeeded) {
      conclusive += 1;
    } else if (possible.length < REQUIRED_NODES || azs(possible) < azsNeeded) {
      conclusive += 1;
      const where = output.holders.map((h) => `${h.nodeId}/${h.az}=${h.presence}`).join(' ');
      violations.push(
        `${(op.input as CreateInput).label} (${output.handle}) was acknowledged on too few nodes: ${where}`,
      );
    } else {
      inconclusive += 1;
    }
  }
  const notes: string[] = [];
  if (inconclusive > 0)
    notes.push(`${inconclusive} acknowledgement probes inconclusive (a node did not answer)`);
  if (unprobed > 0) notes.push(`${unprobed} acknowledged creates had no probe result`);
  const acknowledged = conclusive + inconclusive + unprobed;
  const vacuous = acknowledged > 0 && conclusive === 0;
  if (vacuous) notes.push('no probe was conclusive: the rule was not tested');
  return checkResult(
    `every acknowledged create held by ≥${REQUIRED_NODES} nodes in ≥${azsNeeded} AZs at acknowledgement`,
    conclusive,
    violations,
    { notes, ok: violations.length === 0 && !vacuous },
  );
}
