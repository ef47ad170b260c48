import { randomBytes, randomUUID } from 'node:crypto';
import type { HsmCluster } from '@hsmlab/client';
import type { History } from './history';
import type { Random } from './random';
import { createKey, deleteKey, encryptPlaintext, readLabel, signMessage } from './workload-ops';
import {
  DEFAULT_MIX,
  type CreateInput,
  type CreateOutput,
  type EncryptInput,
  type Holder,
  type KeyInput,
  type KeyKind,
  type KeyRecord,
  type OpKind,
  type OpMix,
  type SignInput,
} from './workload-types';

/** WorkloadOptions configure a Workload. */
export interface WorkloadOptions {
  sdk: HsmCluster;
  history: History;
  random: Random;
  /** Prefix of every label, so a run's keys are told apart from another's. */
  labelPrefix: string;
  /** Asks every node whether it holds a just-acknowledged key (probeHolders). */
  probeHolders?: (handle: string) => Promise<Holder[]>;
  /** @default 4 */
  workers?: number;
  mix?: Partial<OpMix>;
  /** Canary keys imported with known material at setup. @default 2 */
  canaries?: number;
  /** Pause between one worker's operations, in milliseconds. @default 0 */
  thinkMs?: number;
}

/** MIN_LIVE_AES keeps deletes from emptying the pool that encrypts draw from. */
const MIN_LIVE_AES = 3;
const MESSAGE_BYTES = 32;

/**
 * Workload is the chaos suites' client: workers that create, sign, encrypt,
 * read and delete keys through the SDK as fast as the cluster lets them,
 * recording every operation in a History. Each worker picks its operations
 * from its own seeded generator. Keys are drawn only from creates that were
 * acknowledged and not yet deleted.
 */
export class Workload {
  /** Every key acknowledged by a create, canaries included, by handle. */
  readonly keys = new Map<string, KeyRecord>();
  private readonly liveAes: KeyRecord[] = [];
  private readonly liveEc: KeyRecord[] = [];
  private readonly mix: OpMix;
  private readonly probes = new Set<Promise<void>>();
  private running: Promise<void> | undefined;
  private stopping = false;
  private nextLabel = 1;

  constructor(private readonly options: WorkloadOptions) {
    this.mix = { ...DEFAULT_MIX, ...options.mix };
  }

  /** canaries are the raw materials of the canary keys. */
  get canaries(): Buffer[] {
    return [...this.keys.values()].flatMap((k) => (k.canary ? [k.canary] : []));
  }

  /** setup imports the canary keys and makes a first few keys to work on, before any fault. */
  async setup(): Promise<void> {
    for (let i = 0; i < (this.options.canaries ?? 2); i++)
      await this.create('setup', 'aes', randomBytes(32));
    for (let i = 0; i < 3; i++) await this.create('setup', 'aes');
    for (let i = 0; i < 2; i++) await this.create('setup', 'ec');
    // Setup's probes also log every probe in, so later probes answer at once.
    await Promise.all([...this.probes]);
    if (this.liveAes.length === 0 || this.liveEc.length === 0) {
      throw new Error('workload setup: the cluster acknowledged no key; is it healthy?');
    }
  }

  /** start runs the workers until stop(). */
  start(): void {
    if (this.running) throw new Error('workload already started');
    this.stopping = false;
    const workers = this.options.workers ?? 4;
    this.running = Promise.all(
      Array.from({ length: workers }, (_, i) =>
        this.worker(`w${i + 1}`, this.options.random.fork()),
      ),
    ).then(() => undefined);
  }

  /** stop lets every worker finish its operation, then waits for the acknowledgement probes. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = undefined;
    await Promise.all([...this.probes]);
  }

  /**
   * createOne makes one key as `worker` outside the workers' loop, waits for
   * its acknowledgement probe, and says whether it was acknowledged.
   */
  async createOne(worker: string, kind: KeyKind = 'aes'): Promise<boolean> {
    const before = this.keys.size;
    await this.create(worker, kind);
    await Promise.all([...this.probes]);
    return this.keys.size > before;
  }

  private async worker(name: string, random: Random): Promise<void> {
    while (!this.stopping) {
      const kind: OpKind = random.weighted(this.mix);
      await this.step(name, kind, random);
      if (this.options.thinkMs)
        await new Promise((resolve) => setTimeout(resolve, this.options.thinkMs));
    }
  }

  private async step(worker: string, kind: OpKind, random: Random): Promise<void> {
    const { sdk, history } = this.options;
    const message = (): string => randomBytes(MESSAGE_BYTES).toString('hex');
    if (kind === 'create') {
      await this.create(worker, random.chance(0.7) ? 'aes' : 'ec');
    } else if (kind === 'sign') {
      const input: SignInput = { handle: random.pick(this.liveEc).handle, messageHex: message() };
      await history.run('sign', input, () => signMessage(sdk, input), { worker });
    } else if (kind === 'encrypt') {
      const input: EncryptInput = {
        handle: random.pick(this.liveAes).handle,
        plaintextHex: message(),
      };
      await history.run('encrypt', input, () => encryptPlaintext(sdk, input), { worker });
    } else if (kind === 'read') {
      const pool = random.chance(0.5) ? this.liveAes : this.liveEc;
      const input: KeyInput = { handle: random.pick(pool).handle };
      await history.run('read', input, () => readLabel(sdk, input), { worker });
    } else {
      await this.deleteOne(worker, random);
    }
  }

  private async deleteOne(worker: string, random: Random): Promise<void> {
    const candidates = this.liveAes.filter((k) => !k.canary);
    if (candidates.length <= MIN_LIVE_AES) return;
    const key = random.pick(candidates);
    // Out of the pool before the call, so no other worker uses a key being deleted.
    this.liveAes.splice(this.liveAes.indexOf(key), 1);
    const input: KeyInput = { handle: key.handle };
    await this.options.history.run('delete', input, () => deleteKey(this.options.sdk, input), {
      worker,
      mutating: true,
    });
  }

  private async create(worker: string, keyKind: KeyKind, canary?: Buffer): Promise<void> {
    const input: CreateInput = {
      label: `${this.options.labelPrefix}-${this.nextLabel++}`,
      keyKind,
      clientRequestId: randomUUID(),
      canaryHex: canary?.toString('hex'),
    };
    const output = await this.options.history.run(
      'create',
      input,
      () => createKey(this.options.sdk, input),
      { worker, mutating: true },
    );
    if (!output) return;

    const record: KeyRecord = {
      handle: output.handle,
      label: input.label,
      kind: keyKind,
      publicHandle: output.publicHandle,
      publicKeyDer: output.publicKeyDerHex ? Buffer.from(output.publicKeyDerHex, 'hex') : undefined,
      canary,
    };
    this.keys.set(record.handle, record);
    (keyKind === 'aes' ? this.liveAes : this.liveEc).push(record);
    this.probeAck(output);
  }

  /** probeAck asks every node about a new key now, without holding up the worker. */
  private probeAck(output: CreateOutput): void {
    const probe = this.options.probeHolders;
    if (!probe) return;
    const running = probe(output.handle).then(
      (holders) => {
        output.holders = holders;
        output.probedAtMs = Date.now();
      },
      () => undefined,
    );
    this.probes.add(running);
    void running.finally(() => this.probes.delete(running));
  }
}
