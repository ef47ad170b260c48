import type { Command } from 'commander';
import { CliError } from '../cli-errors';
import { checkAddress, parsePositiveInteger } from '../cluster-target';
import { printCluster, printHsm, waitForHsm } from '../cluster-view';
import { action, requireValue } from '../command-context';
import { acceptGlobalOptions } from '../global-options';

/** JOIN_TIMEOUT_MS is how long `cluster add-hsm --wait` waits for a join by default. */
const JOIN_TIMEOUT_MS = 120_000;

interface ActivateOptions {
  password?: string;
}

interface AddHsmOptions {
  address?: string;
  az?: string;
  hsmId?: string;
  wait?: boolean;
  timeoutMs?: string;
}

/**
 * registerClusterCommands adds `hsmlab cluster ...`: activation on the data
 * plane, and the cluster's life cycle on the orchestrator.
 */
export function registerClusterCommands(program: Command): void {
  const cluster = program
    .command('cluster')
    .description('activate a cluster, and create, describe, initialise and change clusters');

  acceptGlobalOptions(
    cluster
      .command('activate')
      .description('set the built-in crypto officer\'s ("admin") first password on every HSM')
      .option('--password <password>', "the officer's new password (required)"),
    ['password'],
  ).action(
    action<ActivateOptions>(async (context, _args, options) => {
      const password = requireValue(options.password, '--password');
      const sdk = await context.cluster('nobody');
      const report = await sdk.users.activateOfficer(password);
      const { output } = context;
      output.result(report, () => {
        if (report.activated.length > 0) output.line(`activated on ${report.activated.join(', ')}`);
        if (report.alreadyActive.length > 0) {
          output.line(`already active on ${report.alreadyActive.join(', ')}`);
        }
        for (const failure of report.failed)
          output.line(`failed on ${failure.nodeId}: ${failure.reason}`);
      });
      if (report.activated.length === 0) {
        const why = report.failed.map((f) => `${f.nodeId}: ${f.reason}`).join('; ');
        throw new CliError(
          report.failed.length > 0
            ? `activation failed: ${why}`
            : 'the crypto officer was already activated on every reachable HSM',
        );
      }
    }),
  );

  acceptGlobalOptions(
    cluster.command('create').description('create an empty cluster on the orchestrator'),
  ).action(
    action(async (context) => {
      const made = await (await context.control()).createCluster();
      printCluster(context.output, made);
    }),
  );

  acceptGlobalOptions(
    cluster
      .command('describe')
      .description('show a cluster and every HSM in it (state, AZ, objects, load, in sync)'),
  ).action(
    action(async (context) => {
      const control = await context.control();
      printCluster(context.output, await control.describeCluster(await context.clusterId()));
    }),
  );

  acceptGlobalOptions(
    cluster
      .command('initialize')
      .description("make the masking key on the cluster's first HSM; the others then join"),
  ).action(
    action(async (context) => {
      const control = await context.control();
      printCluster(context.output, await control.initializeCluster(await context.clusterId()));
    }),
  );

  acceptGlobalOptions(
    cluster
      .command('add-hsm')
      .description('add a running HSM node to the cluster (it joins by attested key transport)')
      .option('--address <host:port>', "the node's data-plane address (required)")
      .option('--az <label>', 'its availability zone (default: what the node reports)')
      .option('--hsm-id <id>', 'its id (default: what the node reports)')
      .option('--wait', 'wait until the join ends (ACTIVE or CREATE_FAILED; not before initialize)')
      .option('--timeout-ms <ms>', `how long --wait waits (default ${JOIN_TIMEOUT_MS})`),
  ).action(
    action<AddHsmOptions>(async (context, _args, options) => {
      const address = checkAddress(requireValue(options.address, '--address'), '--address');
      const control = await context.control();
      const clusterId = await context.clusterId();
      let hsm = await control.addHsm({
        clusterId,
        address,
        az: options.az ?? '',
        hsmId: options.hsmId ?? '',
      });
      if (options.wait) {
        const timeoutMs =
          options.timeoutMs === undefined
            ? JOIN_TIMEOUT_MS
            : parsePositiveInteger(options.timeoutMs, '--timeout-ms');
        hsm =
          (await waitForHsm(
            () => control.describeCluster(clusterId),
            hsm.hsmId,
            // An uninitialised cluster's HSMs wait for `cluster initialize`, not for time.
            (h, c) =>
              h === undefined ||
              h.state === 'ACTIVE' ||
              h.state === 'CREATE_FAILED' ||
              c.state === 'UNINITIALIZED',
            timeoutMs,
          )) ?? hsm;
      }
      printHsm(context.output, hsm);
      if (hsm.state === 'CREATE_FAILED') {
        throw new CliError(`${hsm.hsmId} could not join: ${hsm.stateMessage}`);
      }
    }),
  );

  acceptGlobalOptions(
    cluster
      .command('remove-hsm')
      .description('remove an HSM from the cluster (after a backup is attempted)')
      .option('--hsm-id <id>', 'the HSM to remove (required)'),
  ).action(
    action<{ hsmId?: string }>(async (context, _args, options) => {
      const hsmId = requireValue(options.hsmId, '--hsm-id');
      const control = await context.control();
      printHsm(context.output, await control.removeHsm(await context.clusterId(), hsmId));
    }),
  );
}
