import type { Command } from 'commander';
import type { NodeDescription } from '@hsmlab/client';
import { CliError } from '../cli-errors';
import { loadText, printCluster } from '../cluster-view';
import { action, type CommandContext } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import type { Column } from '../output';

/** NodeRow is one line of `status` when only nodes are known: a node's answer, or its silence. */
interface NodeRow {
  address: string;
  info: NodeDescription | undefined;
}

const NODE_COLUMNS: readonly Column<NodeRow>[] = [
  { header: 'HSM', value: (r) => r.info?.nodeId },
  { header: 'AZ', value: (r) => r.info?.az },
  { header: 'ADDRESS', value: (r) => r.address },
  { header: 'STATE', value: (r) => r.info?.state ?? 'UNREACHABLE' },
  { header: 'CLUSTER', value: (r) => r.info?.clusterId },
  { header: 'OBJECTS', value: (r) => r.info?.objectCount },
  {
    header: 'LOAD',
    value: (r) => (r.info ? loadText(r.info.inFlight, r.info.capacity) : undefined),
  },
  { header: 'OFFICER', value: (r) => (r.info ? r.info.officerActivated : undefined) },
  // Without an orchestrator nothing compares the nodes' digests.
  { header: 'IN SYNC', value: () => undefined },
];

/**
 * registerStatusCommand adds `hsmlab status`: every HSM with its AZ, state,
 * object count, load and whether it is in sync. With an orchestrator (given
 * or the lab's) that is its DescribeCluster; with only nodes, each node's
 * own GetNodeInfo, and unreachable nodes are listed as such.
 */
export function registerStatusCommand(program: Command): void {
  acceptGlobalOptions(
    program.command('status').description('show the cluster and every HSM at a glance'),
  ).action(action(async (context) => showStatus(context)));
}

async function showStatus(context: CommandContext): Promise<void> {
  const target = await context.target();
  if (target.nodes === undefined) {
    const control = await context.control();
    printCluster(context.output, await control.describeCluster(await context.clusterId()));
    return;
  }
  const sdk = await context.cluster('nobody');
  const described = await sdk.describeNodes();
  const rows: NodeRow[] = target.nodes.map((address) => ({
    address,
    info: described.find((d) => d.address === address),
  }));
  const { output } = context;
  output.result(
    { nodes: rows.map((r) => ({ address: r.address, reachable: !!r.info, ...r.info })) },
    () => output.table(rows, NODE_COLUMNS),
  );
  const silent = rows.filter((r) => r.info === undefined);
  if (silent.length > 0) {
    throw new CliError(
      `${silent.length} of ${rows.length} nodes did not answer: ${silent.map((r) => r.address).join(', ')}`,
    );
  }
}
