import { checkAuditSequences } from './check-audit';
import { checkNoCanaryLeak } from './check-canary';
import { checkConvergence } from './check-convergence';
import { checkCiphertexts, checkSignatures } from './check-crypto';
import { checkNoKeyLost, checkNoPhantomKeys, checkNoResurrection, checkReads } from './check-keys';
import { checkReplicatedAtAck } from './check-replication';
import { checkEveryKindServed, checkResult, type CheckResult } from './check-result';
import { snapshotNodes } from './cluster-snapshot';
import type { History } from './history';
import type { ProcessCluster } from './process-cluster';
import type { Workload } from './workload';

/** runCheckers reads every node and runs every checker of the toolkit. */
export async function runCheckers(
  cluster: ProcessCluster,
  history: History,
  workload: Workload,
  labelPrefix: string,
  convergenceMs: number | undefined,
): Promise<CheckResult[]> {
  const nodes = await snapshotNodes(cluster.nodes, cluster.user, cluster.appliance);
  const afterHeal = history.ops('create').filter((op) => op.worker === 'after-heal');
  const wroteAfterHeal = afterHeal.some((op) => op.outcome === 'ok');
  const liveness = checkResult(
    'the healed cluster takes writes',
    afterHeal.length,
    wroteAfterHeal
      ? []
      : afterHeal.map(
          (op) =>
            `after-heal create: ${op.outcome} ${op.error?.name ?? ''} ${op.error?.message ?? ''}`,
        ),
    { ok: wroteAfterHeal },
  );
  const summary = history.summary();
  const okByKind = Object.fromEntries(
    Object.entries(summary.byKind).map(([kind, n]) => [kind, n.ok]),
  );
  return [
    checkEveryKindServed(Object.keys(summary.byKind), okByKind),
    checkNoKeyLost(history, nodes),
    checkNoPhantomKeys(history, nodes, {
      labelPrefix,
      isKnownLabel: (label) => label.startsWith('chaos.'),
    }),
    checkNoResurrection(history, nodes),
    checkReads(history),
    checkReplicatedAtAck(history, cluster.azs().length),
    checkSignatures(history),
    await checkCiphertexts(history, cluster.nodes, cluster.user),
    checkConvergence(convergenceMs, nodes),
    await checkAuditSequences(cluster.nodes.map((n) => ({ nodeId: n.id, dataDir: n.dataDir }))),
    await checkNoCanaryLeak(
      [cluster.orchestratorDataDir, cluster.orchestratorLogFile],
      workload.canaries,
    ),
    liveness,
  ];
}
