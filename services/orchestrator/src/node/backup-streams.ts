import type { Metadata, ServiceError } from '@grpc/grpc-js';
import type { ApplianceClient, applianceV1 } from '@hsmlab/proto';

/**
 * collectBackupStream reads a whole CreateBackup stream into memory: the
 * masked objects in handle order, then the signed manifest. Holding it whole
 * lets the orchestrator check count and digest before anything is stored or
 * restored (10,000 objects are a few megabytes).
 */
export function collectBackupStream(
  client: ApplianceClient,
  backupId: string,
  md: Metadata,
  deadline: number,
): Promise<applianceV1.BackupPart__Output[]> {
  const parts: applianceV1.BackupPart__Output[] = [];
  return new Promise((resolve, reject) => {
    const stream = client.createBackup({ backupId }, md, { deadline });
    stream.on('data', (part: applianceV1.BackupPart__Output) => parts.push(part));
    stream.on('error', (err: ServiceError) => reject(err));
    stream.on('end', () => resolve(parts));
  });
}

/**
 * sendBackupStream writes parts to a RestoreBackup call, waiting for 'drain'
 * whenever grpc-js's buffer is full, and resolves with the node's answer.
 */
export function sendBackupStream(
  client: ApplianceClient,
  parts: readonly applianceV1.BackupPart[],
  md: Metadata,
  deadline: number,
): Promise<applianceV1.RestoreBackupResponse__Output> {
  return new Promise((resolve, reject) => {
    const call = client.restoreBackup(md, { deadline }, (err, value) =>
      err || !value ? reject(err ?? new Error('no response')) : resolve(value),
    );
    let i = 0;
    const pump = (): void => {
      while (i < parts.length) {
        const more = call.write(parts[i]);
        i += 1;
        if (!more) {
          call.once('drain', pump);
          return;
        }
      }
      call.end();
    };
    pump();
  });
}
