import { readFileSync } from 'node:fs';
import type { Credentials, TlsOptions } from '@hsmlab/client';
import { UsageError } from './cli-errors';
import type { GlobalOptions } from './global-options';
import {
  DEFAULT_LAB_DIR,
  LAB_FILE,
  labPath,
  readCredentialsFile,
  readLabFile,
  type CredentialsFile,
} from './lab-files';

/** DEFAULT_DEADLINE_MS is a call's overall deadline unless --deadline-ms says otherwise. */
export const DEFAULT_DEADLINE_MS = 30_000;

/**
 * ClusterTarget is where a command's calls go and how: the endpoints, the
 * link security and the users it may log in as. It comes from the global
 * options, or from the lab directory when they name no endpoint.
 */
export interface ClusterTarget {
  /** Data-plane seed list, when given (else the SDK follows the orchestrator). */
  readonly nodes: readonly string[] | undefined;
  readonly orchestrator: string | undefined;
  readonly clusterId: string | undefined;
  /** TLS for every link; undefined exactly when insecure. */
  readonly tls: TlsOptions | undefined;
  readonly insecure: boolean;
  /** The user given by flags or environment. */
  readonly givenUser: Credentials | undefined;
  /** The lab's users, when the target is a lab. */
  readonly labUsers: CredentialsFile | undefined;
  /** The lab directory, when the endpoints came from it. */
  readonly labDir: string | undefined;
  readonly deadlineMs: number;
}

/** parseAddressList splits `host:port,host:port` and checks each part. */
export function parseAddressList(text: string, flag: string): string[] {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) throw new UsageError(`${flag} needs at least one host:port`);
  for (const part of parts) checkAddress(part, flag);
  return parts;
}

/** checkAddress throws a UsageError unless text is `host:port`. */
export function checkAddress(text: string, flag: string): string {
  if (!/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/.test(text)) {
    throw new UsageError(`${flag}: ${JSON.stringify(text)} is not host:port`);
  }
  return text;
}

/** parsePositiveInteger reads a whole number ≥ min for the named flag. */
export function parsePositiveInteger(text: string, flag: string, min = 1): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} must be a whole number ≥ ${min}; got ${JSON.stringify(text)}`);
  }
  return value;
}

function readPem(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new UsageError(`${flag}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code}`);
  }
}

function givenUser(options: GlobalOptions): Credentials | undefined {
  if (options.user === undefined && options.password === undefined) return undefined;
  if (options.user === undefined) throw new UsageError('--password needs --user (or HSMLAB_USER)');
  if (options.password === undefined) {
    throw new UsageError(`--user ${options.user} needs --password (or HSMLAB_PASSWORD)`);
  }
  return { username: options.user, password: options.password };
}

function explicitTls(options: GlobalOptions): TlsOptions | undefined {
  if (options.insecure && options.ca !== undefined) {
    throw new UsageError('--insecure and --ca contradict each other; give one');
  }
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw new UsageError('--cert and --key go together (mutual TLS)');
  }
  if (options.ca === undefined) {
    if (options.cert !== undefined) throw new UsageError('--cert and --key need --ca');
    return undefined;
  }
  return {
    caPem: readPem(options.ca, '--ca'),
    certPem: options.cert === undefined ? undefined : readPem(options.cert, '--cert'),
    keyPem: options.key === undefined ? undefined : readPem(options.key, '--key'),
    serverName: options.serverName,
  };
}

/**
 * resolveTarget turns the global options into a ClusterTarget. Endpoints
 * given by flag or environment win; otherwise the lab directory's lab.json
 * gives them, and its credentials.json the users. Plaintext is used only
 * when --insecure says so or the lab was made plaintext.
 */
export async function resolveTarget(options: GlobalOptions): Promise<ClusterTarget> {
  const deadlineMs =
    options.deadlineMs === undefined
      ? DEFAULT_DEADLINE_MS
      : parsePositiveInteger(options.deadlineMs, '--deadline-ms', 100);
  const user = givenUser(options);
  const nodes =
    options.nodes === undefined ? undefined : parseAddressList(options.nodes, '--nodes');
  const orchestrator =
    options.orchestrator === undefined
      ? undefined
      : checkAddress(options.orchestrator, '--orchestrator');

  if (nodes !== undefined || orchestrator !== undefined) {
    const tls = explicitTls(options);
    if (tls === undefined && !options.insecure) {
      throw new UsageError(
        'give --ca FILE to verify the servers over TLS, or --insecure for plaintext',
      );
    }
    return {
      nodes,
      orchestrator,
      clusterId: options.clusterId,
      tls,
      insecure: tls === undefined,
      givenUser: user,
      labUsers: undefined,
      labDir: undefined,
      deadlineMs,
    };
  }

  const labDir = options.labDir ?? DEFAULT_LAB_DIR;
  const lab = await readLabFile(labDir);
  if (lab === undefined) {
    throw new UsageError(
      `no cluster to talk to: give --nodes or --orchestrator (or HSMLAB_NODES / HSMLAB_ORCHESTRATOR), or start a lab with "hsmlab lab up" (no ${labPath(labDir, LAB_FILE)})`,
    );
  }
  const tls =
    explicitTls(options) ??
    (lab.tls === null
      ? undefined
      : {
          caPem: readPem(labPath(labDir, lab.tls.caPath), 'lab CA'),
          serverName: options.serverName ?? lab.tls.serverName,
        });
  return {
    nodes: undefined,
    orchestrator: lab.orchestrator.address,
    clusterId: options.clusterId ?? (lab.clusterId || undefined),
    tls,
    insecure: tls === undefined,
    givenUser: user,
    labUsers: await readCredentialsFile(labDir),
    labDir,
    deadlineMs,
  };
}
