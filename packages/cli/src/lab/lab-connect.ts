import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HsmCluster, type Credentials, type TlsOptions } from '@hsmlab/client';
import { sleep } from '@hsmlab/chaos';
import type { orchestratorV1 } from '@hsmlab/proto';
import { CliError } from '../cli-errors';
import { ControlClient } from '../control-client';
import type { LabFile } from '../lab-files';
import type { LabLayout } from './lab-layout';

/** LAB_CALL_DEADLINE_MS is the deadline of one control-plane call the lab makes. */
const LAB_CALL_DEADLINE_MS = 30_000;
const WAIT_POLL_MS = 250;

/** labTls is how clients verify the lab's processes: its CA, or nothing for a plaintext lab. */
export function labTls(layout: LabLayout, lab: LabFile): TlsOptions | undefined {
  if (lab.tls === null) return undefined;
  return { caPem: readFileSync(join(layout.dir, lab.tls.caPath)) };
}

/** labControl opens a control-plane client to the lab's orchestrator. */
export function labControl(layout: LabLayout, lab: LabFile): ControlClient {
  return new ControlClient({
    address: lab.orchestrator.address,
    tls: labTls(layout, lab),
    deadlineMs: LAB_CALL_DEADLINE_MS,
  });
}

/** labSdk connects the SDK to the lab's cluster through its orchestrator. */
export function labSdk(
  layout: LabLayout,
  lab: LabFile,
  credentials: Credentials | undefined,
): Promise<HsmCluster> {
  const tls = labTls(layout, lab);
  return HsmCluster.connect({
    orchestrator: lab.orchestrator.address,
    clusterId: lab.clusterId,
    tls,
    insecure: tls === undefined,
    credentials,
    defaultDeadlineMs: LAB_CALL_DEADLINE_MS,
    env: {},
  });
}

type Cluster = orchestratorV1.Cluster__Output;

/**
 * waitForCluster polls DescribeCluster until `ready` accepts it. After the
 * timeout it fails with `what` and the states it last saw, so a stuck join
 * names the HSM and its reason.
 */
export async function waitForCluster(
  control: ControlClient,
  clusterId: string,
  what: string,
  ready: (cluster: Cluster) => boolean,
  timeoutMs: number,
): Promise<Cluster> {
  const deadline = Date.now() + timeoutMs;
  let last: Cluster | undefined;
  for (;;) {
    last = await control.describeCluster(clusterId);
    if (ready(last)) return last;
    const failed = last.hsms.find((h) => h.state === 'CREATE_FAILED');
    if (failed !== undefined) {
      throw new CliError(`${failed.hsmId} could not join the cluster: ${failed.stateMessage}`);
    }
    if (Date.now() > deadline) break;
    await sleep(WAIT_POLL_MS);
  }
  const states = last.hsms.map((h) => `${h.hsmId} ${h.state}`).join(', ');
  throw new CliError(
    `timed out after ${timeoutMs} ms waiting for ${what} (cluster ${last.state}; ${states})`,
  );
}

/** allHsmsActive says every HSM of the cluster is ACTIVE. */
export function allHsmsActive(cluster: Cluster): boolean {
  return cluster.hsms.length > 0 && cluster.hsms.every((h) => h.state === 'ACTIVE');
}
