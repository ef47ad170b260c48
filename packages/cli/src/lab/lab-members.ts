import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { orchestratorV1 } from '@hsmlab/proto';
import { CliError, UsageError } from '../cli-errors';
import { writeLabFile, type LabFile, type LabHsm } from '../lab-files';
import { addHsmProxy } from '../chaos/proxy-host-process';
import { addToCluster } from './lab-cluster-setup';
import { waitForCluster, labControl } from './lab-connect';
import { ORCHESTRATOR_NAME, type LabLayout } from './lab-layout';
import { processState, startProcess, stopProcess } from './lab-processes';
import { AZ_PATTERN, hsmSpec, nextHsmId } from './lab-specs';
import { MAX_LAB_HSMS } from './lab-up';

/** JOIN_TIMEOUT_MS bounds how long `lab add-hsm` waits for the new HSM to be ACTIVE. */
const JOIN_TIMEOUT_MS = 120_000;
/** LEAVE_TIMEOUT_MS bounds how long `lab remove-hsm` waits for the HSM to leave. */
const LEAVE_TIMEOUT_MS = 60_000;

async function requireOrchestrator(layout: LabLayout): Promise<void> {
  const state = await processState(layout, ORCHESTRATOR_NAME);
  if (state.state !== 'running') {
    throw new CliError(
      'the lab\'s orchestrator is not running: start the lab with "hsmlab lab up"',
    );
  }
}

/**
 * addLabHsm starts a new HSM node process in `az`, adds it to the cluster
 * through the orchestrator (it joins by attested key transport, is restored
 * from a masked backup and resynced), records it in lab.json, and, with
 * `wait`, returns once it is ACTIVE.
 */
export async function addLabHsm(
  layout: LabLayout,
  lab: LabFile,
  az: string,
  wait: boolean,
): Promise<orchestratorV1.Hsm__Output> {
  if (!AZ_PATTERN.test(az)) throw new UsageError(`--az: ${JSON.stringify(az)} is not an AZ label`);
  if (lab.hsms.length >= MAX_LAB_HSMS) {
    throw new CliError(`the cluster already has ${lab.hsms.length} HSMs, the most it can hold`);
  }
  await requireOrchestrator(layout);
  const hsm: LabHsm = {
    hsmId: nextHsmId(lab, az, (id) => existsSync(layout.hsmDataDir(id))),
    az,
    address: '',
  };
  hsm.address = (await startProcess(layout, await hsmSpec(layout, lab, hsm))).address;
  lab.hsms.push(hsm);
  await writeLabFile(layout.dir, lab);
  await addHsmProxy(layout, lab, hsm);

  const control = labControl(layout, lab);
  try {
    const added = await addToCluster(control, lab, hsm);
    if (!wait) return added;
    const cluster = await waitForCluster(
      control,
      lab.clusterId,
      `${hsm.hsmId} to join`,
      (c) => c.hsms.some((h) => h.hsmId === hsm.hsmId && h.state === 'ACTIVE'),
      JOIN_TIMEOUT_MS,
    );
    return cluster.hsms.find((h) => h.hsmId === hsm.hsmId)!;
  } finally {
    control.close();
  }
}

/**
 * removeLabHsm removes an HSM from the cluster through the orchestrator,
 * waits until it has left, then stops its process and deletes its data
 * directory (a removed HSM never comes back with stale state).
 */
export async function removeLabHsm(layout: LabLayout, lab: LabFile, hsmId: string): Promise<void> {
  const index = lab.hsms.findIndex((h) => h.hsmId === hsmId);
  if (index < 0) {
    const known = lab.hsms.map((h) => h.hsmId).join(', ');
    throw new UsageError(`the lab has no HSM ${JSON.stringify(hsmId)} (it has ${known})`);
  }
  await requireOrchestrator(layout);
  const control = labControl(layout, lab);
  try {
    const cluster = await control.describeCluster(lab.clusterId);
    if (cluster.hsms.some((h) => h.hsmId === hsmId)) {
      await control.removeHsm(lab.clusterId, hsmId);
      await waitForCluster(
        control,
        lab.clusterId,
        `${hsmId} to leave`,
        (c) => c.hsms.every((h) => h.hsmId !== hsmId),
        LEAVE_TIMEOUT_MS,
      );
    }
  } finally {
    control.close();
  }
  await stopProcess(layout, hsmId);
  lab.hsms.splice(index, 1);
  await writeLabFile(layout.dir, lab);
  await rm(layout.hsmDataDir(hsmId), { recursive: true, force: true });
}
