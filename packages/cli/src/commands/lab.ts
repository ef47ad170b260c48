import type { Command } from 'commander';
import { CliError, UsageError } from '../cli-errors';
import { parsePositiveInteger } from '../cluster-target';
import { printHsm } from '../cluster-view';
import { action, type CommandContext } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import { readCredentialsFile, readLabFile, type LabFile } from '../lab-files';
import { labDown } from '../lab/lab-down';
import { runInForeground } from '../lab/lab-foreground';
import { LabLayout } from '../lab/lab-layout';
import { addLabHsm, removeLabHsm } from '../lab/lab-members';
import { printLabReady } from '../lab/lab-report';
import { labStatus, notRunning, printLabStatus } from '../lab/lab-status';
import { labUp, LAB_USER, MAX_LAB_HSMS } from '../lab/lab-up';

interface UpOptions {
  hsms?: string;
  azs?: string;
  insecure?: boolean;
  foreground?: boolean;
  faultProxies?: boolean;
}

async function existingLab(context: CommandContext): Promise<{ layout: LabLayout; lab: LabFile }> {
  const layout = new LabLayout(context.labDir);
  const lab = await readLabFile(layout.dir);
  if (lab === undefined) {
    throw new UsageError(`no lab in ${layout.dir}: start one with "hsmlab lab up"`);
  }
  return { layout, lab };
}

/**
 * registerLabCommands adds `hsmlab lab ...`: a process-mode lab of one
 * orchestrator and N HSM nodes on loopback, its state under --lab-dir.
 */
export function registerLabCommands(program: Command): void {
  const lab = program
    .command('lab')
    .description('run a local multi-AZ cluster as OS processes (no Docker needed)');

  acceptGlobalOptions(
    lab
      .command('up')
      .description('start the lab (made, initialised and activated on its first start)')
      .option('--hsms <n>', `number of HSMs, 1 to ${MAX_LAB_HSMS} (default: one per AZ)`)
      .option('--azs <a,b,c>', 'availability zone labels (default a,b,c)')
      .option('--foreground', 'stay attached; Ctrl-C stops the lab')
      .option(
        '--fault-proxies',
        'put a TCP fault proxy in front of every HSM, for "hsmlab chaos partition|latency|heal"',
      ),
  ).action(
    action<UpOptions>(async (context, _args, options) => {
      const layout = new LabLayout(context.labDir);
      const hsms =
        options.hsms === undefined ? undefined : parsePositiveInteger(options.hsms, '--hsms');
      const azs = options.azs
        ?.split(',')
        .map((az) => az.trim())
        .filter((az) => az !== '');
      const up = await labUp(
        layout,
        {
          hsms,
          azs,
          insecure: context.options.insecure === true,
          faultProxies: options.faultProxies === true,
        },
        context.output,
      );
      const credentials = await readCredentialsFile(layout.dir);
      printLabReady(context.output, layout, up, credentials?.cryptoUser.username ?? LAB_USER);
      if (options.foreground) await runInForeground(layout, up, context.output);
    }),
  );

  acceptGlobalOptions(
    lab
      .command('status')
      .description('show every lab process and HSM; exits 1 when one is not running'),
  ).action(
    action(async (context) => {
      const { layout, lab: current } = await existingLab(context);
      const status = await labStatus(layout, current);
      printLabStatus(context.output, status);
      const down = notRunning(status, current);
      if (down.length === current.hsms.length + 1) {
        throw new CliError('the lab is stopped ("hsmlab lab up" starts it)');
      }
      if (down.length > 0) {
        const names = down.map((r) => `${r.name} (${r.process.state})`).join(', ');
        throw new CliError(`${down.length} lab process(es) not running: ${names}`);
      }
    }),
  );

  acceptGlobalOptions(
    lab
      .command('add-hsm')
      .description('start one more HSM node and add it to the cluster')
      .option('--az <label>', 'its availability zone (required)')
      .option('--no-wait', 'return once it is added, before it has joined'),
  ).action(
    action<{ az?: string; wait: boolean }>(async (context, _args, options) => {
      if (options.az === undefined) throw new UsageError('--az is required');
      const { layout, lab: current } = await existingLab(context);
      const hsm = await addLabHsm(layout, current, options.az, options.wait);
      printHsm(context.output, hsm);
    }),
  );

  acceptGlobalOptions(
    lab
      .command('remove-hsm')
      .description('remove an HSM from the cluster, stop it and delete its data')
      .argument('<hsm-id>', 'the HSM, e.g. hsm-b2'),
  ).action(
    action(async (context, [hsmId]) => {
      const { layout, lab: current } = await existingLab(context);
      await removeLabHsm(layout, current, hsmId!);
      context.output.result({ removed: hsmId }, () => context.output.line(`removed ${hsmId}`));
    }),
  );

  acceptGlobalOptions(
    lab
      .command('down')
      .description('stop every lab process; state stays for the next "lab up"')
      .option('--purge', 'also delete the lab directory and all its state'),
  ).action(
    action<{ purge?: boolean }>(async (context, _args, options) => {
      const layout = new LabLayout(context.labDir);
      const stopped = await labDown(layout, options.purge === true, context.output);
      context.output.result({ stopped, purged: options.purge === true }, () => {
        if (stopped.length === 0) context.output.line('nothing was running');
        if (options.purge) context.output.line(`deleted ${layout.dir}`);
      });
    }),
  );
}
