import type { orchestratorV1 } from '@hsmlab/proto';
import { formatTimeMs, type Column, type Output } from './output';

type Cluster = orchestratorV1.Cluster__Output;
type Hsm = orchestratorV1.Hsm__Output;

/** loadText renders a node's load as "in-flight/capacity". */
export function loadText(inFlight: number, capacity: number): string {
  return capacity > 0 ? `${round(inFlight)}/${round(capacity)}` : String(round(inFlight));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** HSM_COLUMNS are the columns of every HSM table the orchestrator feeds. */
export const HSM_COLUMNS: readonly Column<Hsm>[] = [
  { header: 'HSM', value: (h) => h.hsmId },
  { header: 'AZ', value: (h) => h.az },
  { header: 'ADDRESS', value: (h) => h.address },
  { header: 'STATE', value: (h) => h.state },
  { header: 'OBJECTS', value: (h) => h.objectCount },
  { header: 'LOAD', value: (h) => loadText(h.load, h.capacity) },
  { header: 'IN SYNC', value: (h) => h.inSync },
  { header: 'MESSAGE', value: (h) => h.stateMessage },
];

/** clusterJson is a cluster as `--json` prints it. */
export function clusterJson(cluster: Cluster): Record<string, unknown> {
  return {
    clusterId: cluster.clusterId,
    state: cluster.state,
    stateMessage: cluster.stateMessage,
    domainId: cluster.domainId,
    createdAtMs: cluster.createdAtMs,
    activatedAtMs: cluster.activatedAtMs,
    sourceBackupId: cluster.sourceBackupId,
    hsms: cluster.hsms.map((hsm) => ({ ...hsm })),
  };
}

/** printCluster prints a cluster's summary and its HSM table (or the JSON). */
export function printCluster(output: Output, cluster: Cluster): void {
  output.result(clusterJson(cluster), () => {
    output.record({
      cluster: cluster.clusterId,
      state: cluster.stateMessage ? `${cluster.state} (${cluster.stateMessage})` : cluster.state,
      'masking domain': cluster.domainId,
      created: formatTimeMs(cluster.createdAtMs),
      activated: formatTimeMs(cluster.activatedAtMs),
      'from backup': cluster.sourceBackupId,
    });
    output.line();
    output.table(cluster.hsms, HSM_COLUMNS, '(no HSMs)');
  });
}

/** printHsm prints one HSM record (or its JSON). */
export function printHsm(output: Output, hsm: Hsm): void {
  output.result({ ...hsm }, () =>
    output.record({
      hsm: hsm.hsmId,
      az: hsm.az,
      address: hsm.address,
      state: hsm.state,
      message: hsm.stateMessage,
    }),
  );
}

/** BACKUP_COLUMNS are the columns of `backup list`. */
export const BACKUP_COLUMNS: readonly Column<orchestratorV1.Backup__Output>[] = [
  { header: 'BACKUP', value: (b) => b.backupId },
  { header: 'CLUSTER', value: (b) => b.clusterId },
  { header: 'STATE', value: (b) => b.state },
  { header: 'CREATED', value: (b) => formatTimeMs(b.createdAtMs) },
  { header: 'TRIGGER', value: (b) => b.trigger },
  { header: 'OBJECTS', value: (b) => b.objectCount },
  { header: 'SOURCE HSM', value: (b) => b.sourceHsmId },
  { header: 'DELETE AT', value: (b) => formatTimeMs(b.deleteAtMs) },
];

/** waitForHsm polls the cluster until `done` accepts the HSM's record, or the timeout. */
export async function waitForHsm(
  describe: () => Promise<Cluster>,
  hsmId: string,
  done: (hsm: Hsm | undefined, cluster: Cluster) => boolean,
  timeoutMs: number,
): Promise<Hsm | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const cluster = await describe();
    const hsm = cluster.hsms.find((h) => h.hsmId === hsmId);
    if (done(hsm, cluster)) return hsm;
    if (Date.now() >= deadline) {
      throw new Error(
        `${hsmId} did not settle within ${timeoutMs} ms (last state: ${hsm?.state ?? 'gone'}${hsm?.stateMessage ? `, ${hsm.stateMessage}` : ''})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
