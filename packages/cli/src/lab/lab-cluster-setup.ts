import type { orchestratorV1 } from '@hsmlab/proto';
import { CliError } from '../cli-errors';
import type { ControlClient } from '../control-client';
import { writeLabFile, type CredentialsFile, type LabFile, type LabHsm } from '../lab-files';
import type { Output } from '../output';
import { registeredAddress } from '../chaos/fault-proxy-lab';
import { allHsmsActive, labControl, labSdk, waitForCluster } from './lab-connect';
import type { LabLayout } from './lab-layout';

/**
 * formCluster makes the cluster through the orchestrator in the order an
 * operator of the real service follows: create it with its first HSM,
 * initialise it (that HSM makes the masking key), activate the officer and
 * create the first crypto user there, then add the other HSMs, which join
 * by attested key transport and a masked restore, and wait for all of them.
 */
export async function formCluster(
  layout: LabLayout,
  lab: LabFile,
  credentials: CredentialsFile,
  output: Output,
): Promise<void> {
  const [first, ...others] = lab.hsms as [LabHsm, ...LabHsm[]];
  const control = labControl(layout, lab);
  try {
    lab.clusterId = (await control.createCluster()).clusterId;
    await writeLabFile(layout.dir, lab);
    await addToCluster(control, lab, first);
    await control.initializeCluster(lab.clusterId);
    await waitForCluster(
      control,
      lab.clusterId,
      `${first.hsmId} to initialise`,
      allHsmsActive,
      60_000,
    );
    output.line(`created and initialised ${lab.clusterId} on ${first.hsmId}`);

    await activate(layout, lab, credentials);
    output.line(
      `activated the crypto officer and created crypto user ${credentials.cryptoUser.username}`,
    );

    for (const hsm of others) await addToCluster(control, lab, hsm);
    if (others.length > 0)
      output.line(`added ${others.map((h) => h.hsmId).join(', ')}; waiting for them to join`);
    const timeoutMs = 60_000 + 5_000 * lab.hsms.length;
    await waitForCluster(control, lab.clusterId, 'every HSM to join', allHsmsActive, timeoutMs);
  } finally {
    control.close();
  }
}

/** addToCluster registers an HSM at the address clients reach it by (its fault proxy, if any). */
export function addToCluster(
  control: ControlClient,
  lab: LabFile,
  hsm: LabHsm,
): Promise<orchestratorV1.Hsm__Output> {
  return control.addHsm({
    clusterId: lab.clusterId,
    address: registeredAddress(lab, hsm),
    az: hsm.az,
    hsmId: hsm.hsmId,
  });
}

/** activate sets the officer's password and creates the lab's crypto user, through the SDK. */
async function activate(
  layout: LabLayout,
  lab: LabFile,
  credentials: CredentialsFile,
): Promise<void> {
  const anonymous = await labSdk(layout, lab, undefined);
  try {
    const report = await anonymous.users.activateOfficer(credentials.cryptoOfficer.password);
    if (report.activated.length === 0) {
      const why =
        report.failed.map((f) => `${f.nodeId}: ${f.reason}`).join('; ') || 'already active';
      throw new CliError(`could not activate the crypto officer: ${why}`);
    }
  } finally {
    await anonymous.close();
  }
  const officer = await labSdk(layout, lab, credentials.cryptoOfficer);
  try {
    const user = credentials.cryptoUser;
    await officer.users.createUser(user.username, 'crypto-user', user.password);
  } finally {
    await officer.close();
  }
}
