import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, parseCanonicalJson } from '../model';
import { openAtRest, sealAtRest } from './at-rest';
import { isNotFound, writeFileAtomic } from './durable-fs';
import { StoreCorruptError } from './errors';

/** NODE_STATE_FILE is the node metadata file's name inside the data dir. */
export const NODE_STATE_FILE = 'node-state.json';

/** NodeIdentity is the node's attested identity: its private key and certificate. */
export interface NodeIdentity {
  /** PKCS#8 DER of the identity private key; sealed at rest. */
  keyPkcs8Der: Buffer;
  certPem: string;
}

/** NodeState is the node's own metadata, kept across restarts. */
export interface NodeState {
  /** restartCount is how many times the node has opened its data dir (1 on first start). */
  restartCount: number;
  clusterId?: string;
  domainId?: string;
  /** The cluster's masking key (AES-256); sealed at rest. */
  maskingKey?: Buffer;
  identity?: NodeIdentity;
  /** Further secret fields by name; each sealed at rest. */
  secrets: Record<string, Buffer>;
  /** Further fields, stored in the clear: never put secrets here. */
  extras: Record<string, unknown>;
}

/** NodeStateFileOptions tune NodeStateFile.open. */
export interface NodeStateFileOptions {
  /** @default true */
  fsync?: boolean;
}

const FORMAT = 1;

/**
 * NodeStateFile is `<dataDir>/node-state.json`: a small JSON file written
 * atomically on every change, with a SHA-256 over its content so that a
 * damaged file is an error, not a silently reset node. Secret fields are
 * sealed under the storage key, each bound to its field name.
 */
export class NodeStateFile {
  /** Invariant: state is what the file on disk holds. */
  private state: NodeState;
  /** The tail of the chain of updates; updates run one at a time, in call order. */
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly storageKey: Buffer,
    private readonly fsync: boolean,
    state: NodeState,
  ) {
    this.state = state;
  }

  /** open reads the node state (a fresh one on first start) and counts this start. */
  static async open(
    dataDir: string,
    storageKey: Buffer,
    options: NodeStateFileOptions = {},
  ): Promise<NodeStateFile> {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const path = join(dataDir, NODE_STATE_FILE);
    const state = await readState(path, storageKey);
    const file = new NodeStateFile(path, storageKey, options.fsync ?? true, state);
    await file.update((draft) => {
      draft.restartCount += 1;
    });
    return file;
  }

  /** get returns a copy of the current state. */
  get(): NodeState {
    return cloneState(this.state);
  }

  /**
   * update runs mutator on a copy of the state and writes the result. The
   * state changes only once the file is durable; a failed write or a
   * throwing mutator leaves it as it was.
   */
  update(mutator: (draft: NodeState) => void | Promise<void>): Promise<void> {
    const run = this.chain.then(async () => {
      const draft = cloneState(this.state);
      await mutator(draft);
      await writeFileAtomic(this.path, encodeState(draft, this.storageKey), this.fsync);
      this.state = draft;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}

function cloneState(state: NodeState): NodeState {
  return {
    ...state,
    maskingKey: state.maskingKey && Buffer.from(state.maskingKey),
    identity: state.identity && {
      keyPkcs8Der: Buffer.from(state.identity.keyPkcs8Der),
      certPem: state.identity.certPem,
    },
    secrets: Object.fromEntries(
      Object.entries(state.secrets).map(([name, value]) => [name, Buffer.from(value)]),
    ),
    extras: parseCanonicalJson(canonicalJson(state.extras)) as Record<string, unknown>,
  };
}

function aad(field: string): Buffer {
  return Buffer.from(`hsmlab/node-state/${field}`, 'utf8');
}

function encodeState(state: NodeState, key: Buffer): Buffer {
  const stored = {
    restartCount: state.restartCount,
    clusterId: state.clusterId,
    domainId: state.domainId,
    maskingKey: state.maskingKey && sealAtRest(key, state.maskingKey, aad('maskingKey')),
    identity: state.identity && {
      keyPkcs8Der: sealAtRest(key, state.identity.keyPkcs8Der, aad('identity.keyPkcs8Der')),
      certPem: state.identity.certPem,
    },
    secrets: Object.fromEntries(
      Object.entries(state.secrets).map(([name, value]) => [
        name,
        sealAtRest(key, value, aad(`secrets.${name}`)),
      ]),
    ),
    extras: state.extras,
  };
  const body = canonicalJson(stored);
  const sha256 = createHash('sha256').update(body).digest('hex');
  return Buffer.from(`{"format":${FORMAT},"sha256":"${sha256}","state":${body}}\n`, 'utf8');
}

async function readState(path: string, key: Buffer): Promise<NodeState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (isNotFound(err)) return { restartCount: 0, secrets: {}, extras: {} };
    throw err;
  }
  try {
    const file = JSON.parse(text) as { format?: unknown; sha256?: unknown; state?: unknown };
    if (file.format !== FORMAT) throw new Error(`unknown format ${String(file.format)}`);
    const body = canonicalJson(parseCanonicalJson(JSON.stringify(file.state)));
    if (createHash('sha256').update(body).digest('hex') !== file.sha256) {
      throw new Error('checksum mismatch');
    }
    return decodeState(parseCanonicalJson(body) as Record<string, unknown>, key);
  } catch (err) {
    throw new StoreCorruptError(path, `node state does not read back: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

function decodeState(raw: Record<string, unknown>, key: Buffer): NodeState {
  const { restartCount, clusterId, domainId, maskingKey, identity, secrets, extras } = raw;
  if (typeof restartCount !== 'number') throw new Error('restartCount is missing');
  const optionalString = (value: unknown, name: string): string | undefined => {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'string') throw new Error(`${name} is not a string`);
    return value;
  };
  const sealed = (value: unknown, name: string): Buffer => {
    if (!Buffer.isBuffer(value)) throw new Error(`${name} is not sealed bytes`);
    return openAtRest(key, value, aad(name));
  };
  const id = identity as { keyPkcs8Der?: unknown; certPem?: unknown } | null | undefined;
  return {
    restartCount,
    clusterId: optionalString(clusterId, 'clusterId'),
    domainId: optionalString(domainId, 'domainId'),
    maskingKey: maskingKey == null ? undefined : sealed(maskingKey, 'maskingKey'),
    identity:
      id == null
        ? undefined
        : {
            keyPkcs8Der: sealed(id.keyPkcs8Der, 'identity.keyPkcs8Der'),
            certPem: optionalString(id.certPem, 'identity.certPem') ?? '',
          },
    secrets: Object.fromEntries(
      Object.entries((secrets ?? {}) as Record<string, unknown>).map(([name, value]) => [
        name,
        sealed(value, `secrets.${name}`),
      ]),
    ),
    extras: (extras ?? {}) as Record<string, unknown>,
  };
}
