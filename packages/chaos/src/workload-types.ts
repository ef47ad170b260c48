import type { Presence } from './node-probe';

/** PUBLIC_SUFFIX marks the public half of an EC pair in its label. */
export const PUBLIC_SUFFIX = '.pub';

/** OpKind names the operations the chaos workload runs. */
export type OpKind = 'create' | 'sign' | 'encrypt' | 'read' | 'delete';

/** OpMix weighs the operations a worker picks from (any non-negative numbers). */
export type OpMix = Record<OpKind, number>;

/** DEFAULT_MIX favours the hot path, with enough creates and deletes to stress replication. */
export const DEFAULT_MIX: OpMix = { create: 20, sign: 30, encrypt: 25, read: 15, delete: 10 };

/** KeyKind is what the workload makes: AES-256 keys to encrypt, EC P-256 pairs to sign. */
export type KeyKind = 'aes' | 'ec';

/** Holder is what one node said about a new key right after its create was acknowledged. */
export interface Holder {
  nodeId: string;
  az: string;
  presence: Presence;
}

/** CreateInput is a create's input: a unique label names the key in every check. */
export interface CreateInput {
  label: string;
  keyKind: KeyKind;
  clientRequestId: string;
  /** Set for canary keys: the raw material imported, hex. */
  canaryHex?: string;
}

/** CreateOutput is a create's result; `holders` is filled in by the acknowledgement probe. */
export interface CreateOutput {
  handle: string;
  /** EC pairs: the public half's handle and SPKI DER (hex). */
  publicHandle?: string;
  publicKeyDerHex?: string;
  holders?: Holder[];
  /** When the probe's last answer came (Date.now()); a probe is only evidence of what came before. */
  probedAtMs?: number;
}

export interface SignInput {
  handle: string;
  messageHex: string;
}

export interface SignOutput {
  signatureHex: string;
}

export interface EncryptInput {
  handle: string;
  plaintextHex: string;
}

export interface EncryptOutput {
  ciphertextHex: string;
  ivHex: string;
  tagHex: string;
}

export interface KeyInput {
  handle: string;
}

export interface ReadOutput {
  label: string;
}

/** KeyRecord is a key the workload made and acknowledged. */
export interface KeyRecord {
  handle: string;
  label: string;
  kind: KeyKind;
  publicHandle?: string;
  publicKeyDer?: Buffer;
  /** Raw material of a canary key: bytes that must never reach the orchestrator. */
  canary?: Buffer;
}
