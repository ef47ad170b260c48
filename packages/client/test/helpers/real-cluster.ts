// Starts REAL hsmlab HSM node processes (services/hsm/dist/main.js) and forms
// them into one cluster the way the orchestrator does: the first node makes
// the masking key, the others get it by attested join. Used by
// real-node.test.ts; needs `pnpm run build` first.
import { writeManufacturerCa } from '../../../../services/hsm/src/identity';
import { RawHsm } from '../../../../test/helpers/hsm-client';
import {
  HSM_MAIN,
  NodeProcess,
  requireBuilt,
  tempDir,
} from '../../../../test/helpers/node-process';

const APPLIANCE_PASSWORD = 'appliance-pass-1';
export const CLUSTER_ID = 'cluster-clienttst01';

export interface RealNodeSpec {
  nodeId: string;
  az?: string;
  /** Extra flags, e.g. ['--profile', NAME]. */
  extraArgs?: string[];
}

/** startRealCluster starts the nodes and joins them into CLUSTER_ID. */
export async function startRealCluster(specs: RealNodeSpec[]): Promise<NodeProcess[]> {
  requireBuilt(HSM_MAIN);
  const ca = await writeManufacturerCa(tempDir('hsmlab-client-mca-'));
  const nodes = specs.map(
    (spec) =>
      new NodeProcess({
        nodeId: spec.nodeId,
        az: spec.az,
        appliancePassword: APPLIANCE_PASSWORD,
        manufacturerCa: { certPath: ca.certPath, keyPath: ca.keyPath },
        extraArgs: ['--cluster-id', CLUSTER_ID, ...(spec.extraArgs ?? [])],
      }),
  );
  await Promise.all(nodes.map((node) => node.start()));

  const clients = await Promise.all(
    nodes.map(async (node) => {
      const raw = new RawHsm(node.address);
      await raw.login('appliance', APPLIANCE_PASSWORD);
      return raw;
    }),
  );
  try {
    const [first, ...rest] = clients;
    await first!.sync('InitializeCluster', { clusterId: CLUSTER_ID });
    for (const joiner of rest) {
      const request = await joiner.sync('GetJoinRequest', { clusterId: CLUSTER_ID });
      const grant = await first!.sync('GrantJoin', request);
      await joiner.sync('CompleteJoin', grant);
    }
  } finally {
    for (const raw of clients) raw.close();
  }
  return nodes;
}
