import type { orchestratorV1 } from '@hsmlab/proto';
import { loadText } from '../cluster-view';
import type { LabFile } from '../lab-files';
import type { Column, Output } from '../output';
import { labControl } from './lab-connect';
import { ORCHESTRATOR_NAME, type LabLayout } from './lab-layout';
import { processState, type ProcessState } from './lab-processes';

/** LabProcessRow is one line of `lab status`: a lab process and what the orchestrator says of it. */
export interface LabProcessRow {
  name: string;
  az: string | undefined;
  address: string;
  process: ProcessState;
  /** The orchestrator's record (HSMs only, when the orchestrator answered). */
  hsm: orchestratorV1.Hsm__Output | undefined;
}

/** LabStatus is the whole lab at a glance. */
export interface LabStatus {
  labDir: string;
  clusterId: string;
  cluster: orchestratorV1.Cluster__Output | undefined;
  /** Why the cluster could not be described, when it could not. */
  clusterError: string | undefined;
  rows: LabProcessRow[];
}

function processText(state: ProcessState): string {
  if (state.state === 'running') return `running (pid ${state.pid})`;
  if (state.state === 'crashed') return `CRASHED (pid ${state.pid} gone)`;
  return 'stopped';
}

const COLUMNS: readonly Column<LabProcessRow>[] = [
  { header: 'NAME', value: (r) => r.name },
  { header: 'AZ', value: (r) => r.az },
  { header: 'ADDRESS', value: (r) => r.address },
  { header: 'PROCESS', value: (r) => processText(r.process) },
  { header: 'STATE', value: (r) => r.hsm?.state },
  { header: 'OBJECTS', value: (r) => r.hsm?.objectCount },
  { header: 'LOAD', value: (r) => (r.hsm ? loadText(r.hsm.load, r.hsm.capacity) : undefined) },
  { header: 'IN SYNC', value: (r) => r.hsm?.inSync },
];

/**
 * labStatus checks every lab process's pid and, when the orchestrator runs,
 * asks it about the cluster. HSMs the orchestrator knows that the lab did
 * not start (added by hand) are listed too.
 */
export async function labStatus(layout: LabLayout, lab: LabFile): Promise<LabStatus> {
  const orchestrator = await processState(layout, ORCHESTRATOR_NAME);
  let cluster: orchestratorV1.Cluster__Output | undefined;
  let clusterError: string | undefined;
  if (orchestrator.state === 'running' && lab.clusterId !== '') {
    const control = labControl(layout, lab);
    try {
      cluster = await control.describeCluster(lab.clusterId);
    } catch (err) {
      clusterError = (err as Error).message;
    } finally {
      control.close();
    }
  } else {
    clusterError = 'the orchestrator is not running';
  }
  const rows: LabProcessRow[] = [
    {
      name: ORCHESTRATOR_NAME,
      az: undefined,
      address: lab.orchestrator.address,
      process: orchestrator,
      hsm: undefined,
    },
  ];
  for (const hsm of lab.hsms) {
    rows.push({
      name: hsm.hsmId,
      az: hsm.az,
      address: hsm.address,
      process: await processState(layout, hsm.hsmId),
      hsm: cluster?.hsms.find((h) => h.hsmId === hsm.hsmId),
    });
  }
  for (const hsm of cluster?.hsms ?? []) {
    if (lab.hsms.some((h) => h.hsmId === hsm.hsmId)) continue;
    rows.push({
      name: hsm.hsmId,
      az: hsm.az,
      address: hsm.address,
      process: { state: 'stopped' },
      hsm,
    });
  }
  return { labDir: layout.dir, clusterId: lab.clusterId, cluster, clusterError, rows };
}

/** notRunning lists the lab's own processes that should run but do not. */
export function notRunning(status: LabStatus, lab: LabFile): LabProcessRow[] {
  const own = new Set([ORCHESTRATOR_NAME, ...lab.hsms.map((h) => h.hsmId)]);
  return status.rows.filter((r) => own.has(r.name) && r.process.state !== 'running');
}

/** printLabStatus prints the status table (or JSON). */
export function printLabStatus(output: Output, status: LabStatus): void {
  output.result(
    {
      labDir: status.labDir,
      clusterId: status.clusterId,
      clusterState: status.cluster?.state ?? null,
      clusterError: status.clusterError ?? null,
      processes: status.rows.map((r) => ({
        name: r.name,
        az: r.az ?? null,
        address: r.address,
        process: r.process.state,
        pid: r.process.state === 'stopped' ? null : r.process.pid,
        hsm: r.hsm ?? null,
      })),
    },
    () => {
      const state = status.cluster
        ? `${status.cluster.state}${status.cluster.stateMessage ? ` (${status.cluster.stateMessage})` : ''}`
        : `unknown: ${status.clusterError}`;
      output.record({ lab: status.labDir, cluster: status.clusterId, state });
      output.line();
      output.table(status.rows, COLUMNS);
    },
  );
}
