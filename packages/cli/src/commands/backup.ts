import type { Command } from 'commander';
import type { orchestratorV1 } from '@hsmlab/proto';
import { BACKUP_COLUMNS, printCluster } from '../cluster-view';
import { action, requireValue, type CommandContext } from '../command-context';
import { acceptGlobalOptions } from '../global-options';
import { formatTimeMs } from '../output';

interface BackupOptions {
  backupId?: string;
  all?: boolean;
}

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
  const backupIdOption = ['--backup-id <id>', 'the backup (required)'] as const;

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

  acceptGlobalOptions(
    backup
      .command('delete')
      .description('mark a backup PENDING_DELETION (restorable until it is purged)')
      .option(...backupIdOption),
  ).action(
    action<BackupOptions>(async (context, _args, options) => {
      const control = await context.control();
      printBackup(
        context,
        await control.deleteBackup(requireValue(options.backupId, '--backup-id')),
      );
    }),
  );

  acceptGlobalOptions(
    backup
      .command('restore')
      .description('take a backup out of PENDING_DELETION')
      .option(...backupIdOption),
  ).action(
    action<BackupOptions>(async (context, _args, options) => {
      const control = await context.control();
      printBackup(
        context,
        await control.restoreBackup(requireValue(options.backupId, '--backup-id')),
      );
    }),
  );

  acceptGlobalOptions(
    backup
      .command('apply')
      .description("restore a backup's objects into the cluster (same masking domain only)")
      .option(...backupIdOption),
  ).action(
    action<BackupOptions>(async (context, _args, options) => {
      const control = await context.control();
      const backupId = requireValue(options.backupId, '--backup-id');
      const reply = await control.applyBackup(backupId, await context.clusterId());
      const { output } = context;
      output.result(reply, () =>
        output.line(`applied ${reply.objectsApplied} objects of ${backupId} on ${reply.hsmId}`),
      );
    }),
  );

  acceptGlobalOptions(
    backup
      .command('create-cluster-from')
      .description('create a new cluster from a backup; add HSMs to it next')
      .option(...backupIdOption),
  ).action(
    action<BackupOptions>(async (context, _args, options) => {
      const control = await context.control();
      const backupId = requireValue(options.backupId, '--backup-id');
      printCluster(context.output, await control.createClusterFromBackup(backupId));
    }),
  );
}
