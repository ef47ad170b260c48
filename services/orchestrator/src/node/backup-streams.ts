import { status, type ClientWritableStream, type Metadata, type ServiceError } from '@grpc/grpc-js';
import type { ApplianceClient, applianceV1 } from '@hsmlab/proto';

/**
 * readBackupStream reads a CreateBackup stream part by part: the masked
 * objects in handle order, then the signed manifest. When onPart returns a
 * promise the stream is paused until it settles, so a slow consumer (a
 * restore on another node) holds the source back instead of piling parts up
 * in memory. A throwing onPart cancels the stream and rejects with its error.
 */
export function readBackupStream(
  client: ApplianceClient,
  backupId: string,
  md: Metadata,
  deadline: number,
  onPart: (part: applianceV1.BackupPart__Output) => void | Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.createBackup({ backupId }, md, { deadline });
    let failed: unknown;
    let pending = Promise.resolve();
    const fail = (err: unknown): void => {
      if (failed !== undefined) return;
      failed = err;
      stream.cancel();
      reject(err);
    };
    stream.on('data', (part: applianceV1.BackupPart__Output) => {
      try {
        const waiting = onPart(part);
        if (waiting) {
          stream.pause();
          pending = waiting.then(() => void stream.resume(), fail);
        }
      } catch (err) {
        fail(err);
      }
    });
    stream.on('error', (err: ServiceError) => {
      if (err.code !== status.CANCELLED || failed === undefined) fail(err);
    });
    stream.on('end', () => {
      pending.then(() => (failed === undefined ? resolve() : undefined), fail);
    });
  });
}

/** collectBackupStream reads a whole CreateBackup stream into memory. */
export async function collectBackupStream(
  client: ApplianceClient,
  backupId: string,
  md: Metadata,
  deadline: number,
): Promise<applianceV1.BackupPart__Output[]> {
  const parts: applianceV1.BackupPart__Output[] = [];
  await readBackupStream(client, backupId, md, deadline, (part) => void parts.push(part));
  return parts;
}

/**
 * RestoreSink is an open RestoreBackup call. The node applies a backup only
 * after it has every part and the manifest, so abort() before finish()
 * leaves the node exactly as it was.
 */
export class RestoreSink {
  private readonly call: ClientWritableStream<applianceV1.BackupPart>;
  private readonly result: Promise<applianceV1.RestoreBackupResponse__Output>;

  constructor(client: ApplianceClient, md: Metadata, deadline: number) {
    let call!: ClientWritableStream<applianceV1.BackupPart>;
    this.result = new Promise((resolve, reject) => {
      call = client.restoreBackup(md, { deadline }, (err, value) =>
        err || !value ? reject(err ?? new Error('no response')) : resolve(value),
      );
    });
    // Until finish() is awaited, a failure of the call must not be an unhandled rejection.
    this.result.catch(() => undefined);
    this.call = call;
  }

  /** write sends one part; it resolves once grpc-js can take more. */
  write(part: applianceV1.BackupPart): Promise<void> {
    if (this.call.write(part)) return Promise.resolve();
    const drained = new Promise<void>((resolve) => this.call.once('drain', () => resolve()));
    // A call that ends while we wait for 'drain' (the node failed) must not leave us waiting.
    const ended = this.result.then(() => {
      throw new Error('RestoreBackup ended before the backup was sent');
    });
    return Promise.race([drained, ended]);
  }

  /** finish ends the stream and waits for the node's answer. */
  finish(): Promise<applianceV1.RestoreBackupResponse__Output> {
    this.call.end();
    return this.result;
  }

  /** abort cancels the call: the node applies nothing. */
  abort(): void {
    this.call.cancel();
  }
}

/** sendBackupStream restores a list of parts in one RestoreBackup call. */
export async function sendBackupStream(
  client: ApplianceClient,
  parts: readonly applianceV1.BackupPart[],
  md: Metadata,
  deadline: number,
): Promise<applianceV1.RestoreBackupResponse__Output> {
  const sink = new RestoreSink(client, md, deadline);
  for (const part of parts) await sink.write(part);
  return sink.finish();
}
