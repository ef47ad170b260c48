import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@hsmlab/common';
import type { Clock } from '../model';
import { DATA_FILE_MODE, fsyncDir } from './durable-fs';
import { StoreCorruptError } from './errors';
import { GroupCommitFile } from './group-commit-file';

/** AUDIT_LOG_FILE is the audit log's name inside the data dir. */
export const AUDIT_LOG_FILE = 'audit.log';

/**
 * AuditEventInput is what a caller records. Any further fields are kept as
 * details on the line (after redaction); seq, ts and restart are the log's.
 */
export interface AuditEventInput {
  action: string;
  actor: string;
  outcome: string;
  requestId?: string;
  /** Defaults to the log's node id. */
  nodeId?: string;
}

/** AuditRecord is one line of the audit log. */
export interface AuditRecord extends AuditEventInput {
  /** seq numbers lines 1, 2, 3… without gaps, across restarts. */
  seq: number;
  /** ISO-8601 time the event was recorded. */
  ts: string;
  /** The node's restart count when the event was recorded. */
  restart: number;
  nodeId: string;
  [detail: string]: unknown;
}

/** AuditLogOptions configure AuditLog.open. */
export interface AuditLogOptions {
  dataDir: string;
  nodeId: string;
  /** The node's restart count (NodeState.restartCount). */
  restart: number;
  logger: Logger;
  /** @default true */
  fsync?: boolean;
  /** @default the system clock */
  clock?: Clock;
}

const RESERVED = new Set([
  'seq',
  'ts',
  'restart',
  'nodeId',
  'action',
  'actor',
  'requestId',
  'outcome',
]);
/** SECRET_FIELDS are dropped from details wherever they appear; callers should not send them. */
const SECRET_FIELDS = new Set(
  ['password', 'newPassword', 'pin', 'material', 'plaintext', 'keyBytes', 'sessionToken'].map(
    (name) => name.toLowerCase(),
  ),
);
const REDACTED = '[redacted]';
const TAIL_CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * AuditLog is the node's append-only audit log, `<dataDir>/audit.log`: one
 * JSON line per event, numbered without gaps across restarts. Lines are
 * group-fsynced like journal frames. On open, a torn last line (a crash in
 * mid-append, never acknowledged) is cut and the numbering goes on from the
 * last whole line.
 */
export class AuditLog {
  /** Invariant: seq is the number of the last line queued; lines reach the file in seq order. */
  private seq: number;

  private constructor(
    private readonly file: GroupCommitFile,
    lastSeq: number,
    private readonly options: AuditLogOptions,
    private readonly logger: Logger,
  ) {
    this.seq = lastSeq;
  }

  /** open recovers the last seq from the log's tail, cutting a torn last line. */
  static async open(options: AuditLogOptions): Promise<AuditLog> {
    const logger = options.logger.child({ subsystem: 'audit-log' });
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    const path = join(options.dataDir, AUDIT_LOG_FILE);
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT, DATA_FILE_MODE);
    try {
      if (options.fsync ?? true) await fsyncDir(options.dataDir);
      const { sizeBytes, lastSeq, cutBytes } = await recoverTail(handle, path);
      if (cutBytes > 0) {
        logger.warn({ path, cutBytes, lastSeq }, 'audit log had a torn last line; dropped it');
      }
      const file = new GroupCommitFile(handle, sizeBytes, path, options.fsync ?? true);
      return new AuditLog(file, lastSeq, options, logger);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** lastSeq is the seq of the last event queued (0 for an empty log). */
  get lastSeq(): number {
    return this.seq;
  }

  /** append records event and resolves with its seq once the line is durable. */
  async append<E extends AuditEventInput>(event: E): Promise<number> {
    const { seq, durable } = this.queue(event);
    await durable;
    return seq;
  }

  /**
   * record queues event and returns its seq at once; the line is durable by
   * the next flush(). A failed write is logged here, not thrown.
   */
  record<E extends AuditEventInput>(event: E): number {
    const { seq, durable } = this.queue(event);
    durable.catch((err: unknown) => {
      this.logger.error({ err, seq, action: event.action }, 'audit line write failed');
    });
    return seq;
  }

  /** flush resolves once every line queued before the call is durable. */
  flush(): Promise<void> {
    return this.file.exclusive(async () => undefined);
  }

  /** close waits for queued lines and closes the file. */
  close(): Promise<void> {
    return this.file.close();
  }

  private queue(event: AuditEventInput): { seq: number; durable: Promise<void> } {
    if (this.file.failed) return { seq: this.seq, durable: Promise.reject(this.file.failed) };
    const seq = this.seq + 1;
    const line: Record<string, unknown> = {
      seq,
      ts: new Date(this.options.clock?.nowMs() ?? Date.now()).toISOString(),
      restart: this.options.restart,
      nodeId: event.nodeId ?? this.options.nodeId,
      action: event.action,
      actor: event.actor,
      requestId: event.requestId,
      outcome: event.outcome,
    };
    for (const [name, value] of Object.entries(event)) {
      if (!RESERVED.has(name)) line[name] = redact(name, value, 0);
    }
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`, 'utf8');
    const durable = this.file.append(bytes);
    // Only a line that was queued takes a number, so the numbering stays gapless.
    this.seq = seq;
    return { seq, durable };
  }
}

/** redact replaces secret-named fields, at any depth, with a marker. */
function redact(name: string, value: unknown, depth: number): unknown {
  if (SECRET_FIELDS.has(name.toLowerCase())) return REDACTED;
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Buffer.isBuffer(value)) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redact('', item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redact(key, item, depth + 1);
  return out;
}

/**
 * recoverTail finds the last whole line of the log, cuts anything after it
 * and returns its seq. A whole last line that does not parse is corruption,
 * not a torn write, and is an error.
 */
async function recoverTail(
  handle: FileHandle,
  path: string,
): Promise<{ sizeBytes: number; lastSeq: number; cutBytes: number }> {
  const { size } = await handle.stat();
  if (size === 0) return { sizeBytes: 0, lastSeq: 0, cutBytes: 0 };
  const lastNewline = await lastIndexOfNewline(handle, size);
  const sizeBytes = lastNewline + 1;
  const cutBytes = size - sizeBytes;
  if (cutBytes > 0) {
    await handle.truncate(sizeBytes);
    await handle.sync();
  }
  if (sizeBytes === 0) return { sizeBytes, lastSeq: 0, cutBytes };
  const lineStart = (await lastIndexOfNewline(handle, lastNewline)) + 1;
  const line = Buffer.alloc(lastNewline - lineStart);
  await handle.read(line, 0, line.length, lineStart);
  let seq: unknown;
  try {
    seq = (JSON.parse(line.toString('utf8')) as { seq?: unknown }).seq;
  } catch (err) {
    throw new StoreCorruptError(path, 'last audit line is not JSON', { cause: err });
  }
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    throw new StoreCorruptError(path, 'last audit line has no seq');
  }
  return { sizeBytes, lastSeq: seq, cutBytes };
}

/** lastIndexOfNewline is the offset of the last newline before end, or -1. */
async function lastIndexOfNewline(handle: FileHandle, end: number): Promise<number> {
  const chunk = Buffer.alloc(TAIL_CHUNK_BYTES);
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK_BYTES);
    const length = end - start;
    await handle.read(chunk, 0, length, start);
    const at = chunk.subarray(0, length).lastIndexOf(NEWLINE);
    if (at >= 0) return start + at;
    end = start;
  }
  return -1;
}
