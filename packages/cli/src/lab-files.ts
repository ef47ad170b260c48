import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliError } from './cli-errors';

/** LAB_FILE is the lab's description, in the lab directory: endpoints and cluster id. */
export const LAB_FILE = 'lab.json';
/** CREDENTIALS_FILE holds the lab's first users and their passwords (mode 0600). */
export const CREDENTIALS_FILE = 'credentials.json';
/** DEFAULT_LAB_DIR is where `hsmlab lab up` keeps a lab, relative to the working directory. */
export const DEFAULT_LAB_DIR = '.lab';

/** LabHsm is one HSM node of a process-mode lab. */
export interface LabHsm {
  hsmId: string;
  az: string;
  /** host:port of its data plane; kept across restarts. */
  address: string;
}

/**
 * LabFile is `lab.json`: what a client needs to reach the lab, and what
 * `lab up` needs to start it again the same way. Paths are relative to the
 * lab directory, so a lab directory can be moved while it is down.
 */
export interface LabFile {
  format: 1;
  /** Empty until the orchestrator has made the cluster. */
  clusterId: string;
  orchestrator: { address: string };
  hsms: LabHsm[];
  /** TLS of every link, or null when the lab runs plaintext (asked for with --insecure). */
  tls: { caPath: string; serverName?: string } | null;
  /** False while the first `lab up` is still setting the cluster up. */
  ready: boolean;
  createdAtMs: number;
}

/** LabUser is one user name and password. */
export interface LabUser {
  username: string;
  password: string;
}

/** CredentialsFile is `credentials.json`: the crypto officer and the first crypto user. */
export interface CredentialsFile {
  cryptoOfficer: LabUser;
  cryptoUser: LabUser;
}

/** labPath resolves a file of the lab directory. */
export function labPath(labDir: string, file: string): string {
  return resolve(labDir, file);
}

/** hasLabFile says whether a lab was ever set up in labDir. */
export function hasLabFile(labDir: string): boolean {
  return existsSync(join(labDir, LAB_FILE));
}

/** readLabFile reads `lab.json`; undefined when the lab directory has none. */
export async function readLabFile(labDir: string): Promise<LabFile | undefined> {
  const path = labPath(labDir, LAB_FILE);
  if (!existsSync(path)) return undefined;
  const parsed = parseJson<LabFile>(path, await readFile(path, 'utf8'));
  if (parsed.format !== 1 || typeof parsed.orchestrator?.address !== 'string') {
    throw new CliError(`${path} is not a lab file this version of hsmlab understands`);
  }
  return parsed;
}

/** readCredentialsFile reads `credentials.json`; undefined when there is none. */
export async function readCredentialsFile(labDir: string): Promise<CredentialsFile | undefined> {
  const path = labPath(labDir, CREDENTIALS_FILE);
  if (!existsSync(path)) return undefined;
  return parseJson<CredentialsFile>(path, await readFile(path, 'utf8'));
}

/** writeLabFile replaces `lab.json` atomically. */
export async function writeLabFile(labDir: string, lab: LabFile): Promise<void> {
  await writeAtomic(labPath(labDir, LAB_FILE), `${JSON.stringify(lab, null, 2)}\n`, 0o644);
}

/** writeCredentialsFile replaces `credentials.json` atomically, readable by its owner only. */
export async function writeCredentialsFile(
  labDir: string,
  credentials: CredentialsFile,
): Promise<void> {
  const text = `${JSON.stringify(credentials, null, 2)}\n`;
  await writeAtomic(labPath(labDir, CREDENTIALS_FILE), text, 0o600);
}

/**
 * writeAtomic writes a file through a temporary sibling and a rename, so a
 * reader never sees half a file and a crash leaves the old one.
 */
export async function writeAtomic(path: string, text: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode });
  await rename(temporary, path);
}

function parseJson<T>(path: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new CliError(`${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}
