import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CLUSTER_STATES, HSM_STATES, JOIN_PHASES, type ClusterRecord } from '../model/records';
import { TMP_PREFIX, writeFileAtomic } from './atomic-file';

/** PersistedState is the content of `<dataDir>/state.json`. */
export interface PersistedState {
  formatVersion: 1;
  clusters: ClusterRecord[];
}

const hsmSchema = z.object({
  hsmId: z.string(),
  az: z.string(),
  address: z.string(),
  state: z.enum(HSM_STATES),
  stateMessage: z.string(),
  addedAtMs: z.number(),
  joinPhase: z.enum(JOIN_PHASES),
  objectCount: z.number(),
  load: z.number(),
  capacity: z.number(),
  lastSeenMs: z.number(),
  consecutiveFailures: z.number(),
  inSync: z.boolean(),
});

const stateSchema = z.object({
  formatVersion: z.literal(1),
  clusters: z.array(
    z.object({
      clusterId: z.string(),
      domainId: z.string(),
      createdAtMs: z.number(),
      activatedAtMs: z.number(),
      sourceBackupId: z.string(),
      pendingRestoreBackupId: z.string(),
      lastScheduledBackupMs: z.number(),
      state: z.enum(CLUSTER_STATES),
      stateMessage: z.string(),
      hsms: z.array(hsmSchema),
    }),
  ),
});

/**
 * StateStore keeps the orchestrator's records in `<dataDir>/state.json`.
 * Every save replaces the file atomically (see atomic-file.ts), and saves run
 * one at a time in call order, each with a snapshot taken when it was
 * called, so the file on disk is always some state the orchestrator held.
 */
export class StateStore {
  private readonly path: string;
  /** The tail of the save queue; each save starts after the previous one ends. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, 'state.json');
  }

  /**
   * load reads state.json, or returns an empty state when there is none. A
   * file that does not parse is an error naming the file: the orchestrator
   * refuses to start rather than forget its clusters.
   */
  async load(): Promise<PersistedState> {
    await mkdir(this.dataDir, { recursive: true, mode: 0o700 });
    for (const name of await readdir(this.dataDir)) {
      if (name.startsWith(TMP_PREFIX)) await rm(join(this.dataDir, name), { force: true });
    }
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        return { formatVersion: 1, clusters: [] };
      throw err;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new Error(`${this.path} is not valid JSON`, { cause: err });
    }
    const parsed = stateSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(
        `${this.path} is not an orchestrator state file: ${first?.path.join('.')}: ${first?.message}`,
      );
    }
    return parsed.data;
  }

  /** save persists clusters durably; it resolves once the file is on disk. */
  save(clusters: readonly ClusterRecord[]): Promise<void> {
    const state: PersistedState = { formatVersion: 1, clusters: [...clusters] };
    const text = JSON.stringify(state, null, 1);
    const next = this.queue.then(() => writeFileAtomic(this.path, text));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
