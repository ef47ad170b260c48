import type { Command } from 'commander';
import type { orchestratorV1 } from '@hsmlab/proto';
import { BACKUP_COLUMNS, printCluster } from '../cluster-view';
import { action, requireValue, type CommandContext } from '../command-context';
import type { ControlClient } from '../control-client';
import { acceptGlobalOptions } from '../global-options';
import { formatTimeMs } from '../output';

interface BackupOptions {
  backupId?: string;
  all?: boolean;
}

/** BackupAction is the body of a command that acts on the backup named by --backup-id. */
type BackupAction = (
  context: CommandContext,
  control: ControlClient,
  backupId: string,
) => Promise<void>;

function printBackup(context: CommandContext, backup: orchestratorV1.Backup__Output): void {
  const { output } = context;
  output.result({ ...backup }, () =>
    output.record({
      backup: backup.backupId,
      cluster: backup.clusterId,
      state: backup.state,
      created: formatTimeMs(backup.createdAtMs),
      trigger: backup.trigger,
      objects: backup.objectCount,
      'source HSM': backup.sourceHsmId,
      'delete at': formatTimeMs(backup.deleteAtMs),
    }),
  );
}

/**
 * registerBackupCommands adds `hsmlab backup ...`: masked backups kept by
 * the orchestrator. `delete` only marks a backup PENDING_DELETION; `restore`
 * takes it back out; `apply` restores its objects into a cluster of the
 * same masking domain; `create-cluster-from` makes a new cluster from it.
 */
export function registerBackupCommands(program: Command): void {
  const backup = program.command('backup').description('list, take, delete and restore backups');

  /** byBackupId adds `backup <name> --backup-id <id>`, run against the orchestrator. */
  const byBackupId = (name: string, description: string, run: BackupAction): void => {
    acceptGlobalOptions(
      backup
        .command(name)
        .description(description)
        .option('--backup-id <id>', 'the backup (required)'),
    ).action(
      action<BackupOptions>(async (context, _args, options) => {
        const control = await context.control();
        await run(context, control, requireValue(options.backupId, '--backup-id'));
      }),
    );
  };

  acceptGlobalOptions(
    backup
      .command('list')
      .description('list the backups of the cluster')
      .option('--all', 'list the backups of every cluster'),
  ).action(
    action<BackupOptions>(async (context, _args, options) => {
      const control = await context.control();
      const clusterId = options.all ? '' : await context.clusterId();
      const backups = await control.listBackups(clusterId);
      const { output } = context;
      output.result({ backups }, () => output.table(backups, BACKUP_COLUMNS, '(no backups)'));
    }),
  );

  acceptGlobalOptions(
    backup.command('create').description('take a backup now from an ACTIVE HSM'),
  ).action(
    action(async (context) => {
      const control = await context.control();
      printBackup(context, await control.createBackup(await context.clusterId()));
    }),
  );

  byBackupId(
    'delete',
    'mark a backup PENDING_DELETION (restorable until it is purged)',
    async (context, control, backupId) => {
      printBackup(context, await control.deleteBackup(backupId));
    },
  );

  byBackupId(
    'restore',
    'take a backup out of PENDING_DELETION',
    async (context, control, backupId) => {
      printBackup(context, await control.restoreBackup(backupId));
    },
  );

  byBackupId(
    'apply',
    "restore a backup's objects into the cluster (same masking domain only)",
    async (context, control, backupId) => {
      const reply = await control.applyBackup(backupId, await context.clusterId());
      const { output } = context;
      output.result(reply, () =>
        output.line(`applied ${reply.objectsApplied} objects of ${backupId} on ${reply.hsmId}`),
      );
    },
  );

  byBackupId(
    'create-cluster-from',
    'create a new cluster from a backup; add HSMs to it next',
    async (context, control, backupId) => {
      printCluster(context.output, await control.createClusterFromBackup(backupId));
    },
  );
}
