import { HsmCluster } from '@hsmlab/client';
import type { ClusterNode } from './cluster-node';
import type { ControlClient } from './control-client';
import type { ProbeCredentials } from './node-probe';
import { waitUntil } from './sleep';

/** OFFICER_USERNAME is the crypto officer every node is born with. */
export const OFFICER_USERNAME = 'admin';
/** BOOTSTRAP_TIMEOUT_MS bounds each wait while a cluster is made. */
const BOOTSTRAP_TIMEOUT_MS = 60_000;

/** BootstrapInput is what making a cluster needs. */
export interface BootstrapInput {
  control: ControlClient;
  nodes: readonly ClusterNode[];
  officerPassword: string;
  user: ProbeCredentials;
}

/**
 * bootstrapCluster makes an active cluster out of started nodes, the way an
 * operator does it: CreateCluster, AddHsm for each node (its proxy address),
 * InitializeCluster, then the crypto officer is activated and the crypto
 * user made through the SDK on the first node, and resync spreads them. It
 * resolves with the cluster id once every HSM and the cluster are ACTIVE.
 */
export async function bootstrapCluster(input: BootstrapInput): Promise<string> {
  const { control, nodes } = input;
  const { clusterId } = await control.createCluster();
  for (const node of nodes) {
    await control.addHsm({ clusterId, az: node.az, address: node.address, hsmId: node.id });
  }
  await control.initializeCluster(clusterId);

  const first = [nodes[0]!.address];
  const anonymous = await HsmCluster.connect({
    nodes: first,
    insecure: true,
    env: {},
    minReplicas: 1,
  });
  try {
    await anonymous.users.activateOfficer(input.officerPassword);
  } finally {
    await anonymous.close();
  }
  const officer = await HsmCluster.connect({
    nodes: first,
    insecure: true,
    credentials: { username: OFFICER_USERNAME, password: input.officerPassword },
    minReplicas: 1,
  });
  try {
    await officer.users.createUser(input.user.username, 'crypto-user', input.user.password);
  } finally {
    await officer.close();
  }

  await waitForActive(
    control,
    clusterId,
    nodes.map((n) => n.id),
  );
  return clusterId;
}

/** waitForActive waits until the cluster and the given HSMs are ACTIVE in DescribeCluster. */
export async function waitForActive(
  control: ControlClient,
  clusterId: string,
  hsmIds: readonly string[],
  timeoutMs = BOOTSTRAP_TIMEOUT_MS,
): Promise<void> {
  await waitUntil(
    `cluster ${clusterId} and HSMs ${hsmIds.join(', ')} ACTIVE`,
    async () => {
      const cluster = await control.describeCluster(clusterId);
      const states = new Map(cluster.hsms.map((h) => [h.hsmId, h.state]));
      return cluster.state === 'ACTIVE' && hsmIds.every((id) => states.get(id) === 'ACTIVE');
    },
    timeoutMs,
    200,
  );
}

/** waitForHsmGone waits until an HSM no longer appears in DescribeCluster (RemoveHsm finished). */
export async function waitForHsmGone(
  control: ControlClient,
  clusterId: string,
  hsmId: string,
  timeoutMs = BOOTSTRAP_TIMEOUT_MS,
): Promise<void> {
  await waitUntil(
    `HSM ${hsmId} removed from ${clusterId}`,
    async () => !(await control.describeCluster(clusterId)).hsms.some((h) => h.hsmId === hsmId),
    timeoutMs,
    200,
  );
}
