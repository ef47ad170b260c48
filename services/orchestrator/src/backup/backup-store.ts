import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { applianceV1 } from '@hsmlab/proto';
import { BackupIntegrityError } from '../errors';
import { BACKUP_ID_PATTERN } from '../ids';
import {
  TMP_PREFIX,
  removeDirDurably,
  writeDirAtomic,
  writeFileAtomic,
} from '../store/atomic-file';
import { decodeParts } from './backup-format';
import { BACKUP_STATES, BACKUP_TRIGGERS, type BackupMeta } from './backup-policy';

const PARTS_FILE = 'parts.bin';
const META_FILE = 'meta.json';

const versionSchema = z.object({ wallMs: z.number(), logical: z.number(), nodeId: z.string() });
const metaSchema = z.object({
  backupId: z.string().regex(BACKUP_ID_PATTERN),
  clusterId: z.string(),
  domainId: z.string(),
  state: z.enum(BACKUP_STATES),
  createdAtMs: z.number(),
  deleteAtMs: z.number(),
  objectCount: z.number(),
  trigger: z.enum(BACKUP_TRIGGERS),
  sourceHsmId: z.string(),
  sizeBytes: z.number(),
  partsSha256: z.string(),
  maxVersion: versionSchema.nullable(),
});

/**
 * BackupStore keeps backups under `<dataDir>/backups/<backupId>/`: parts.bin
 * (the masked objects and the signed manifest, see backup-format.ts) and
 * meta.json (state, trigger, times). A backup directory appears whole or not
 * at all (writeDirAtomic); meta.json changes are atomic file replacements.
 * The directory is the source of truth: open() rebuilds the index from it.
 */
export class BackupStore {
  private readonly dir: string;
  /** Invariant: holds exactly the backups whose directory exists with a valid meta.json. */
  private readonly index = new Map<string, BackupMeta>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'backups');
  }

  /** open scans the backup directory, dropping half-written leftovers. Unreadable entries are returned as problems. */
  async open(): Promise<string[]> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const problems: string[] = [];
    for (const name of (await readdir(this.dir)).sort()) {
      const path = join(this.dir, name);
      if (name.startsWith(TMP_PREFIX)) {
        await rm(path, { recursive: true, force: true });
        continue;
      }
      try {
        const meta = metaSchema.parse(JSON.parse(await readFile(join(path, META_FILE), 'utf8')));
        if (meta.backupId !== name) throw new Error(`meta.json names ${meta.backupId}`);
        this.index.set(meta.backupId, meta);
      } catch (err) {
        problems.push(`${path}: ${(err as Error).message}`);
      }
    }
    return problems;
  }

  list(clusterId?: string): BackupMeta[] {
    return [...this.index.values()]
      .filter((b) => clusterId === undefined || b.clusterId === clusterId)
      .sort((a, b) => a.createdAtMs - b.createdAtMs || (a.backupId < b.backupId ? -1 : 1))
      .map((b) => ({ ...b }));
  }

  get(backupId: string): BackupMeta | undefined {
    const meta = this.index.get(backupId);
    return meta ? { ...meta } : undefined;
  }

  /** create stores a new backup durably; meta.partsSha256 and sizeBytes are filled in from data. */
  async create(meta: BackupMeta, data: Buffer): Promise<BackupMeta> {
    if (this.index.has(meta.backupId)) throw new Error(`invariant: backup ${meta.backupId} exists`);
    const full: BackupMeta = {
      ...meta,
      sizeBytes: data.length,
      partsSha256: createHash('sha256').update(data).digest('hex'),
    };
    await writeDirAtomic(join(this.dir, meta.backupId), {
      [PARTS_FILE]: data,
      [META_FILE]: JSON.stringify(full, null, 1),
    });
    this.index.set(full.backupId, full);
    return { ...full };
  }

  /** update replaces a backup's meta.json (state changes). */
  async update(meta: BackupMeta): Promise<void> {
    if (!this.index.has(meta.backupId)) throw new Error(`invariant: no backup ${meta.backupId}`);
    await writeFileAtomic(join(this.dir, meta.backupId, META_FILE), JSON.stringify(meta, null, 1));
    this.index.set(meta.backupId, { ...meta });
  }

  /**
   * readParts loads a backup's parts. A parts.bin whose hash is not the one
   * recorded, or that does not decode, is a BackupIntegrityError: the file
   * was altered or truncated on disk.
   */
  async readParts(backupId: string): Promise<applianceV1.BackupPart__Output[]> {
    const meta = this.index.get(backupId);
    if (!meta) throw new Error(`invariant: no backup ${backupId}`);
    let data: Buffer;
    try {
      data = await readFile(join(this.dir, backupId, PARTS_FILE));
    } catch (err) {
      throw new BackupIntegrityError(
        backupId,
        `cannot read ${PARTS_FILE}: ${(err as Error).message}`,
      );
    }
    const sha = createHash('sha256').update(data).digest('hex');
    if (sha !== meta.partsSha256) {
      throw new BackupIntegrityError(backupId, `${PARTS_FILE} changed on disk (sha256 ${sha})`);
    }
    try {
      return decodeParts(data);
    } catch (err) {
      throw new BackupIntegrityError(backupId, (err as Error).message);
    }
  }

  /** purge deletes a backup's files and forgets it. */
  async purge(backupId: string): Promise<void> {
    await removeDirDurably(join(this.dir, backupId));
    this.index.delete(backupId);
  }

  /** pathOf is where a backup lives (for tests and operators). */
  pathOf(backupId: string): string {
    return join(this.dir, backupId);
  }
}
