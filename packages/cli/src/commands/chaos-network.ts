import type { Command } from 'commander';
import type { Direction } from '@hsmlab/chaos';
import { UsageError } from '../cli-errors';
import { action, requireValue } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import type { Column, Output } from '../output';
import { chaosLab } from '../chaos/chaos-lab';
import { millisecondsFlag } from '../chaos/chaos-durations';
import { labFaultProxies } from '../chaos/lab-fault-proxies';
import type { ProxySelector, ProxyView } from '../chaos/proxy-host-protocol';
import {
  composeDetach,
  composeHeal,
  composeProxies,
  composeSetFaults,
} from '../compose-chaos/compose-commands';
import {
  composeProjectName,
  isCompose,
  withComposeOptions,
  type ComposeOptions,
} from '../compose-chaos/compose-options';

/** TargetOptions pick the links a network fault acts on, in the process-mode or compose lab. */
interface TargetOptions extends ComposeOptions {
  az?: string;
  hsm?: string;
}

/** ONE_WAY maps `--one-way` to the proxy direction held: to-node is client → node. */
const ONE_WAY: Readonly<Record<string, Direction>> = { 'to-node': 'up', 'from-node': 'down' };

const COLUMNS: readonly Column<ProxyView>[] = [
  { header: 'HSM', value: (p) => p.hsmId },
  { header: 'AZ', value: (p) => p.az },
  { header: 'PROXY', value: (p) => p.address },
  { header: 'NODE', value: (p) => p.target },
  { header: 'FAULTS', value: (p) => p.description },
  { header: 'OPEN', value: (p) => p.stats.open },
];

function selector(options: TargetOptions, required: boolean): ProxySelector {
  if (options.az !== undefined && options.hsm !== undefined) {
    throw new UsageError('give --az or --hsm, not both');
  }
  if (required && options.az === undefined && options.hsm === undefined) {
    throw new UsageError('give --az <label> or --hsm <hsm-id>');
  }
  return { az: options.az, hsmId: options.hsm };
}

function withTarget(command: Command): Command {
  return withComposeOptions(
    command.option('--az <label>', 'every HSM of this AZ').option('--hsm <hsm-id>', 'one HSM'),
  );
}

function printProxies(output: Output, proxies: ProxyView[]): void {
  output.result({ proxies }, () => output.table(proxies, COLUMNS));
}

/**
 * registerChaosNetworkCommands adds the network faults to `hsmlab chaos`:
 * partition, latency, heal and proxies. They act on the TcpFaultProxy in
 * front of each HSM, so they cut or slow the node's links to clients and to
 * the orchestrator alike; a lab needs `lab up --fault-proxies` for them.
 * With `--compose` the proxy runs inside the HSM container's network
 * namespace (see ../compose-chaos/netns-proxies.ts), put there on the first
 * fault; `chaos detach --compose` takes it away.
 */
export function registerChaosNetworkCommands(chaos: Command): void {
  acceptGlobalOptions(
    withTarget(
      chaos
        .command('partition')
        .description('cut HSMs off from clients and the orchestrator (bytes are held until heal)'),
    ).option(
      '--one-way <direction>',
      'cut one direction only: to-node (requests) or from-node (answers)',
    ),
  ).action(
    action<TargetOptions & { oneWay?: string }>(async (context, _args, options) => {
      const select = selector(options, true);
      let cut: Direction[] = ['up', 'down'];
      if (options.oneWay !== undefined) {
        const direction = ONE_WAY[options.oneWay];
        if (direction === undefined) throw new UsageError('--one-way must be to-node or from-node');
        cut = [direction];
      }
      if (isCompose(options)) {
        return composeSetFaults(
          context,
          composeProjectName(options),
          select,
          { cut },
          'partitioned',
        );
      }
      const { layout, lab } = await chaosLab(context);
      const proxies = await labFaultProxies(layout, lab);
      const affected = await proxies.setFaults({ ...select, faults: { cut } });
      context.output.line(`partitioned ${affected.map((p) => p.hsmId).join(', ')}`);
      printProxies(context.output, affected);
    }),
  );

  acceptGlobalOptions(
    withTarget(
      chaos.command('latency').description("slow HSMs' links: a delay plus jitter, each way"),
    )
      .option('--ms <n>', 'delay added to every chunk, in milliseconds')
      .option('--jitter-ms <n>', 'random extra delay up to n milliseconds', '0'),
  ).action(
    action<TargetOptions & { ms?: string; jitterMs: string }>(async (context, _args, options) => {
      const select = selector(options, true);
      const latencyMs = millisecondsFlag(requireValue(options.ms, '--ms'), '--ms');
      const jitterMs = millisecondsFlag(options.jitterMs, '--jitter-ms');
      if (isCompose(options)) {
        return composeSetFaults(
          context,
          composeProjectName(options),
          select,
          { latencyMs, jitterMs },
          'slowed',
        );
      }
      const { layout, lab } = await chaosLab(context);
      const proxies = await labFaultProxies(layout, lab);
      const affected = await proxies.setFaults({ ...select, faults: { latencyMs, jitterMs } });
      context.output.line(`slowed ${affected.map((p) => p.hsmId).join(', ')}`);
      printProxies(context.output, affected);
    }),
  );

  acceptGlobalOptions(
    withTarget(
      chaos
        .command('heal')
        .description('remove every network fault (of all HSMs unless --az or --hsm)'),
    ),
  ).action(
    action<TargetOptions>(async (context, _args, options) => {
      const select = selector(options, false);
      if (isCompose(options)) {
        return composeHeal(context, composeProjectName(options), select);
      }
      const { layout, lab } = await chaosLab(context);
      const proxies = await labFaultProxies(layout, lab);
      const affected = await proxies.heal(select);
      context.output.line(`healed ${affected.map((p) => p.hsmId).join(', ')}`);
      printProxies(context.output, affected);
    }),
  );

  acceptGlobalOptions(
    withComposeOptions(
      chaos.command('proxies').description('list the fault proxies and the faults in force'),
    ),
  ).action(
    action<ComposeOptions>(async (context, _args, options) => {
      if (isCompose(options)) return composeProxies(context, composeProjectName(options));
      const { layout, lab } = await chaosLab(context);
      printProxies(context.output, await (await labFaultProxies(layout, lab)).list());
    }),
  );

  acceptGlobalOptions(
    withTarget(
      chaos
        .command('detach')
        .description(
          "--compose only: remove the fault proxies from HSM containers' network namespaces (all unless --az or --hsm)",
        ),
    ),
  ).action(
    action<TargetOptions>(async (context, _args, options) => {
      const select = selector(options, false);
      if (!isCompose(options)) {
        throw new UsageError(
          'chaos detach is for the compose lab (--compose); a process-mode lab keeps its fault proxies until "hsmlab lab down"',
        );
      }
      return composeDetach(context, composeProjectName(options), select);
    }),
  );
}
